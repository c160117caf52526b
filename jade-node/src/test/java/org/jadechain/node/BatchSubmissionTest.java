package org.jadechain.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Transaction;
import org.jadechain.sdk.EvidenceCalls;
import org.jadechain.sdk.TransactionBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many transactions in one request: one answer per entry, in request order; the accepted ones commit. */
class BatchSubmissionTest {
    @TempDir
    static Path dir;

    private static NodeDirectory chain;
    private static JadeNode node;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        chain = NodeDirectory.create(dir, SuiteId.INTL);
        node = JadeNode.start(chain.config(), System::currentTimeMillis);
        api = new Api(node.apiPort());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aMixedBatchGetsOneResultPerEntryInOrderAndItsValidEntriesCommit() {
        Transaction first = chain.evidence("citizen-1", 0, "exhibit A");
        Transaction second = chain.evidence("citizen-1", 1, "exhibit B");
        Transaction otherSender = chain.evidence("citizen-2", 0, "exhibit C");
        Transaction wrongChain = new TransactionBuilder("another-chain", SuiteId.INTL, chain.signer("citizen-3"))
                .build(0, EvidenceCalls.recordEvidence(chain.document("elsewhere"), "elsewhere"));
        Transaction gap = chain.evidence("citizen-3", 4, "too early");
        byte[] badSignature = chain.evidence("citizen-3", 0, "altered").encoded();
        badSignature[badSignature.length - 1] ^= 1;

        Api.Answer a = api.postJson("/v1/transactions/batch", "{\"txs\": ["
                + String.join(",", hex(first), "\"zz\"", hex(second), hex(wrongChain), hex(first), hex(otherSender),
                        "42", hex(gap), "\"" + Hex.encode(badSignature) + "\"", "\"" + Hex.encode(new byte[] {1, 2}) + "\"")
                + "]}");

        assertThat(a.status()).as("%s", a).isEqualTo(200);
        JsonNode r = a.json().path("results");
        assertThat(r).hasSize(10);
        assertPending(r.get(0), first);
        assertRefused(r.get(1), null, "MALFORMED");
        assertPending(r.get(2), second);
        assertRefused(r.get(3), wrongChain.hash().hex(), "WRONG_CHAIN");
        assertRefused(r.get(4), first.hash().hex(), "DUPLICATE");
        assertPending(r.get(5), otherSender);
        assertRefused(r.get(6), null, "MALFORMED");
        assertRefused(r.get(7), gap.hash().hex(), "BAD_NONCE");
        assertRefused(r.get(8), null, "BAD_SIGNATURE");
        assertRefused(r.get(9), null, "MALFORMED");

        for (Transaction t : List.of(first, second, otherSender)) {
            assertThat(api.awaitCommitted(t.hash().hex()).path("receipt").path("code").asText()).isEqualTo("OK");
        }
        assertThat(api.get("/v1/accounts/" + chain.address("citizen-3").hex() + "/nonce").json().path("pendingNonce").asLong())
                .as("nothing of citizen-3 was accepted").isZero();
    }

    @Test
    void anEmptyBatchGetsAnEmptyAnswer() {
        Api.Answer a = api.postJson("/v1/transactions/batch", "{\"txs\": []}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("results")).isEmpty();
    }

    @Test
    void aLargeBatchFromManySendersIsVerifiedInParallelAndCommitsCompletely() {
        List<String> entries = new ArrayList<>();
        List<Transaction> txs = new ArrayList<>();
        List<TransactionBuilder> senders = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            senders.add(new TransactionBuilder(NodeDirectory.CHAIN_ID, SuiteId.INTL,
                    org.jadechain.sdk.Signer.generate(SuiteId.INTL, new java.security.SecureRandom())));
        }
        for (int i = 0; i < 2_000; i++) {
            Transaction t = senders.get(i % 20).build(i / 20,
                    EvidenceCalls.recordEvidence(chain.document("bulk " + i), "bulk " + i));
            txs.add(t);
            entries.add(hex(t));
        }

        Api.Answer a = api.postJson("/v1/transactions/batch", "{\"txs\": [" + String.join(",", entries) + "]}");

        assertThat(a.status()).isEqualTo(200);
        JsonNode r = a.json().path("results");
        for (int i = 0; i < txs.size(); i++) {
            assertPending(r.get(i), txs.get(i));
        }
        long last = api.awaitCommitted(txs.get(txs.size() - 1).hash().hex()).path("height").asLong();
        java.util.Map<String, String> codes = new java.util.HashMap<>();
        for (long h = 1; h <= last; h++) {
            for (JsonNode t : api.get("/v1/blocks/" + h).json().path("transactions")) {
                codes.put(t.path("txHash").asText(), t.path("code").asText());
            }
        }
        for (Transaction t : txs) {
            assertThat(codes.get(t.hash().hex())).as("receipt of %s", t).isEqualTo("OK");
        }
    }

    private static String hex(Transaction tx) {
        return "\"" + Hex.encode(tx.unsafeEncoded()) + "\"";
    }

    private static void assertPending(JsonNode result, Transaction tx) {
        assertThat(result.path("status").asText()).as("%s", result).isEqualTo("PENDING");
        assertThat(result.path("txHash").asText()).isEqualTo(tx.hash().hex());
        assertThat(result.has("error")).isFalse();
    }

    private static void assertRefused(JsonNode result, String txHash, String code) {
        assertThat(result.path("error").asText()).as("%s", result).isEqualTo(code);
        assertThat(result.path("message").asText()).isNotBlank();
        if (txHash != null) {
            assertThat(result.path("txHash").asText()).isEqualTo(txHash);
        } else if (!code.equals("BAD_SIGNATURE")) {
            assertThat(result.path("txHash").isNull()).as("%s", result).isTrue();
        }
    }
}
