package org.jadechain.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** A node answering canned JSON on a loopback ephemeral port, recording every request it gets. */
final class StubNode implements AutoCloseable {
    record Request(String method, String path, String query, String contentType, String accept, String body) {
    }

    record Reply(int status, String body) {
    }

    private record Route(String method, String path, Function<Request, Reply> responder) {
    }

    private final HttpServer server;
    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    StubNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests to exactly this method and path (query ignored). */
    StubNode on(String method, String path, int status, String body) {
        return on(method, path, r -> new Reply(status, body));
    }

    StubNode on(String method, String path, Function<Request, Reply> responder) {
        routes.add(0, new Route(method, path, responder));
        return this;
    }

    /** Answers with each reply in turn, then repeats the last. */
    StubNode onSequence(String method, String path, Reply... replies) {
        int[] next = {0};
        return on(method, path, r -> replies[Math.min(next[0]++, replies.length - 1)]);
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    Request lastRequest() {
        List<Request> all = requests();
        return all.get(all.size() - 1);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getQuery(),
                ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestHeaders().getFirst("Accept"), body);
        requests.add(req);
        Reply reply = new Reply(404, "{\"error\": \"NOT_FOUND\", \"message\": \"no route\"}");
        synchronized (routes) {
            for (Route r : routes) {
                if (r.method().equals(req.method()) && r.path().equals(req.path())) {
                    reply = r.responder().apply(req);
                    break;
                }
            }
        }
        byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
