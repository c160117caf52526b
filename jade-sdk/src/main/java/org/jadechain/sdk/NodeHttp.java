package org.jadechain.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.jadechain.sdk.json.Json;
import org.jadechain.sdk.json.JsonFormatException;

/**
 * JSON over HTTP to one node, with the API's error mapping: 2xx answers are parsed as JSON, error answers
 * become {@link JadeApiException} with the status and the body's {@code error} and {@code message}, and
 * transport failures become a plain message naming the node. Thread-safe.
 */
final class NodeHttp {
    private static final int MAX_SHOWN_BODY = 200;

    private final String base;
    private final HttpClient http;
    private final Duration timeout;

    NodeHttp(URI baseUrl, HttpClient http, Duration timeout) {
        String s = baseUrl.toString();
        this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        this.http = http;
        this.timeout = timeout;
    }

    String base() {
        return base;
    }

    /** An answer: the status and the parsed JSON body (null for a 404). */
    record Answer(int status, JsonNode body) {
    }

    JsonNode get(String path) {
        return exchange("GET", path, null, timeout, false).body();
    }

    /** A GET whose 404 is an answer (body null) rather than an error. */
    Answer find(String path, Duration extraTime) {
        return exchange("GET", path, null, timeout.plus(extraTime), true);
    }

    JsonNode post(String path, JsonNode body) {
        return exchange("POST", path, body, timeout, false).body();
    }

    private Answer exchange(String method, String path, JsonNode body, Duration requestTimeout, boolean notFoundIsAnswer) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        if (body != null) {
            rb.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.compact(body), StandardCharsets.UTF_8));
        } else {
            rb.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JadeApiException.client(JadeApiException.INTERRUPTED, "interrupted while talking to " + base);
        }
        int status = response.statusCode();
        if (status == 404 && notFoundIsAnswer) {
            return new Answer(status, null);
        }
        if (status >= 400) {
            throw error(status, response.body());
        }
        try {
            return new Answer(status, Json.parse(response.body()));
        } catch (JsonFormatException e) {
            throw badResponse(method + " " + path, e.problem());
        }
    }

    JadeApiException badResponse(String request, String problem) {
        return JadeApiException.client(JadeApiException.BAD_RESPONSE,
                "unexpected answer from " + base + " to " + request + ": " + problem);
    }

    private static JadeApiException error(int status, String body) {
        try {
            JsonNode n = Json.parse(body);
            JsonNode code = n.get("error");
            if (code != null && code.isTextual()) {
                JsonNode message = n.get("message");
                return JadeApiException.http(status, code.textValue(),
                        message != null && message.isTextual() ? message.textValue() : "");
            }
        } catch (JsonFormatException e) {
            // not the API's error shape: report the raw body below
        }
        String shown = body.length() > MAX_SHOWN_BODY ? body.substring(0, MAX_SHOWN_BODY) + "…" : body;
        return JadeApiException.http(status, "HTTP_" + status, shown.strip());
    }

    private JadeApiException unreachable(IOException e) {
        String why;
        if (e instanceof HttpConnectTimeoutException) {
            why = "connection timed out";
        } else if (e instanceof HttpTimeoutException) {
            return JadeApiException.client(JadeApiException.TIMEOUT, "no answer from " + base + " within "
                    + timeout.toSeconds() + " s");
        } else if (hasCause(e, UnresolvedAddressException.class)) {
            why = "unknown host";
        } else if (e instanceof ConnectException) {
            String m = rootMessage(e);
            why = m == null ? "connection refused" : m.toLowerCase(Locale.ROOT);
        } else {
            String m = rootMessage(e);
            why = m == null ? e.getClass().getSimpleName() : m;
        }
        return JadeApiException.client(JadeApiException.UNREACHABLE, "cannot reach node at " + base + ": " + why);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        String m = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                m = c.getMessage();
            }
        }
        return m;
    }
}
