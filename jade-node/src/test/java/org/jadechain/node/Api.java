package org.jadechain.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.model.Transaction;

/**
 * Plain HTTP/1.1 to a node's API, as any client sees it: status, content type and body. Error statuses
 * are answers, not exceptions. Every request is bounded (30 s). Thread-safe.
 */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String base() {
        return base;
    }

    HttpClient client() {
        return http;
    }

    /** One answer: status, content type (may be empty) and body text. */
    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        /** The API's error code, e.g. {@code BAD_NONCE}. */
        String error() {
            return json().path("error").asText();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    Answer get(String path) {
        return send("GET", path, null, null);
    }

    Answer postJson(String path, String json) {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Answer send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(b.build());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Submits as {@code {"tx": HEX}}. */
    Answer submit(Transaction tx) {
        return postJson("/v1/transactions", "{\"tx\":\"" + Hex.encode(tx.unsafeEncoded()) + "\"}");
    }

    /** Submits and requires {@code 202 PENDING}; returns the transaction hash. */
    String accepted(Transaction tx) {
        Answer a = submit(tx);
        assertThat(a.status()).as("submission of %s: %s", tx, a).isEqualTo(202);
        assertThat(a.json().path("status").asText()).isEqualTo("PENDING");
        return a.json().path("txHash").asText();
    }

    JsonNode status() {
        Answer a = get("/v1/status");
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json();
    }

    /** Waits (bounded, 20 s) until the node reports the transaction committed; returns its view. */
    JsonNode awaitCommitted(String txHash) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Answer a = get("/v1/transactions/" + txHash + "?wait=5000");
            assertThat(a.status()).as("GET transaction %s: %s", txHash, a).isEqualTo(200);
            if (a.json().path("status").asText().equals("COMMITTED")) {
                return a.json();
            }
            assertThat(System.nanoTime() - deadline).as("transaction %s still pending after 20 s", txHash).isNegative();
        }
    }

    /** Waits (bounded) until the chain reaches at least that height; returns the status. */
    JsonNode awaitHeight(long height, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode s = status();
            if (s.path("height").asLong() >= height) {
                return s;
            }
            assertThat(System.nanoTime() - deadline).as("height %d not reached within %s; status %s", height, timeout, s)
                    .isNegative();
            Thread.sleep(10);
        }
    }
}
