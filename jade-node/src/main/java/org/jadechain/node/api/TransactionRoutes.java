package org.jadechain.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.model.Transaction;
import org.jadechain.node.NodeContext;
import org.jadechain.node.mempool.Admission;
import org.jadechain.node.query.ChainQueries;

/** Submitting transactions (single and batch) and reading them back, optionally waiting for commit. */
final class TransactionRoutes {
    static final int MAX_BATCH = 10_000;
    static final long MAX_WAIT_MILLIS = 30_000;

    private final NodeContext node;
    private final ObjectMapper json;
    private final JsonViews views;

    TransactionRoutes(NodeContext node, ObjectMapper json, JsonViews views) {
        this.node = node;
        this.json = json;
        this.views = views;
    }

    void register(Javalin app) {
        app.post("/v1/transactions", this::submit);
        app.post("/v1/transactions/batch", this::submitBatch);
        app.get("/v1/transactions/{hash}", this::get);
    }

    private void submit(Context ctx) {
        byte[] bytes;
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (type.startsWith("application/octet-stream")) {
            bytes = Requests.body(ctx);
        } else {
            JsonNode body = Requests.jsonBody(ctx, json);
            bytes = Requests.hexField(body, "tx");
        }
        Transaction tx = decode(bytes);
        Admission a = node.metrics().submitTimer().record(() -> admit(tx));
        if (!a.accepted()) {
            throw new ApiException(a.httpStatus(), a.code(), a.message());
        }
        ctx.status(202).json(json.createObjectNode().put("txHash", tx.hash().hex()).put("status", "PENDING"));
    }

    private Admission admit(Transaction tx) {
        return admit(node, tx);
    }

    /** Checks the signature and admits to the mempool, counting the outcome; also used by the devnet's signer. */
    static Admission admit(NodeContext node, Transaction tx) {
        return admitChecked(node, node.verifier().check(tx));
    }

    private Admission admitChecked(CheckedTransaction checked) {
        return admitChecked(node, checked);
    }

    private static Admission admitChecked(NodeContext node, CheckedTransaction checked) {
        Admission a = node.mempool().admit(checked);
        if (a.accepted()) {
            node.metrics().accepted();
        } else {
            node.metrics().refused(a.code());
        }
        return a;
    }

    private static Transaction decode(byte[] bytes) {
        try {
            return Transaction.decode(bytes);
        } catch (DecodeException e) {
            throw new ApiException(bytes.length > org.jadechain.core.codec.Limits.MAX_TX_BYTES ? 413 : 400,
                    bytes.length > org.jadechain.core.codec.Limits.MAX_TX_BYTES ? "TOO_LARGE" : "MALFORMED",
                    "not a valid transaction: " + e.getMessage());
        }
    }

    /**
     * A batch: JSON {@code {"txs": [hex, ...]}}, answered with one result per entry; or, with {@code Content-Type:
     * application/octet-stream}, the transactions' bytes each after its length (4 bytes, big-endian), answered with
     * the count and only the refused entries — for bulk submitters, which know their own transactions' hashes.
     */
    private void submitBatch(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (type.startsWith("application/octet-stream")) {
            submitBinaryBatch(ctx);
        } else {
            submitJsonBatch(ctx);
        }
    }

    private void submitJsonBatch(Context ctx) {
        JsonNode body = Requests.jsonBody(ctx, json);
        JsonNode txs = body.get("txs");
        if (txs == null || !txs.isArray()) {
            throw ApiException.badRequest("body must be {\"txs\": [hex, ...]}");
        }
        checkBatchSize(txs.size());
        int n = txs.size();
        BatchOutcome outcome = new BatchOutcome(n);
        for (int i = 0; i < n; i++) {
            JsonNode t = txs.get(i);
            if (t == null || !t.isTextual()) {
                outcome.refuse(i, null, "MALFORMED", "entry is not a hex string");
                continue;
            }
            byte[] bytes;
            try {
                bytes = Hex.decode(t.asText());
            } catch (IllegalArgumentException e) {
                outcome.refuse(i, null, "MALFORMED", e.getMessage());
                continue;
            }
            outcome.decode(i, bytes);
        }
        admitAll(outcome);
        ObjectNode out = json.createObjectNode();
        ArrayNode arr = out.putArray("results");
        for (int i = 0; i < n; i++) {
            arr.add(outcome.code[i] == null
                    ? json.createObjectNode().put("txHash", outcome.tx[i].hash().hex()).put("status", "PENDING")
                    : error(outcome.hash[i], outcome.code[i], outcome.message[i]));
        }
        ctx.json(out);
    }

