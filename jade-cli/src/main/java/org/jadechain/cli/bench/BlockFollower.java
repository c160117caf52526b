package org.jadechain.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.json.Json;

/**
 * Follows a node's committed blocks through its server-sent events ({@code GET /v1/events}) on one daemon
 * thread. A gap in the heights (the node drops events for a client more than 1,024 blocks behind) is
 * filled by reading the missing blocks with {@code GET /v1/blocks/{height}}, so no block is missed.
 */
final class BlockFollower implements AutoCloseable {
    private final JadeClient client;
    private final HttpClient http;
    private final URI events;
    private final Supplier<BenchTarget.CommitSink> sink;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private volatile Stream<String> lines;
    private volatile boolean closed;
    private volatile String failure;
    private long last = -1;

    BlockFollower(JadeClient client, HttpClient http, Supplier<BenchTarget.CommitSink> sink) {
        this.client = client;
        this.http = http;
        this.events = URI.create(client.baseUrl() + "/v1/events");
        this.sink = sink;
    }

    /** Subscribes and returns once the node has confirmed the subscription. */
    void start() {
        Thread t = new Thread(this::run, "bench-block-follower");
        t.setDaemon(true);
        t.start();
        try {
            if (!subscribed.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no answer from " + events + " within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while subscribing to " + events, e);
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    String failure() {
        return failure;
    }

    private void run() {
        try {
            HttpRequest req = HttpRequest.newBuilder(events).header("Accept", "text/event-stream").GET().build();
            HttpResponse<Stream<String>> r = http.send(req, HttpResponse.BodyHandlers.ofLines());
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode() + " from " + events);
            }
            lines = r.body();
            String event = null;
            StringBuilder data = new StringBuilder();
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    dispatch(event, data.toString());
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            if (!closed) {
                failure = "the node closed the event stream";
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                failure = "event stream failed: " + e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscribed.countDown();
        }
    }

    private void dispatch(String event, String data) {
        if ("hello".equals(event)) {
            last = client.status().height();
            subscribed.countDown();
        } else if ("block".equals(event) && last >= 0) {
            JsonNode n = Json.parse(data);
            long height = n.path("height").asLong();
            if (height <= last) {
                return;
            }
            for (long h = last + 1; h < height; h++) {
                fetch(h);
            }
            List<String> hashes = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (JsonNode r : n.path("receipts")) {
                if ("TRANSACTION".equals(r.path("kind").asText())) {
                    hashes.add(r.path("txHash").asText());
                    codes.add(r.path("code").asText());
                }
            }
            deliver(height, hashes, codes);
        }
    }

    private void fetch(long height) {
        JsonNode b = client.block(height).orElseThrow(() -> new IllegalStateException("block " + height + " is missing"));
        List<String> hashes = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (JsonNode t : b.path("transactions")) {
            hashes.add(t.path("txHash").asText());
            codes.add(t.path("code").asText());
        }
        deliver(height, hashes, codes);
    }

    private void deliver(long height, List<String> hashes, List<String> codes) {
        last = height;
        BenchTarget.CommitSink s = sink.get();
        if (s != null) {
            s.committed(height, hashes, codes);
        }
    }

    @Override
    public void close() {
        closed = true;
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
    }
}
