package org.jadechain.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Transaction;
import org.jadechain.sdk.json.Json;
import org.jadechain.sdk.json.JsonFields;
import org.jadechain.sdk.json.JsonFormatException;

/**
 * A client of one node's REST API (docs/API.md, {@code /v1}). Every method is one or a few blocking HTTP
 * requests. Failures are {@link JadeApiException}: the node's error code and HTTP status for error
 * answers, and a plain message such as "cannot reach node at http://localhost:8080: connection refused"
 * when there is no answer. Lookups of something that may not exist return {@link Optional}.
 *
 * <p>Thread-safe. Transactions are signed by the caller's {@link Signer}; no key is ever sent. The chain id
 * and suite used by {@link #submitAndWait} are taken from the first {@link #status()} answer.
 */
public final class JadeClient {
    /** The longest wait the API accepts per request. */
    static final long MAX_WAIT_MILLIS = 30_000;
    private static final Duration WAIT_MARGIN = Duration.ofSeconds(10);

    private final NodeHttp http;
    private volatile NodeStatus chain;

    /** A client of the node at a base URL such as {@code http://localhost:8080}. */
    public JadeClient(String baseUrl) {
        this(URI.create(baseUrl), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build(), Duration.ofSeconds(30));
    }

    /** @param requestTimeout the limit for one request (waiting requests get their wait on top) */
    public JadeClient(URI baseUrl, HttpClient httpClient, Duration requestTimeout) {
        this.http = new NodeHttp(baseUrl, httpClient, requestTimeout);
    }

    public String baseUrl() {
        return http.base();
    }

    public NodeStatus status() {
        NodeStatus s = parse("GET /v1/status", http.get("/v1/status"), NodeStatus::from);
        chain = s;
        return s;
    }

    /**
     * Submits a signed transaction.
     *
     * @return its hash, once the node has accepted it as pending
     * @throws JadeApiException e.g. {@code 409 BAD_NONCE}, {@code 400 BAD_SIGNATURE}, {@code 503 MEMPOOL_FULL}
     */
    public String submit(Transaction tx) {
        ObjectNode body = Json.object().put("tx", Hex.encode(tx.unsafeEncoded()));
        String hash = parse("POST /v1/transactions", http.post("/v1/transactions", body), f -> f.string("txHash"));
        if (!hash.equals(tx.hash().hex())) {
            throw http.badResponse("POST /v1/transactions", "accepted as " + hash + ", but the transaction is "
                    + tx.hash().hex());
        }
        return hash;
    }

    /** Submits up to 10,000 transactions at once; one result per transaction, in order. */
    public List<BatchResult> submitBatch(List<Transaction> txs) {
        ObjectNode body = Json.object();
        ArrayNode a = body.putArray("txs");
        for (Transaction tx : txs) {
            a.add(Hex.encode(tx.unsafeEncoded()));
        }
        List<BatchResult> results = parse("POST /v1/transactions/batch", http.post("/v1/transactions/batch", body), f -> {
            List<BatchResult> out = new ArrayList<>();
            for (JsonFields r : f.objects("results")) {
                out.add(BatchResult.from(r));
            }
            return out;
        });
        if (results.size() != txs.size()) {
            throw http.badResponse("POST /v1/transactions/batch", results.size() + " results for " + txs.size()
                    + " transactions");
        }
        return results;
    }

    /** The transaction, pending or committed, or empty when the node does not know it. */
    public Optional<TxView> transaction(String txHash) {
        return find("/v1/transactions/" + hex(txHash, "transaction hash"), Duration.ZERO, TxView::from);
    }

