package org.jadechain.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Transaction;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.NodeStatus;
import org.jadechain.sdk.json.Json;

/**
 * A running node, through {@code POST /v1/transactions/batch} in its binary form (request bodies encoded
 * before the clock starts; the answer lists only refusals) and the block event stream.
 */
public final class HttpTarget implements BenchTarget {
    private final JadeClient client;
    private final HttpClient http;
    private final URI batchUri;
    private final NodeStatus status;
    private final SuiteId suite;
    private final BlockFollower follower;
    private volatile CommitSink sink;

    public HttpTarget(String baseUrl) {
        this.client = new JadeClient(baseUrl);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.batchUri = URI.create(client.baseUrl() + "/v1/transactions/batch");
        this.status = client.status();
        this.suite = SuiteId.fromLabel(status.suite());
        this.follower = new BlockFollower(client, http, () -> sink);
    }

    public JadeClient client() {
        return client;
    }

    @Override
    public String chainId() {
        return status.chainId();
    }

    @Override
    public SuiteId suite() {
        return suite;
    }

    @Override
    public String describe() {
        return client.baseUrl() + " (" + client.status().consensus() + ")";
    }

    @Override
    public PublicKey regulatorKey() {
        JsonNode orgs = client.getJson("/v1/organisations").orElseThrow();
        for (JsonNode o : orgs.path("organisations")) {
            if ("REGULATOR".equals(o.path("role").asText()) && o.path("adminKeys").size() > 0) {
                try {
                    return CryptoSuites.of(suite).decodePublicKey(Hex.decode(o.path("adminKeys").get(0).asText()));
                } catch (CryptoException e) {
                    throw new IllegalStateException("the regulator's key is not usable: " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalStateException("the chain has no regulator organisation to encrypt wallet identities to");
    }

    @Override
    public long pendingNonce(Address account) {
        return client.nonce(account).pendingNonce();
    }

    @Override
    public WalletLimits limits(Address wallet, int walletClass) {
        JsonNode w = client.getJson("/v1/currency/wallets/" + wallet.hex())
                .orElseThrow(() -> new IllegalStateException("wallet " + wallet.hex() + " is not open"));
        JsonNode l = w.path("limits");
        return new WalletLimits(cap(l.path("maxBalance")), cap(l.path("maxPayment")), cap(l.path("maxDaily")));
    }

    private static long cap(JsonNode n) {
        return n.isNumber() ? n.asLong() : -1;
    }

    private record Body(byte[] bytes, int size) implements Prepared {
    }

    /** The batch as the binary batch body: each transaction's bytes after its length (4 bytes, big-endian). */
    @Override
    public Prepared prepare(List<Transaction> batch) {
        int length = 0;
        for (Transaction tx : batch) {
            length += Integer.BYTES + tx.unsafeEncoded().length;
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        for (Transaction tx : batch) {
            body.putInt(tx.unsafeEncoded().length).put(tx.unsafeEncoded());
        }
        return new Body(body.array(), batch.size());
    }

    @Override
    public List<String> submit(Prepared batch) {
        Body b = (Body) batch;
        HttpRequest req = HttpRequest.newBuilder(batchUri).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/octet-stream").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.bytes())).build();
        HttpResponse<byte[]> r;
        try {
            r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot submit to " + batchUri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while submitting", e);
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the node answered HTTP " + r.statusCode() + " to a batch: "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        JsonNode answer = Json.parse(new String(r.body(), StandardCharsets.UTF_8));
        if (answer.path("count").asInt(-1) != b.size()) {
            throw new IllegalStateException("an answer for " + answer.path("count") + " transactions to a batch of " + b.size());
        }
        List<String> out = new ArrayList<>(Collections.nCopies(b.size(), (String) null));
        for (JsonNode refused : answer.path("refused")) {
            out.set(refused.path("index").asInt(), refused.path("error").asText());
        }
        return out;
    }

    @Override
    public synchronized void follow(CommitSink sink) {
        boolean first = this.sink == null;
        this.sink = sink;
        if (first) {
            follower.start();
        }
    }

    /** Why the block stream stopped, or null while it runs. */
    public String followFailure() {
        return follower.failure();
    }

    @Override
    public void close() {
        follower.close();
    }
}
