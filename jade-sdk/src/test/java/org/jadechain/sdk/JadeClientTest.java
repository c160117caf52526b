package org.jadechain.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.model.Transaction;
import org.jadechain.sdk.fixtures.TestChain;
import org.jadechain.sdk.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JadeClientTest {
    private static final String HASH = "ab".repeat(32);
    private static final String COMMITTED = """
            {"txHash": "%s", "status": "COMMITTED", "height": 12, "index": 1, "timestamp": 1764000000123,
             "transaction": {"contract": "evidence", "method": "recordEvidence", "nonce": 0},
             "receipt": {"code": "OK", "message": "", "kind": "TRANSACTION",
                         "events": [{"contract": "evidence", "type": "EvidenceRecorded", "attributes": {"documentHash": "00ff"}}],
                         "output": {"documentHash": "00ff", "note": "x"}}}""";
    private static final String PENDING = "{\"txHash\": \"%s\", \"status\": \"PENDING\", \"transaction\": {}}";

    private StubNode node;
    private JadeClient client;
    private final TestChain chain = TestChain.create(SuiteId.INTL, 1);

    @BeforeEach
    void start() throws IOException {
        node = new StubNode();
        client = new JadeClient(node.url());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void statusIsReadIntoARecord() {
        node.on("GET", "/v1/status", 200, """
                {"chainId": "jade-devnet", "suite": "sm", "height": 41, "headHash": "aa", "stateRoot": "bb",
                 "timestamp": 1764000000999, "consensus": "solo", "mempool": {"size": 3, "capacity": 100000},
                 "validators": [{"id": "validator-1", "organisation": "central-bank", "publicKey": "04ab", "address": "cd"}]}""");
        NodeStatus s = client.status();
        assertThat(s.chainId()).isEqualTo("jade-devnet");
        assertThat(s.suite()).isEqualTo("sm");
        assertThat(s.height()).isEqualTo(41);
        assertThat(s.mempoolSize()).isEqualTo(3);
        assertThat(s.mempoolCapacity()).isEqualTo(100_000);
        assertThat(s.validators()).containsExactly(new NodeStatus.Validator("validator-1", "central-bank", "04ab", "cd"));
        assertThat(node.lastRequest().accept()).isEqualTo("application/json");
    }

    @Test
    void aTransactionIsSubmittedAsHexJson() {
        Transaction tx = chain.recordEvidence(new byte[32], "hello");
        node.on("POST", "/v1/transactions", 202,
                "{\"txHash\": \"" + tx.hash().hex() + "\", \"status\": \"PENDING\"}");
        assertThat(client.submit(tx)).isEqualTo(tx.hash().hex());
        StubNode.Request r = node.lastRequest();
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(Json.parse(r.body()).get("tx").textValue()).isEqualTo(Hex.encode(tx.encoded()));
    }

    @Test
    void refusalsCarryTheHttpStatusAndTheApiErrorCode() {
        Transaction tx = chain.recordEvidence(new byte[32], "hello");
        node.on("POST", "/v1/transactions", 409, "{\"error\": \"BAD_NONCE\", \"message\": \"nonce 0 already used\"}");
        JadeApiException e = catchThrowableOfType(JadeApiException.class, () -> client.submit(tx));
        assertThat(e.httpStatus()).isEqualTo(409);
        assertThat(e.errorCode()).isEqualTo("BAD_NONCE");
        assertThat(e.detail()).isEqualTo("nonce 0 already used");
        assertThat(e).hasMessage("BAD_NONCE: nonce 0 already used (HTTP 409)");

        node.on("POST", "/v1/transactions", 503, "{\"error\": \"MEMPOOL_FULL\", \"message\": \"try later\"}");
        assertThat(catchThrowableOfType(JadeApiException.class, () -> client.submit(tx)).errorCode()).isEqualTo("MEMPOOL_FULL");

        node.on("POST", "/v1/transactions", 500, "Internal Server Error");
        JadeApiException raw = catchThrowableOfType(JadeApiException.class, () -> client.submit(tx));
        assertThat(raw.httpStatus()).isEqualTo(500);
        assertThat(raw.errorCode()).isEqualTo("HTTP_500");
        assertThat(raw.detail()).isEqualTo("Internal Server Error");
    }

    @Test
    void aBatchAnswersOneResultPerTransactionInOrder() {
        Transaction a = chain.recordEvidence(new byte[32], "a");
        Transaction b = chain.recordEvidence(new byte[32], "b");
        node.on("POST", "/v1/transactions/batch", 200, """
                {"results": [{"txHash": "%s", "status": "PENDING"},
                             {"txHash": null, "error": "DUPLICATE", "message": "already pending"}]}""".formatted(a.hash().hex()));
        List<BatchResult> results = client.submitBatch(List.of(a, b));
        assertThat(results.get(0).accepted()).isTrue();
        assertThat(results.get(0).txHash()).isEqualTo(a.hash().hex());
        assertThat(results.get(1).accepted()).isFalse();
        assertThat(results.get(1).error()).isEqualTo("DUPLICATE");
        JsonNode sent = Json.parse(node.lastRequest().body()).get("txs");
        assertThat(sent.get(0).textValue()).isEqualTo(Hex.encode(a.encoded()));
        assertThat(sent.get(1).textValue()).isEqualTo(Hex.encode(b.encoded()));
    }

    @Test
    void aCommittedTransactionShowsItsReceipt() {
        node.on("GET", "/v1/transactions/" + HASH, 200, COMMITTED.formatted(HASH));
        TxView v = client.transaction(HASH).orElseThrow();
        assertThat(v.committed()).isTrue();
        assertThat(v.height()).isEqualTo(12);
        assertThat(v.index()).isEqualTo(1);
        assertThat(v.receipt().ok()).isTrue();
        assertThat(v.receipt().output()).containsExactly(
                java.util.Map.entry("documentHash", "00ff"), java.util.Map.entry("note", "x"));
        assertThat(v.receipt().events().get(0).attributes()).containsEntry("documentHash", "00ff");
        assertThat(v.json().at("/transaction/contract").textValue()).isEqualTo("evidence");
        assertThat(client.transaction("cd".repeat(32))).isEmpty();
    }

    @Test
    void awaitingAsksTheNodeToWaitUntilCommitted() {
        node.onSequence("GET", "/v1/transactions/" + HASH,
                new StubNode.Reply(200, PENDING.formatted(HASH)), new StubNode.Reply(200, COMMITTED.formatted(HASH)));
        TxView v = client.awaitCommitted(HASH, Duration.ofSeconds(20));
        assertThat(v.committed()).isTrue();
        assertThat(node.requests()).hasSize(2);
        assertThat(node.requests().get(0).query()).matches("wait=\\d+");
        assertThat(Long.parseLong(node.requests().get(0).query().substring(5))).isBetween(19_000L, 20_000L);
    }

    @Test
    void awaitingLongerThanTheNodeAllowsIsSplitIntoRequestsOfThirtySeconds() {
        node.on("GET", "/v1/transactions/" + HASH, 200, COMMITTED.formatted(HASH));
        client.awaitCommitted(HASH, Duration.ofMinutes(5));
        assertThat(node.lastRequest().query()).isEqualTo("wait=30000");
    }

    @Test
    void aTransactionStillPendingAfterTheTimeoutIsATimeout() {
        node.on("GET", "/v1/transactions/" + HASH, 200, PENDING.formatted(HASH));
        JadeApiException e = catchThrowableOfType(JadeApiException.class,
                () -> client.awaitCommitted(HASH, Duration.ofMillis(300)));
        assertThat(e.errorCode()).isEqualTo(JadeApiException.TIMEOUT);
        assertThat(e).hasMessageContaining("still pending after 300 ms");
        assertThat(node.requests().size()).isBetween(2, 6);

        JadeApiException unknown = catchThrowableOfType(JadeApiException.class,
                () -> client.awaitCommitted("cd".repeat(32), Duration.ofSeconds(1)));
        assertThat(unknown.httpStatus()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aProofIsReadAsAReceiptBundleThatVerifies() {
        Transaction tx = chain.recordEvidence(chain.suite().hash("deed".getBytes(StandardCharsets.UTF_8)).bytes(), "deed");
        chain.commit(tx);
        ReceiptBundle genuine = chain.bundle(tx);
        node.on("GET", "/v1/transactions/" + tx.hash().hex() + "/proof", 200, genuine.toText());
        ReceiptBundle fetched = client.proof(tx.hash().hex()).orElseThrow();
        assertThat(fetched).isEqualTo(genuine);
        assertThat(new ReceiptVerifier(chain.genesis()).verify(fetched).valid()).isTrue();
        assertThat(client.proof(HASH)).isEmpty();

        node.on("GET", "/v1/transactions/" + HASH + "/proof", 200, "{\"format\": \"jadechain-receipt/1\"}");
        JadeApiException e = catchThrowableOfType(JadeApiException.class, () -> client.proof(HASH));
        assertThat(e.errorCode()).isEqualTo(JadeApiException.BAD_RESPONSE);
        assertThat(e).hasMessageContaining("chainId: missing");
    }

    @Test
    void blocksNoncesAndEvidenceAreLookedUpByTheirPaths() {
        String address = chain.user().address().hex();
        node.on("GET", "/v1/blocks/7", 200, "{\"height\": 7, \"hash\": \"aa\"}");
        node.on("GET", "/v1/blocks/hash/" + HASH, 200, "{\"height\": 7, \"hash\": \"" + HASH + "\"}");
        node.on("GET", "/v1/accounts/" + address + "/nonce", 200,
                "{\"address\": \"" + address + "\", \"nonce\": 4, \"pendingNonce\": 6}");
        node.on("GET", "/v1/evidence/00ff00ff00ff00ff00ff00ff00ff00ff", 200, """
                {"documentHash": "00ff00ff00ff00ff00ff00ff00ff00ff", "recorder": "%s", "metadata": "lease",
                 "height": 3, "txHash": "%s", "timestamp": 1764000000500}""".formatted(address, HASH));

        assertThat(client.block(7).orElseThrow().get("height").intValue()).isEqualTo(7);
        assertThat(client.block(8)).isEmpty();
        assertThat(client.blockByHash(HASH.toUpperCase(java.util.Locale.ROOT)).orElseThrow().get("hash").textValue()).isEqualTo(HASH);
        assertThat(client.nonce(chain.user().address())).isEqualTo(new NonceInfo(address, 4, 6));
        assertThat(client.evidence(Hex.decode("00ff00ff00ff00ff00ff00ff00ff00ff")).orElseThrow())
                .isEqualTo(new EvidenceRecord("00ff00ff00ff00ff00ff00ff00ff00ff", address, "lease", 3, HASH, 1764000000500L));
        assertThat(client.evidence("11".repeat(32))).isEmpty();
        assertThatThrownBy(() -> client.nonce("not-an-address")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void submitAndWaitSignsWithThePendingNonceAndReturnsTheReceipt() {
        Signer signer = chain.user();
        String address = signer.address().hex();
        String[] submitted = new String[1];
        node.on("GET", "/v1/status", 200, "{\"chainId\": \"test-chain\", \"suite\": \"intl\", \"height\": 1}");
        node.on("GET", "/v1/accounts/" + address + "/nonce", 200,
                "{\"address\": \"" + address + "\", \"nonce\": 3, \"pendingNonce\": 5}");
        node.on("POST", "/v1/transactions", r -> {
            try {
                Transaction tx = Transaction.decode(Hex.decode(Json.parse(r.body()).get("tx").textValue()));
                submitted[0] = tx.hash().hex();
                node.on("GET", "/v1/transactions/" + submitted[0], 200, COMMITTED.formatted(submitted[0]));
                return new StubNode.Reply(202, "{\"txHash\": \"" + submitted[0] + "\", \"status\": \"PENDING\"}");
            } catch (Exception e) {
                return new StubNode.Reply(400, "{\"error\": \"MALFORMED\", \"message\": \"" + e.getMessage() + "\"}");
            }
        });
        SubmitResult result = client.submitAndWait(signer, EvidenceCalls.recordEvidence(new byte[32], "m"), Duration.ofSeconds(5));
        assertThat(result.ok()).isTrue();
        assertThat(result.txHash()).isEqualTo(submitted[0]);
        assertThat(result.height()).isEqualTo(12);
        assertThat(result.receipt().output()).containsEntry("documentHash", "00ff");

        StubNode.Request post = node.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        Transaction sent = decode(post.body());
        assertThat(sent.nonce()).isEqualTo(5);
        assertThat(sent.chainId()).isEqualTo("test-chain");
        assertThat(sent.contract()).isEqualTo("evidence");
        assertThat(new TransactionValidator("test-chain", chain.suite()).check(sent).valid()).isTrue();
    }

    private static Transaction decode(String body) {
        try {
            return Transaction.decode(Hex.decode(Json.parse(body).get("tx").textValue()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAnswerThatIsNotTheApisJsonIsABadResponse() {
        node.on("GET", "/v1/status", 200, "<html>proxy login</html>");
        JadeApiException e = catchThrowableOfType(JadeApiException.class, () -> client.status());
        assertThat(e.errorCode()).isEqualTo(JadeApiException.BAD_RESPONSE);
        assertThat(e.httpStatus()).isZero();
        assertThat(e).hasMessageStartingWith("unexpected answer from " + node.url() + " to GET /v1/status: not valid JSON");

        node.on("GET", "/v1/status", 200, "{\"chainId\": \"x\", \"suite\": \"sm\", \"height\": \"12\"}");
        assertThat(catchThrowableOfType(JadeApiException.class, () -> client.status()))
                .hasMessageEndingWith("height: expected an integer, got a string");
    }

    @Test
    void aNodeThatIsNotRunningIsReportedPlainly() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        JadeClient offline = new JadeClient("http://127.0.0.1:" + port + "/");
        JadeApiException e = catchThrowableOfType(JadeApiException.class, offline::status);
        assertThat(e).hasMessage("cannot reach node at http://127.0.0.1:" + port + ": connection refused");
        assertThat(e.errorCode()).isEqualTo(JadeApiException.UNREACHABLE);
        assertThat(e.httpStatus()).isZero();
    }
}