    private void submitBinaryBatch(Context ctx) {
        ByteBuffer body = ByteBuffer.wrap(Requests.body(ctx));
        List<byte[]> entries = new ArrayList<>();
        while (body.hasRemaining()) {
            if (body.remaining() < Integer.BYTES) {
                throw new ApiException(400, "MALFORMED", "entry " + entries.size() + ": a length needs 4 bytes");
            }
            int length = body.getInt();
            if (length < 0 || length > body.remaining()) {
                throw new ApiException(400, "MALFORMED", "entry " + entries.size() + ": length " + Integer.toUnsignedString(length)
                        + " runs past the end of the body");
            }
            byte[] bytes = new byte[length];
            body.get(bytes);
            entries.add(bytes);
            checkBatchSize(entries.size());
        }
        int n = entries.size();
        BatchOutcome outcome = new BatchOutcome(n);
        for (int i = 0; i < n; i++) {
            outcome.decode(i, entries.get(i));
        }
        admitAll(outcome);
        ObjectNode out = json.createObjectNode();
        out.put("count", n);
        ArrayNode refused = out.putArray("refused");
        for (int i = 0; i < n; i++) {
            if (outcome.code[i] != null) {
                refused.add(error(outcome.hash[i], outcome.code[i], outcome.message[i]).put("index", i));
            }
        }
        out.put("accepted", n - refused.size());
        ctx.json(out);
    }

    private static void checkBatchSize(int size) {
        if (size > MAX_BATCH) {
            throw new ApiException(413, "TOO_LARGE", "a batch holds at most " + MAX_BATCH + " transactions");
        }
    }

    /** Verifies the decoded entries on the node's pool and admits them in request order. */
    private void admitAll(BatchOutcome outcome) {
        List<CheckedTransaction> checked = node.verifier().checkAll(outcome.decoded);
        for (int k = 0; k < checked.size(); k++) {
            CheckedTransaction c = checked.get(k);
            Admission a = admitChecked(c);
            int i = outcome.positions.get(k);
            outcome.tx[i] = c.transaction();
            if (!a.accepted()) {
                outcome.refuse(i, c.transaction().hash().hex(), a.code(), a.message());
            }
        }
    }

    /**
     * Per entry of a batch: the admitted transaction, or the refusal's hash (hex, once decoded), code and message;
     * and the entries decoded so far with their positions, for verification.
     */
    private static final class BatchOutcome {
        final List<Transaction> decoded = new ArrayList<>();
        final List<Integer> positions = new ArrayList<>();
        final Transaction[] tx;
        final String[] hash;
        final String[] code;
        final String[] message;

        BatchOutcome(int n) {
            tx = new Transaction[n];
            hash = new String[n];
            code = new String[n];
            message = new String[n];
        }

        /** Decodes entry {@code index}, or refuses it as malformed. */
        void decode(int index, byte[] bytes) {
            try {
                decoded.add(Transaction.decode(bytes));
                positions.add(index);
            } catch (DecodeException e) {
                refuse(index, null, "MALFORMED", e.getMessage());
            }
        }

        void refuse(int index, String txHash, String errorCode, String text) {
            hash[index] = txHash;
            code[index] = errorCode;
            message[index] = text;
        }
    }

    private ObjectNode error(String hash, String code, String message) {
        ObjectNode n = json.createObjectNode();
        if (hash == null) {
            n.putNull("txHash");
        } else {
            n.put("txHash", hash);
        }
        n.put("error", code).put("message", message);
        return n;
    }

    private void get(Context ctx) {
        Hash hash = Requests.hashParam(ctx, "hash");
        long wait = Requests.longQuery(ctx, "wait", 0, 0, MAX_WAIT_MILLIS);
        ChainQueries.CommittedTx c = node.queries().transaction(hash);
        if (c == null && wait > 0 && node.mempool().contains(hash)) {
            CompletableFuture<Long> f = node.waiters().await(hash);
            try {
                c = node.queries().transaction(hash);
                if (c == null) {
                    f.get(wait, TimeUnit.MILLISECONDS);
                    c = node.queries().transaction(hash);
                }
            } catch (TimeoutException e) {
                c = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                node.waiters().cancel(hash, f);
            }
        }
        if (c == null) {
            if (node.mempool().contains(hash)) {
                ctx.json(json.createObjectNode().put("txHash", hash.hex()).put("status", "PENDING"));
                return;
            }
            // The mempool lets go of a transaction only after its block is stored, so one that left the
            // mempool since the look-up above is in the store now.
            c = node.queries().transaction(hash);
            if (c == null) {
                throw ApiException.notFound("no transaction " + hash.hex() + " is pending or committed here");
            }
        }
        ObjectNode n = json.createObjectNode();
        n.put("txHash", hash.hex());
        n.put("status", "COMMITTED");
        n.put("height", c.block().header().height());
        n.put("index", c.index());
        n.put("timestamp", c.block().header().timestamp());
        n.set("transaction", views.transaction(c.tx()));
        n.set("receipt", views.receipt(c.receipt()));
        ctx.json(n);
    }
}