    /**
     * Waits until the transaction is committed, with requests that block on the node ({@code ?wait=}).
     *
     * @throws JadeApiException {@code NOT_FOUND} (404) when the node does not know the transaction,
     *     {@link JadeApiException#TIMEOUT} when it is still pending after {@code timeout}
     */
    public TxView awaitCommitted(String txHash, Duration timeout) {
        String path = "/v1/transactions/" + hex(txHash, "transaction hash");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long remaining = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            long wait = Math.min(remaining, MAX_WAIT_MILLIS);
            long started = System.nanoTime();
            TxView v = find(path + "?wait=" + wait, Duration.ofMillis(wait).plus(WAIT_MARGIN), TxView::from)
                    .orElseThrow(() -> JadeApiException.http(404, "NOT_FOUND", "the node does not know transaction " + txHash));
            if (v.committed()) {
                return v;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw JadeApiException.client(JadeApiException.TIMEOUT, "transaction " + txHash
                        + " is still pending after " + timeout.toMillis() + " ms");
            }
            pauseIfAnsweredEarly(started, wait);
        }
    }

    /** Keeps a node that ignores {@code wait} from being polled in a tight loop. */
    private static void pauseIfAnsweredEarly(long startedNanos, long waitMillis) {
        long elapsed = (System.nanoTime() - startedNanos) / 1_000_000;
        if (elapsed < waitMillis) {
            try {
                Thread.sleep(Math.min(100, waitMillis - elapsed));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw JadeApiException.client(JadeApiException.INTERRUPTED, "interrupted while waiting for a transaction");
            }
        }
    }

    /** The receipt bundle of a committed transaction, or empty when it is not committed (or unknown). */
    public Optional<ReceiptBundle> proof(String txHash) {
        String path = "/v1/transactions/" + hex(txHash, "transaction hash") + "/proof";
        NodeHttp.Answer a = http.find(path, Duration.ZERO);
        if (a.body() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ReceiptBundle.fromJson(a.body()));
        } catch (JsonFormatException e) {
            throw http.badResponse("GET " + path, e.getMessage());
        }
    }

    /** The block at a height ({@code {"height", "hash", "header", "transactions", "triggers", "certificate"}}). */
    public Optional<JsonNode> block(long height) {
        if (height < 0) {
            throw new IllegalArgumentException("negative block height " + height);
        }
        return Optional.ofNullable(http.find("/v1/blocks/" + height, Duration.ZERO).body());
    }

    public Optional<JsonNode> blockByHash(String blockHash) {
        return Optional.ofNullable(http.find("/v1/blocks/hash/" + hex(blockHash, "block hash"), Duration.ZERO).body());
    }

    /**
     * Any JSON read of the API (e.g. {@code /v1/currency/wallets/<address>}), or empty on 404.
     *
     * @throws JadeApiException for any other refusal or when the node cannot be reached
     */
    public Optional<JsonNode> getJson(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("API path must start with /: " + path);
        }
        return Optional.ofNullable(http.find(path, Duration.ZERO).body());
    }

    public NonceInfo nonce(Address address) {
        String path = "/v1/accounts/" + address.hex() + "/nonce";
        return parse("GET " + path, http.get(path), NonceInfo::from);
    }

    /** @throws IllegalArgumentException when the address is not 40 hex digits */
    public NonceInfo nonce(String address) {
        return nonce(Address.fromHex(address));
    }

    /** The record of a document hash, or empty when it was never recorded. */
    public Optional<EvidenceRecord> evidence(String documentHash) {
        return find("/v1/evidence/" + hex(documentHash, "document hash"), Duration.ZERO, EvidenceRecord::from);
    }

    public Optional<EvidenceRecord> evidence(byte[] documentHash) {
        return evidence(Hex.encode(documentHash));
    }

    /**
     * Builds, signs and submits one call with the signer's next pending nonce, then waits for its receipt.
     * Not safe to run concurrently for the same signer (both would take the same nonce).
     *
     * @return the committed transaction's receipt, which may be a refusal (check {@link SubmitResult#ok()})
     * @throws JadeApiException when the node refuses the transaction, or it is not committed within {@code timeout}
     */
    public SubmitResult submitAndWait(Signer signer, String contract, String method, byte[] args, Duration timeout) {
        NodeStatus c = chain != null ? chain : status();
        SuiteId suite;
        try {
            suite = SuiteId.fromLabel(c.suite());
        } catch (IllegalArgumentException e) {
            throw http.badResponse("GET /v1/status", e.getMessage());
        }
        long nonce = nonce(signer.address()).pendingNonce();
        Transaction tx = new TransactionBuilder(c.chainId(), suite, signer).build(nonce, contract, method, args);
        String hash = submit(tx);
        TxView v = awaitCommitted(hash, timeout);
        return new SubmitResult(hash, v.height(), v.index(), v.timestamp(), v.receipt());
    }

    public SubmitResult submitAndWait(Signer signer, Call call, Duration timeout) {
        return submitAndWait(signer, call.contract(), call.method(), call.args(), timeout);
    }

    private <T> Optional<T> find(String path, Duration extraTime, Function<JsonFields, T> mapper) {
        NodeHttp.Answer a = http.find(path, extraTime);
        return a.body() == null ? Optional.empty() : Optional.of(parse("GET " + path, a.body(), mapper));
    }

    private <T> T parse(String request, JsonNode body, Function<JsonFields, T> mapper) {
        try {
            return mapper.apply(JsonFields.of(body));
        } catch (JsonFormatException e) {
            throw http.badResponse(request, e.getMessage());
        }
    }

    /** The value as lower-case hex for a path segment. */
    private static String hex(String value, String what) {
        byte[] bytes;
        try {
            bytes = Hex.decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not hex: " + value);
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        return Hex.encode(bytes);
    }
}
