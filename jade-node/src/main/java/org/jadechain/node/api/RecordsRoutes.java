package org.jadechain.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import org.jadechain.contracts.records.EncryptedContent;
import org.jadechain.contracts.records.Principals;
import org.jadechain.contracts.records.RecordCollection;
import org.jadechain.contracts.records.RecordEntry;
import org.jadechain.contracts.records.RecordsContract;
import org.jadechain.contracts.records.RecordsQueries;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.node.NodeContext;

/**
 * Reads of government records from committed state: collections (with who may submit and read, and the
 * keys an encrypted submission must be sealed to), a collection's records, one record and its version
 * history. The node never decrypts: it hands out the sealed envelope. Asked for a record on behalf of a
 * key ({@code ?reader=KEY}) that the envelope was not sealed to, it answers 403 {@code NOT_A_READER} in so
 * many words instead of content that key could never open.
 */
final class RecordsRoutes {
    private final NodeContext node;
    private final ObjectMapper json;

    RecordsRoutes(NodeContext node, ObjectMapper json) {
        this.node = node;
        this.json = json;
    }

    void register(Javalin app) {
        app.get("/v1/records/collections", this::collections);
        app.get("/v1/records/collections/{id}", this::collection);
        app.get("/v1/records/collections/{id}/records", this::records);
        app.get("/v1/records/{id}", this::record);
        app.get("/v1/records/{id}/history", this::history);
    }

    private void collections(Context ctx) {
        long offset = Requests.longQuery(ctx, "offset", 0, 0, Long.MAX_VALUE);
        int limit = (int) Requests.longQuery(ctx, "limit", 50, 1, RecordsQueries.MAX_PAGE);
        ObjectNode n = json.createObjectNode();
        n.put("total", RecordsQueries.collectionCount(node.store()));
        ArrayNode a = n.putArray("collections");
        for (RecordCollection c : RecordsQueries.collections(node.store(), offset, limit)) {
            a.add(view(c));
        }
        ctx.json(n);
    }

    private RecordCollection findCollection(Context ctx) {
        String id = ctx.pathParam("id");
        RecordCollection c = RecordsQueries.collection(node.store(), id);
        if (c == null) {
            throw ApiException.notFound("no collection '" + Requests.abbreviate(id) + "'");
        }
        return c;
    }

    private void collection(Context ctx) {
        RecordCollection c = findCollection(ctx);
        ObjectNode n = view(c);
        ArrayNode keys = n.putArray("readerKeys");
        for (PublicKey k : RecordsQueries.readerKeys(node.store(), node.genesis().cryptoSuite(), c.id())) {
            keys.add(Hex.encode(k.unsafeEncoded()));
        }
        n.put("recordCount", RecordsQueries.recordCount(node.store(), c.id()));
        ctx.json(n);
    }

    private ObjectNode view(RecordCollection c) {
        ObjectNode n = json.createObjectNode();
        n.put("collection", c.id()).put("name", c.name()).put("agency", c.agency()).put("creator", c.creator().hex())
                .put("height", c.height()).put("timestamp", c.timestamp()).put("txHash", c.txHash().hex());
        principals(n.putObject("submitters"), c.submitters());
        principals(n.putObject("readers"), c.readers());
        return n;
    }

    private static void principals(ObjectNode n, Principals p) {
        ArrayNode orgs = n.putArray("organisations");
        p.organisations().forEach(orgs::add);
        ArrayNode keys = n.putArray("keys");
        p.keys().forEach(k -> keys.add(Hex.encode(k)));
    }

    private void records(Context ctx) {
        RecordCollection c = findCollection(ctx);
        long offset = Requests.longQuery(ctx, "offset", 0, 0, Long.MAX_VALUE);
        int limit = (int) Requests.longQuery(ctx, "limit", 50, 1, RecordsQueries.MAX_PAGE);
        ObjectNode n = json.createObjectNode();
        n.put("collection", c.id());
        n.put("total", RecordsQueries.recordCount(node.store(), c.id()));
        ArrayNode a = n.putArray("records");
        for (RecordEntry e : RecordsQueries.records(node.store(), c.id(), offset, limit)) {
            a.add(view(e, false));
        }
        ctx.json(n);
    }

    private RecordEntry findRecord(Context ctx) {
        String id = ctx.pathParam("id");
        RecordEntry e = RecordsQueries.record(node.store(), id);
        if (e == null) {
            throw ApiException.notFound("no record '" + Requests.abbreviate(id) + "'");
        }
        return e;
    }

    private void record(Context ctx) {
        RecordEntry e = findRecord(ctx);
        String reader = ctx.queryParam("reader");
        if (reader != null && e.encrypted()) {
            byte[] key;
            try {
                key = Hex.decode(reader);
            } catch (IllegalArgumentException x) {
                throw ApiException.badRequest("reader '" + Requests.abbreviate(reader) + "' is not a hex public key");
            }
            if (e.content().wrappedKeyFor(key) == null) {
                throw new ApiException(403, "NOT_A_READER", "the key " + Requests.abbreviate(reader)
                        + " is not a reader of record " + e.id() + ": its content was sealed only to the readers of "
                        + e.collection() + " when it was submitted, so that key cannot decrypt it");
            }
        }
        ctx.json(view(e, true));
    }

    private void history(Context ctx) {
        RecordEntry e = findRecord(ctx);
        List<RecordEntry> versions = RecordsQueries.history(node.store(), e.id());
        ObjectNode n = json.createObjectNode();
        n.put("record", e.id()).put("first", e.first()).put("latest", versions.get(versions.size() - 1).id());
        ArrayNode a = n.putArray("versions");
        for (RecordEntry v : versions) {
            a.add(view(v, false));
        }
        ctx.json(n);
    }

    /** A record; with {@code envelope} the sealed content in hex (only for an encrypted record). */
    private ObjectNode view(RecordEntry e, boolean envelope) {
        ObjectNode n = json.createObjectNode();
        n.put("record", e.id()).put("collection", e.collection()).put("version", e.version())
                .put("previous", e.previous().isEmpty() ? null : e.previous())
                .put("next", e.next().isEmpty() ? null : e.next()).put("first", e.first()).put("latest", e.latest())
                .put("submitter", e.submitter().hex())
                .put("submitterOrganisation", e.submitterOrganisation().isEmpty() ? null : e.submitterOrganisation())
                .put("height", e.height()).put("timestamp", e.timestamp()).put("txHash", e.txHash().hex())
                .put("mode", e.mode() == RecordsContract.MODE_ENCRYPTED ? "ENCRYPTED" : "HASH_ONLY")
                .put("documentHash", Hex.encode(e.documentHash()));
        if (e.encrypted()) {
            EncryptedContent c = e.content();
            ArrayNode readers = n.putArray("readerKeys");
            for (EncryptedContent.WrappedKey w : c.wrappedKeys()) {
                readers.add(Hex.encode(w.readerKey()));
            }
            n.put("contentBytes", c.ciphertext().length);
            if (envelope) {
                n.put("envelope", Hex.encode(e.envelope()));
            }
        }
        return n;
    }
}
