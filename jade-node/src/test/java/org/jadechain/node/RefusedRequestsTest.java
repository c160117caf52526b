package org.jadechain.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Transaction;
import org.jadechain.sdk.EvidenceCalls;
import org.jadechain.sdk.Signer;
import org.jadechain.sdk.TransactionBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a client sends, a refusal is a 4xx JSON {@code {"error", "message"}} — never a 500 — and
 * leaves the chain, the state and the mempool exactly as they were.
 */
class RefusedRequestsTest {
    @TempDir
    static Path dir;

    private static NodeDirectory chain;
    private static JadeNode node;
    private static Api api;
    private static Transaction committed;
    private static final String ZEROS = "00".repeat(32);

    private long height;
    private String stateRoot;

    @BeforeAll
    static void startNodeWithOneRecord() throws Exception {
        chain = NodeDirectory.create(dir, SuiteId.INTL);
        node = JadeNode.start(chain.config(), System::currentTimeMillis);
        api = new Api(node.apiPort());
        committed = chain.evidence("citizen-1", 0, "first record");
        api.awaitCommitted(api.accepted(committed));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @BeforeEach
    void remember() {
        JsonNode s = api.status();
        height = s.path("height").asLong();
        stateRoot = s.path("stateRoot").asText();
    }

    /** A named bad request: what is sent, and the status and error code it must get. */
    record Bad(String name, Function<Api, Api.Answer> request, int status, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> badRequests() {
        Transaction fresh = chain.evidence("citizen-1", 1, "second record");
        byte[] good = fresh.encoded();
        return Stream.of(
                bad("malformed JSON", json("{\"tx\": \"00"), 400, "BAD_REQUEST"),
                bad("empty body", json(""), 400, "BAD_REQUEST"),
                bad("JSON array instead of an object", json("[\"" + Hex.encode(good) + "\"]"), 400, "BAD_REQUEST"),
                bad("JSON string instead of an object", json("\"" + Hex.encode(good) + "\""), 400, "BAD_REQUEST"),
                bad("JSON null", json("null"), 400, "BAD_REQUEST"),
                bad("deeply nested JSON", json("{\"tx\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}"), 400, "BAD_REQUEST"),
                bad("missing tx field", json("{\"transaction\": \"" + Hex.encode(good) + "\"}"), 400, "BAD_REQUEST"),
                bad("tx field is a number", json("{\"tx\": 12}"), 400, "BAD_REQUEST"),
                bad("tx field is null", json("{\"tx\": null}"), 400, "BAD_REQUEST"),
                bad("tx is not hex", json("{\"tx\": \"xyz\"}"), 400, "BAD_REQUEST"),
                bad("tx hex of odd length", json("{\"tx\": \"" + Hex.encode(good).substring(1) + "\"}"), 400, "BAD_REQUEST"),
                bad("tx is empty", tx(new byte[0]), 400, "MALFORMED"),
                bad("truncated transaction bytes", tx(Arrays.copyOf(good, good.length - 1)), 400, "MALFORMED"),
                bad("transaction with trailing bytes", tx(Arrays.copyOf(good, good.length + 1)), 400, "MALFORMED"),
                bad("unknown transaction version", tx(withByte(good, 0, (byte) 9)), 400, "MALFORMED"),
                bad("random bytes as a raw upload", a -> a.send("POST", "/v1/transactions", "application/octet-stream",
                        new byte[] {1, 2, 3}), 400, "MALFORMED"),
                bad("raw upload over the transaction size limit", a -> a.send("POST", "/v1/transactions",
                        "application/octet-stream", new byte[100_000]), 413, "TOO_LARGE"),
                bad("transaction for another chain", tx(otherChain().unsafeEncoded()), 400, "WRONG_CHAIN"),
                bad("transaction of the other crypto suite", tx(otherSuite().unsafeEncoded()), 400, "WRONG_SUITE"),
                bad("signature altered", tx(withByte(good, good.length - 5, (byte) (good[good.length - 5] ^ 1))), 400, "BAD_SIGNATURE"),
                bad("signed by another key than the sender's", tx(impostor().unsafeEncoded()), 400, "BAD_SIGNATURE"),
                bad("replayed nonce", tx(chain.evidence("citizen-1", 0, "another document").unsafeEncoded()), 409, "BAD_NONCE"),
                bad("nonce from the future", tx(chain.evidence("citizen-1", 7, "later document").unsafeEncoded()), 409, "BAD_NONCE"),
                bad("the committed transaction again", tx(committed.unsafeEncoded()), 409, "DUPLICATE"),
                bad("body over 4 MiB", json("{\"tx\": \"" + "0".repeat(5 * 1024 * 1024) + "\"}"), 413, "TOO_LARGE"),
                bad("batch that is not an object", batch("[]"), 400, "BAD_REQUEST"),
                bad("batch without txs", batch("{}"), 400, "BAD_REQUEST"),
                bad("batch whose txs is a string", batch("{\"txs\": \"" + Hex.encode(good) + "\"}"), 400, "BAD_REQUEST"),
                bad("batch of 10,001 entries", batch("{\"txs\": [" + String.join(",", java.util.Collections.nCopies(10_001, "\"00\"")) + "]}"),
                        413, "TOO_LARGE"),
                bad("batch body over 4 MiB", batch("{\"txs\": [\"" + "0".repeat(5 * 1024 * 1024) + "\"]}"), 413, "TOO_LARGE"),
                bad("chunked body over 4 MiB", chunked("/v1/transactions", "application/json",
                        "{\"tx\": \"" + "0".repeat(5 * 1024 * 1024) + "\"}"), 413, "TOO_LARGE"),
                bad("chunked batch body over 4 MiB", chunked("/v1/transactions/batch", "application/json",
                        "{\"txs\": [" + "\"00\",".repeat(9_000) + "\"00\"], \"padding\": \"" + "0".repeat(5 * 1024 * 1024) + "\"}"),
                        413, "TOO_LARGE"),
                bad("chunked raw upload over 4 MiB", chunked("/v1/transactions", "application/octet-stream",
                        "0".repeat(5 * 1024 * 1024)), 413, "TOO_LARGE"),
                bad("non-numeric block height", get("/v1/blocks/one"), 400, "BAD_REQUEST"),
                bad("negative block height", get("/v1/blocks/-1"), 400, "BAD_REQUEST"),
                bad("block height beyond 64 bits", get("/v1/blocks/99999999999999999999"), 400, "BAD_REQUEST"),
                bad("block height not yet reached", get("/v1/blocks/1000"), 404, "NOT_FOUND"),
                bad("block hash that is not hex", get("/v1/blocks/hash/xyz"), 400, "BAD_REQUEST"),
                bad("block hash of 31 bytes", get("/v1/blocks/hash/" + ZEROS.substring(2)), 400, "BAD_REQUEST"),
                bad("unknown block hash", get("/v1/blocks/hash/" + ZEROS), 404, "NOT_FOUND"),
                bad("transaction hash that is not hex", get("/v1/transactions/xyz"), 400, "BAD_REQUEST"),
                bad("transaction hash of 33 bytes", get("/v1/transactions/" + ZEROS + "00"), 400, "BAD_REQUEST"),
                bad("unknown transaction", get("/v1/transactions/" + ZEROS), 404, "NOT_FOUND"),
                bad("unknown transaction, waiting", get("/v1/transactions/" + ZEROS + "?wait=100"), 404, "NOT_FOUND"),
                bad("non-numeric wait", get("/v1/transactions/" + ZEROS + "?wait=soon"), 400, "BAD_REQUEST"),
                bad("negative wait", get("/v1/transactions/" + ZEROS + "?wait=-1"), 400, "BAD_REQUEST"),
                bad("wait over 30 s", get("/v1/transactions/" + ZEROS + "?wait=30001"), 400, "BAD_REQUEST"),
                bad("proof for a hash that is not hex", get("/v1/transactions/xyz/proof"), 400, "BAD_REQUEST"),
                bad("proof for an unknown transaction", get("/v1/transactions/" + ZEROS + "/proof"), 404, "NOT_FOUND"),
                bad("nonce of an address that is not hex", get("/v1/accounts/xyz/nonce"), 400, "BAD_REQUEST"),
                bad("nonce of an address of 21 bytes", get("/v1/accounts/" + "00".repeat(21) + "/nonce"), 400, "BAD_REQUEST"),
                bad("evidence hash that is not hex", get("/v1/evidence/xyz"), 400, "BAD_REQUEST"),
                bad("evidence hash over 64 bytes", get("/v1/evidence/" + "00".repeat(65)), 400, "BAD_REQUEST"),
                bad("evidence never recorded", get("/v1/evidence/" + ZEROS), 404, "NOT_FOUND"));
    }

    /** Requests for endpoints that do not exist, or with a method an endpoint does not take. */
    static Stream<Arguments> unknownEndpoints() {
        return Stream.of(
                bad("unknown path under /v1", get("/v1/nothing-here"), 404, "NOT_FOUND"),
                bad("unknown path at the root", get("/nothing-here"), 404, "NOT_FOUND"),
                bad("DELETE on status", a -> a.send("DELETE", "/v1/status", null, null), 405, "METHOD_NOT_ALLOWED"),
                bad("POST on status", a -> a.send("POST", "/v1/status", "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                        405, "METHOD_NOT_ALLOWED"),
                bad("PUT on transactions", a -> a.send("PUT", "/v1/transactions", "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8)), 405, "METHOD_NOT_ALLOWED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedWithAJsonErrorAndChangesNothing(Bad bad) {
        assertRefused(bad);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownEndpoints")
    void unknownEndpointsAndMethodsAreRefusedWithAJsonError(Bad bad) {
        assertRefused(bad);
    }

    private void assertRefused(Bad bad) {
        Api.Answer a = bad.request().apply(api);

        assertThat(a.status()).as("%s", a).isEqualTo(bad.status());
        assertThat(a.contentType()).as("%s", a).startsWith("application/json");
        JsonNode body = a.json();
        assertThat(body.isObject()).as("%s", a).isTrue();
        assertThat(body.path("error").asText()).as("%s", a).isEqualTo(bad.error());
        assertThat(body.path("message").isTextual()).as("%s", a).isTrue();
        assertThat(body.path("message").asText()).as("%s", a).isNotBlank();
        assertNothingChanged();
    }

    /** Nothing accepted: the mempool is empty (an accepted transaction stays counted there until its block is stored). */
    private void assertNothingChanged() {
        JsonNode s = api.status();
        assertThat(s.path("mempool").path("size").asInt()).isZero();
        assertThat(s.path("height").asLong()).isEqualTo(height);
        assertThat(s.path("stateRoot").asText()).isEqualTo(stateRoot);
        assertThat(api.get("/v1/accounts/" + chain.address("citizen-1").hex() + "/nonce").json().path("pendingNonce").asLong())
                .isEqualTo(1);
    }

    private static Arguments bad(String name, Function<Api, Api.Answer> request, int status, String error) {
        return Arguments.of(new Bad(name, request, status, error));
    }

    private static Function<Api, Api.Answer> json(String body) {
        return a -> a.postJson("/v1/transactions", body);
    }

    private static Function<Api, Api.Answer> batch(String body) {
        return a -> a.postJson("/v1/transactions/batch", body);
    }

    private static Function<Api, Api.Answer> tx(byte[] bytes) {
        return json("{\"tx\": \"" + Hex.encode(bytes) + "\"}");
    }

    /** A body sent without Content-Length (chunked), so only reading it can tell its size. */
    private static Function<Api, Api.Answer> chunked(String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return a -> a.send(HttpRequest.newBuilder(URI.create(a.base() + path)).header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
    }

    private static Function<Api, Api.Answer> get(String path) {
        return a -> a.get(path);
    }

    private static byte[] withByte(byte[] bytes, int index, byte value) {
        byte[] copy = bytes.clone();
        copy[index] = value;
        return copy;
    }

    private static Transaction otherChain() {
        return new TransactionBuilder("another-chain", SuiteId.INTL, chain.signer("citizen-1"))
                .build(1, EvidenceCalls.recordEvidence(chain.document("elsewhere"), "elsewhere"));
    }

    private static Transaction otherSuite() {
        Signer sm = Signer.generate(SuiteId.SM, new SecureRandom());
        return new TransactionBuilder(NodeDirectory.CHAIN_ID, SuiteId.SM, sm)
                .build(0, EvidenceCalls.recordEvidence(chain.document("sm"), "sm"));
    }

    /** Claims citizen-1's key but is signed by citizen-2. */
    private static Transaction impostor() {
        byte[] body = Transaction.encodeBody(NodeDirectory.CHAIN_ID, SuiteId.INTL, chain.key("citizen-1").publicKey().encoded(),
                1, EvidenceCalls.CONTRACT, EvidenceCalls.RECORD_EVIDENCE,
                EvidenceCalls.recordEvidenceArgs(chain.document("forged"), "forged"));
        return Transaction.assemble(body, CryptoSuites.of(SuiteId.INTL).sign(chain.key("citizen-2").privateKey(), body));
    }
}
