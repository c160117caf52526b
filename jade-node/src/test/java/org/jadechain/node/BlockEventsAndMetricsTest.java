package org.jadechain.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a dashboard sees: a server-sent event for every committed block, and Prometheus metrics. */
class BlockEventsAndMetricsTest {
    @TempDir
    Path dir;

    private NodeDirectory chain;
    private JadeNode node;
    private Api api;

    @BeforeEach
    void start() throws Exception {
        chain = NodeDirectory.create(dir, SuiteId.INTL);
        node = JadeNode.start(chain.config(), System::currentTimeMillis);
        api = new Api(node.apiPort());
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aNodeStopsPromptlyWhileASubscriberIsConnected() throws Exception {
        try (EventSubscription events = EventSubscription.open(api)) {
            assertThat(events.next(Duration.ofSeconds(10)).name()).isEqualTo("hello");
            long started = System.nanoTime();

            node.close();
            node = null;

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aSubscriberReceivesABlockEventWithTheHeightAndReceiptsOfEachCommittedBlock() throws Exception {
        try (EventSubscription events = EventSubscription.open(api)) {
            assertThat(events.next(Duration.ofSeconds(10)).name()).isEqualTo("hello");

            Transaction tx = chain.evidence("citizen-1", 0, "board minutes");
            long height = api.awaitCommitted(api.accepted(tx)).path("height").asLong();

            Event block = events.next(Duration.ofSeconds(10));
            assertThat(block.name()).isEqualTo("block");
            JsonNode data = Api.JSON.readTree(block.data());
            assertThat(data.path("height").asLong()).isEqualTo(height);
            assertThat(data.path("hash").asText()).isEqualTo(api.get("/v1/blocks/" + height).json().path("hash").asText());
            assertThat(data.path("txCount").asInt()).isEqualTo(1);
            assertThat(data.path("receipts").get(0).path("txHash").asText()).isEqualTo(tx.hash().hex());
            assertThat(data.path("receipts").get(0).path("code").asText()).isEqualTo("OK");
            assertThat(data.path("receipts").get(0).path("kind").asText()).isEqualTo("TRANSACTION");

            api.awaitCommitted(api.accepted(chain.evidence("citizen-1", 1, "board minutes, annex")));
            Event second = events.next(Duration.ofSeconds(10));
            assertThat(Api.JSON.readTree(second.data()).path("height").asLong()).isEqualTo(height + 1);
        }
    }

    @Test
    void subscribersAreCappedAt256AndTheApiStillAnswersWhileTheyAreConnected() throws Exception {
        List<EventSubscription> crowd = new ArrayList<>();
        try {
            for (int i = 0; i < 256; i++) {
                crowd.add(EventSubscription.open(api));
            }
            for (EventSubscription s : crowd) {
                assertThat(s.next(Duration.ofSeconds(10)).name()).isEqualTo("hello");
            }
            try (EventSubscription oneTooMany = EventSubscription.open(api)) {
                Event refused = oneTooMany.next(Duration.ofSeconds(10));
                assertThat(refused.name()).isEqualTo("error");
                assertThat(refused.data()).contains("TOO_MANY_SUBSCRIBERS");
            }
            long height = api.awaitCommitted(api.accepted(chain.evidence("citizen-3", 0, "notice"))).path("height").asLong();
            for (EventSubscription s : crowd) {
                assertThat(Api.JSON.readTree(s.next(Duration.ofSeconds(10)).data()).path("height").asLong()).isEqualTo(height);
            }
        } finally {
            for (EventSubscription s : crowd) {
                s.close();
            }
        }
    }

    @Test
    void metricsAreServedInPrometheusTextFormatAndCountCommittedBlocks() throws Exception {
        api.awaitCommitted(api.accepted(chain.evidence("citizen-2", 0, "invoice")));
        api.submit(chain.evidence("citizen-2", 0, "replay"));

        Api.Answer a = api.get("/metrics");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("text/plain");
        assertThat(a.body()).contains("# TYPE jade_blocks_committed");
        assertThat(value(a.body(), "jade_blocks_committed_total")).isEqualTo(1.0);
        assertThat(value(a.body(), "jade_transactions_committed_total")).isEqualTo(1.0);
        assertThat(value(a.body(), "jade_height")).isEqualTo(1.0);
        assertThat(value(a.body(), "jade_mempool_size")).isEqualTo(0.0);
        assertThat(a.body()).containsPattern("jade_transactions_refused_total\\{code=\"BAD_NONCE\"[^}]*} 1\\.0");
    }

    private static double value(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(m.find()).as("metric %s in%n%s", name, metrics).isTrue();
        return Double.parseDouble(m.group(1));
    }

    record Event(String name, String data) {
    }

    /** A GET /v1/events connection read on its own thread; events are taken with a bounded wait. */
    private static final class EventSubscription implements AutoCloseable {
        private final InputStream body;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Thread reader;

        private EventSubscription(InputStream body) {
            this.body = body;
            this.reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static EventSubscription open(Api api) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/v1/events"))
                    .header("Accept", "text/event-stream").GET().build();
            HttpResponse<InputStream> r = api.client().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            return new EventSubscription(r.body());
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    } else if (line.isEmpty() && name != null) {
                        events.add(new Event(name, data.toString()));
                        name = null;
                        data.setLength(0);
                    }
                }
            } catch (IOException e) {
                // closed by the test
            }
        }

        Event next(Duration timeout) throws InterruptedException {
            Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(e).as("an event within %s", timeout).isNotNull();
            return e;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
