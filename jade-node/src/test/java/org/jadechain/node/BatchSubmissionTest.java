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

    @Test
    void aBinaryBatchIsAnsweredWithItsCountAndOnlyItsRefusalsAndItsValidEntriesCommit() {
        TransactionBuilder sender = newSender();
        Transaction first = sender.build(0, EvidenceCalls.recordEvidence(chain.document("binary A"), "binary A"));
        Transaction second = sender.build(1, EvidenceCalls.recordEvidence(chain.document("binary B"), "binary B"));
        Transaction gap = newSender().build(3, EvidenceCalls.recordEvidence(chain.document("early"), "early"));
        byte[] garbage = {1, 2, 3};

        Api.Answer a = api.send("POST", "/v1/transactions/batch", "application/octet-stream",
                frame(first.encoded(), garbage, second.encoded(), first.encoded(), gap.encoded()));

        assertThat(a.status()).as("%s", a).isEqualTo(200);
        JsonNode j = a.json();
        assertThat(j.path("count").asInt()).isEqualTo(5);
        assertThat(j.path("accepted").asInt()).isEqualTo(2);
        JsonNode refused = j.path("refused");
        assertThat(refused).hasSize(3);
        assertThat(refused.get(0).path("index").asInt()).isEqualTo(1);
        assertRefused(refused.get(0), null, "MALFORMED");
        assertThat(refused.get(1).path("index").asInt()).isEqualTo(3);
        assertRefused(refused.get(1), first.hash().hex(), "DUPLICATE");
        assertThat(refused.get(2).path("index").asInt()).isEqualTo(4);
        assertRefused(refused.get(2), gap.hash().hex(), "BAD_NONCE");
        for (Transaction t : List.of(first, second)) {
            assertThat(api.awaitCommitted(t.hash().hex()).path("receipt").path("code").asText()).isEqualTo("OK");
        }
    }

    @Test
    void aBinaryBatchWhoseFramingIsBrokenIsRefusedWhole() {
        org.jadechain.sdk.Signer signer = org.jadechain.sdk.Signer.generate(SuiteId.INTL, new java.security.SecureRandom());
        Transaction t = new TransactionBuilder(NodeDirectory.CHAIN_ID, SuiteId.INTL, signer)
                .build(0, EvidenceCalls.recordEvidence(chain.document("never admitted"), "never admitted"));
        byte[] whole = frame(t.encoded());
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 1);
        byte[] strayByte = java.util.Arrays.copyOf(whole, whole.length + 2);

        for (byte[] body : List.of(truncated, strayByte)) {
            Api.Answer a = api.send("POST", "/v1/transactions/batch", "application/octet-stream", body);
            assertThat(a.status()).as("%s", a).isEqualTo(400);
            assertThat(a.json().path("error").asText()).isEqualTo("MALFORMED");
        }
        assertThat(api.get("/v1/accounts/" + signer.address().hex() + "/nonce").json().path("pendingNonce")
                .asLong()).as("nothing was admitted").isZero();
        Api.Answer empty = api.send("POST", "/v1/transactions/batch", "application/octet-stream", new byte[0]);
        assertThat(empty.json().path("count").asInt()).isZero();
    }

    @Test
    void aBinaryBatchOfMoreThanTheLimitIsRefusedWithTooLarge() {
        byte[][] tiny = new byte[10_001][];
        java.util.Arrays.fill(tiny, new byte[0]);

        Api.Answer a = api.send("POST", "/v1/transactions/batch", "application/octet-stream", frame(tiny));

        assertThat(a.status()).as("%s", a).isEqualTo(413);
        assertThat(a.json().path("error").asText()).isEqualTo("TOO_LARGE");
    }

    private static TransactionBuilder newSender() {
        return new TransactionBuilder(NodeDirectory.CHAIN_ID, SuiteId.INTL,
                org.jadechain.sdk.Signer.generate(SuiteId.INTL, new java.security.SecureRandom()));
    }

    /** Each entry after its length, 4 bytes big-endian. */
    private static byte[] frame(byte[]... entries) {
        int length = 0;
        for (byte[] e : entries) {
            length += 4 + e.length;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(length);
        for (byte[] e : entries) {
            b.putInt(e.length).put(e);
        }
        return b.array();
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
