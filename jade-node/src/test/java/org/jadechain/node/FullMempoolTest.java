package org.jadechain.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.consensus.solo.SoloConfig;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Transaction;
import org.jadechain.testkit.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose mempool holds five transactions, and whose blocks are cut only when the (fake) clock says
 * a second has passed: a sixth is refused with 503 while the five wait, and every accepted one is committed.
 */
class FullMempoolTest {
    private static final long START = 1_764_000_000_000L;

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock(START);
    private NodeDirectory chain;
    private JadeNode node;
    private Api api;

    @BeforeEach
    void start() throws Exception {
        chain = NodeDirectory.create(dir, SuiteId.INTL, START, new SoloConfig(1_000, 1_000, 0), 5);
        node = JadeNode.start(chain.config(), clock);
        api = new Api(node.apiPort());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void aSixthTransactionIsRefusedWhileFiveWaitAndNoneOfTheFiveIsLost() throws Exception {
        List<Transaction> five = new ArrayList<>();
        for (int nonce = 0; nonce < 5; nonce++) {
            five.add(chain.evidence("citizen-1", nonce, "page " + nonce));
            api.accepted(five.get(nonce));
        }
        Transaction sixth = chain.evidence("citizen-1", 5, "page 5");

        Api.Answer refused = api.submit(sixth);

        assertThat(refused.status()).as("%s", refused).isEqualTo(503);
        assertThat(refused.error()).isEqualTo("MEMPOOL_FULL");
        assertThat(refused.json().path("message").asText()).contains("full");
        assertThat(api.submit(chain.evidence("citizen-2", 0, "another sender")).error()).isEqualTo("MEMPOOL_FULL");
        JsonNode status = api.status();
        assertThat(status.path("height").asLong()).isZero();
        assertThat(status.path("mempool").path("size").asInt()).isEqualTo(5);
        assertThat(status.path("mempool").path("capacity").asInt()).isEqualTo(5);
        JsonNode nonces = api.get("/v1/accounts/" + chain.address("citizen-1").hex() + "/nonce").json();
        assertThat(nonces.path("nonce").asLong()).isZero();
        assertThat(nonces.path("pendingNonce").asLong()).isEqualTo(5);

        clock.advance(1_000);
        api.awaitHeight(1, Duration.ofSeconds(10));

        JsonNode block = api.get("/v1/blocks/1").json();
        assertThat(block.path("transactions")).hasSize(5);
        for (int i = 0; i < 5; i++) {
            JsonNode view = api.get("/v1/transactions/" + five.get(i).hash().hex()).json();
            assertThat(view.path("status").asText()).isEqualTo("COMMITTED");
            assertThat(view.path("index").asInt()).as("arrival order").isEqualTo(i);
            assertThat(view.path("receipt").path("code").asText()).isEqualTo("OK");
        }
        assertThat(api.status().path("mempool").path("size").asInt()).isZero();
        assertThat(block.path("header").path("timestamp").asLong()).isEqualTo(START + 1_000);

        api.accepted(sixth);
        clock.advance(1_000);
        assertThat(api.awaitCommitted(sixth.hash().hex()).path("height").asLong()).isEqualTo(2);
    }

    @Test
    void aPendingTransactionIsShownPendingAndItsResubmissionIsADuplicate() throws Exception {
        Transaction tx = chain.evidence("citizen-3", 0, "affidavit");
        String hash = api.accepted(tx);

        Api.Answer again = api.submit(tx);
        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(again.error()).isEqualTo("DUPLICATE");
        Api.Answer pending = api.get("/v1/transactions/" + hash);
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.json().path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.json().has("receipt")).isFalse();
        long asked = System.nanoTime();
        Api.Answer waited = api.get("/v1/transactions/" + hash + "?wait=300");
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        assertThat(waited.json().path("status").asText()).isEqualTo("PENDING");
        Api.Answer proof = api.get("/v1/transactions/" + hash + "/proof");
        assertThat(proof.status()).isEqualTo(404);
        assertThat(proof.json().path("message").asText()).contains("pending");
        assertThat(api.get("/v1/evidence/" + Hex.encode(chain.document("affidavit"))).status()).isEqualTo(404);

        clock.advance(1_000);

        assertThat(api.awaitCommitted(hash).path("receipt").path("code").asText()).isEqualTo("OK");
        Api.Answer duplicateOfCommitted = api.submit(tx);
        assertThat(duplicateOfCommitted.status()).isEqualTo(409);
        assertThat(duplicateOfCommitted.error()).isEqualTo("DUPLICATE");
    }

    @Test
    void blockTimestampsKeepIncreasingWhenTheClockGoesBack() throws Exception {
        api.accepted(chain.evidence("citizen-1", 0, "before"));
        clock.advance(1_000);
        long first = api.awaitHeight(1, Duration.ofSeconds(10)).path("timestamp").asLong();

        clock.set(START - 60_000);
        api.accepted(chain.evidence("citizen-1", 1, "after the clock was set back"));
        clock.advance(1_000);
        JsonNode second = api.awaitHeight(2, Duration.ofSeconds(10));

        assertThat(second.path("timestamp").asLong()).isEqualTo(first + 1);
    }

    @Test
    void aBatchIntoANearlyFullMempoolIsAcceptedUpToItsCapacity() throws Exception {
        api.accepted(chain.evidence("citizen-1", 0, "first"));
        api.accepted(chain.evidence("citizen-1", 1, "second"));
        List<String> entries = new ArrayList<>();
        List<Transaction> txs = new ArrayList<>();
        for (int nonce = 0; nonce < 5; nonce++) {
            txs.add(chain.evidence("citizen-2", nonce, "batch " + nonce));
            entries.add("\"" + Hex.encode(txs.get(nonce).unsafeEncoded()) + "\"");
        }

        Api.Answer a = api.postJson("/v1/transactions/batch", "{\"txs\": [" + String.join(",", entries) + "]}");

        assertThat(a.status()).as("%s", a).isEqualTo(200);
        JsonNode results = a.json().path("results");
        assertThat(results).hasSize(5);
        for (int i = 0; i < 3; i++) {
            assertThat(results.get(i).path("status").asText()).isEqualTo("PENDING");
            assertThat(results.get(i).path("txHash").asText()).isEqualTo(txs.get(i).hash().hex());
        }
        for (int i = 3; i < 5; i++) {
            assertThat(results.get(i).path("error").asText()).isEqualTo("MEMPOOL_FULL");
            assertThat(results.get(i).path("txHash").asText()).isEqualTo(txs.get(i).hash().hex());
        }
        clock.advance(1_000);
        for (int i = 0; i < 3; i++) {
            assertThat(api.awaitCommitted(txs.get(i).hash().hex()).path("receipt").path("code").asText()).isEqualTo("OK");
        }
        assertThat(api.get("/v1/transactions/" + txs.get(3).hash().hex()).status()).isEqualTo(404);
    }
}
