package org.jadechain.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.contracts.currency.CurrencyQueries;
import org.jadechain.contracts.currency.WalletIdentity;
import org.jadechain.contracts.mediation.Installment;
import org.jadechain.contracts.mediation.MediationCalls;
import org.jadechain.contracts.mediation.MediationContract;
import org.jadechain.contracts.records.Principals;
import org.jadechain.contracts.records.RecordEntry;
import org.jadechain.contracts.records.RecordsCalls;
import org.jadechain.contracts.records.RecordsContract;
import org.jadechain.contracts.records.RecordsQueries;
import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.model.Transaction;
import org.jadechain.node.NodeContext;
import org.jadechain.node.devnet.DemoIdentities;
import org.jadechain.node.mempool.Admission;
import org.jadechain.sdk.EvidenceCalls;
import org.jadechain.sdk.IdentityEnvelope;
import org.jadechain.sdk.TransactionBuilder;
import org.jadechain.sdk.records.NotAReaderException;
import org.jadechain.sdk.records.RecordDecryptionException;
import org.jadechain.sdk.records.RecordEnvelope;

/**
 * The devnet's demo signer under {@code /v1/devnet} (ADR 0009): the web console acts as a demo identity
 * by naming it ({@code "as": "citizen-1"}); this node signs with that identity's key, which {@code jade devnet}
 * handed it, and admits the transaction exactly like {@code POST /v1/transactions} (signature check, nonce,
 * mempool). Registered only on a node started by {@code jade devnet}: on any other node these paths do not
 * exist (404), and no request can make a node hold or use a user's private key.
 * <p>
 * Besides plain calls with typed arguments, a few actions do what a client does before signing: seal a wallet
 * owner's identity to the regulator, encode a mediation schedule, seal a record to its readers, open a
 * wallet identity as the regulator, and open a record as one of its readers. Submissions by one identity
 * are serialised so that each takes the next pending nonce.
 */
final class DevnetRoutes {
    private final NodeContext node;
    private final ObjectMapper json;
    private final DemoIdentities demo;
    private final CryptoSuite suite;
    private final SecureRandom random = new SecureRandom();

    DevnetRoutes(NodeContext node, ObjectMapper json, DemoIdentities demo) {
        this.node = node;
        this.json = json;
        this.demo = demo;
        this.suite = node.genesis().cryptoSuite();
    }

    void register(Javalin app) {
        app.get("/v1/devnet/identities", this::identities);
        app.post("/v1/devnet/calls", this::call);
        app.post("/v1/devnet/wallets", this::openWallet);
        app.post("/v1/devnet/agreements", this::proposeAgreement);
        app.post("/v1/devnet/collections", this::createCollection);
        app.post("/v1/devnet/records", this::submitRecord);
        app.get("/v1/devnet/records/{id}/content", this::readRecord);
        app.get("/v1/devnet/whois/{address}", this::whois);
    }

    private void identities(Context ctx) {
        ObjectNode n = json.createObjectNode();
        n.put("chainId", node.genesis().chainId()).put("suite", node.genesis().suite().label());
        ArrayNode a = n.putArray("identities");
        for (DemoIdentities.Identity i : demo.all()) {
            ObjectNode o = a.addObject();
            o.put("id", i.id()).put("address", suite.address(i.keyPair().publicKey()).hex())
                    .put("publicKey", Hex.encode(i.keyPair().publicKey().unsafeEncoded()));
            if (i.organisation() != null) {
                o.put("organisation", i.organisation().id()).put("role", i.organisation().role().name())
                        .put("name", i.organisation().name());
            } else {
                o.putNull("organisation").put("role", "PERSON").put("name", i.id());
            }
        }
        ctx.json(n);
    }

    private DemoIdentities.Identity identity(JsonNode body) {
        return identity(text(body, "as"));
    }

    private DemoIdentities.Identity identity(String id) {
        DemoIdentities.Identity i = demo.get(id);
        if (i == null) {
            throw ApiException.badRequest("'" + Requests.abbreviate(id) + "' is not one of this devnet's demo identities");
        }
        return i;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw ApiException.badRequest("field '" + field + "' (text) is required");
        }
        return v.asText();
    }

    private static long integer(JsonNode v, String what) {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiException.badRequest(what + " must be an integer");
        }
        return v.asLong();
    }

    /** Signs {@code args} for the identity with its next pending nonce and admits it; answers 202 or the refusal. */
    private void submit(Context ctx, DemoIdentities.Identity who, String contract, String method, byte[] args,
                        ObjectNode extra) {
        Transaction tx;
        Admission a;
        synchronized (who) {
            Address sender = suite.address(who.keyPair().publicKey());
            long nonce = node.mempool().pendingNonce(sender);
            try {
                tx = new TransactionBuilder(node.genesis().chainId(), node.genesis().suite(), who.signer())
                        .build(nonce, contract, method, args);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            a = TransactionRoutes.admit(node, tx);
        }
        if (!a.accepted()) {
            throw new ApiException(a.httpStatus(), a.code(), a.message());
        }
        ObjectNode n = json.createObjectNode();
        n.put("txHash", tx.hash().hex()).put("status", "PENDING").put("as", who.id())
                .put("sender", suite.address(who.keyPair().publicKey()).hex()).put("nonce", tx.nonce());
        if (extra != null) {
            n.setAll(extra);
        }
        ctx.status(202).json(n);
    }

    /** {@code {"as", "contract", "method", "args": [{"type": "int|bytes|string|bool", "value"}]}}. */
    private void call(Context ctx) {
        JsonNode body = Requests.jsonBody(ctx, json);
        DemoIdentities.Identity who = identity(body);
        String contract = text(body, "contract");
        String method = text(body, "method");
        Args.Builder b = Args.builder();
        JsonNode args = body.path("args");
        if (!args.isArray() && !args.isMissingNode()) {
            throw ApiException.badRequest("'args' must be a list of {\"type\", \"value\"}");
        }
        for (JsonNode arg : args) {
            JsonNode v = arg.get("value");
            String type = arg.path("type").asText();
            switch (type) {
                case "int" -> b.int64(integer(v, "an int argument"));
                case "string" -> {
                    if (v == null || !v.isTextual()) {
                        throw ApiException.badRequest("a string argument needs a text value");
                    }
                    b.string(v.asText());
                }
                case "bool" -> {
                    if (v == null || !v.isBoolean()) {
                        throw ApiException.badRequest("a bool argument needs true or false");
                    }
                    b.bool(v.asBoolean());
                }
                case "bytes" -> {
                    try {
                        b.bytes(Hex.decode(v == null ? "" : v.asText()));
                    } catch (IllegalArgumentException e) {
                        throw ApiException.badRequest("a bytes argument needs hex: " + e.getMessage());
                    }
                }
                default -> throw ApiException.badRequest("argument type must be int, bytes, string or bool, not '"
                        + Requests.abbreviate(type) + "'");
            }
        }
        byte[] encoded;
        try {
            encoded = b.encode();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        submit(ctx, who, contract, method, encoded, null);
    }

    /** {@code {"as": operator, "owner": demo id, "class", "phone", "name", "idNumber"}}: the identity sealed here. */
    private void openWallet(Context ctx) {
        JsonNode body = Requests.jsonBody(ctx, json);
        DemoIdentities.Identity who = identity(body);
        DemoIdentities.Identity owner = identity(text(body, "owner"));
        long walletClass = integer(body.get("class"), "class");
        if (walletClass < 1 || walletClass > 4) {
            throw ApiException.badRequest("class must be 1, 2, 3 or 4");
        }
        TreeMap<String, String> identity = new TreeMap<>();
        for (String f : List.of("phone", "name", "idNumber")) {
            String v = body.path(f).asText("").trim();
            if (!v.isEmpty()) {
                identity.put(f, v);
            }
        }
        if (identity.isEmpty()) {
            throw ApiException.badRequest("give the owner's identity: at least a phone number");
        }
        IdentityEnvelope env = IdentityEnvelope.seal(suite, json.valueToTree(identity).toString(), regulatorKey(), random);
        ObjectNode extra = json.createObjectNode().put("wallet", suite.address(owner.keyPair().publicKey()).hex());
        submit(ctx, who, CurrencyContract.NAME, CurrencyContract.OPEN_WALLET, CurrencyCalls.openWallet(
                owner.keyPair().publicKey(), (int) walletClass, env.commitment().bytes(), env.encryptedIdentity()), extra);
    }

    private PublicKey regulatorKey() {
        for (Organisation o : node.genesis().organisations()) {
            if (o.role() == Role.REGULATOR && !o.adminKeys().isEmpty()) {
                return o.adminKeys().get(0);
            }
        }
        throw new ApiException(409, "NO_REGULATOR", "this chain's genesis names no regulator to seal identities to");
    }

    /**
     * {@code {"as": mediator, "creditor": ADDRESS, "debtor": ADDRESS, "court", "installments": [{"amount", "due"}],
     * "terms": TEXT}}: the terms' hash is what the agreement records.
     */
    private void proposeAgreement(Context ctx) {
        JsonNode body = Requests.jsonBody(ctx, json);
        DemoIdentities.Identity who = identity(body);
        Address creditor = Requests.address(text(body, "creditor"), "creditor");
        Address debtor = Requests.address(text(body, "debtor"), "debtor");
        String court = text(body, "court");
        List<Installment> schedule = new ArrayList<>();
        for (JsonNode i : body.path("installments")) {
            schedule.add(new Installment(integer(i.get("amount"), "an installment's amount"),
                    integer(i.get("due"), "an installment's due time")));
        }
        if (schedule.isEmpty()) {
            throw ApiException.badRequest("give at least one installment {\"amount\", \"due\"}");
        }
        byte[] terms = text(body, "terms").getBytes(StandardCharsets.UTF_8);
        byte[] args;
        try {
            args = MediationCalls.propose(creditor, debtor, court, schedule,
                    EvidenceCalls.documentHash(suite, terms).bytes());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        submit(ctx, who, MediationContract.NAME, MediationContract.PROPOSE, args, null);
    }

    /** {@code {"as": agency, "name", "submitters": [ID], "readers": [ID]}}: an organisation id or a demo identity's key. */
    private void createCollection(Context ctx) {
        JsonNode body = Requests.jsonBody(ctx, json);
        DemoIdentities.Identity who = identity(body);
        byte[] args;
        try {
            args = RecordsCalls.createCollection(text(body, "name"), principals(body.path("submitters")),
                    principals(body.path("readers")));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        submit(ctx, who, RecordsContract.NAME, RecordsContract.CREATE_COLLECTION, args, null);
    }

    private Principals principals(JsonNode list) {
        List<String> orgs = new ArrayList<>();
        List<PublicKey> keys = new ArrayList<>();
        for (JsonNode e : list) {
            String id = e.asText();
            if (node.genesis().organisation(id) != null) {
                orgs.add(id);
            } else {
                keys.add(identity(id).keyPair().publicKey());
            }
        }
        return Principals.of(orgs, keys);
    }

    /** {@code {"as", "collection", "content": TEXT, "hashOnly": bool, "previous": RECORD or ""}}. */
    private void submitRecord(Context ctx) {
        JsonNode body = Requests.jsonBody(ctx, json);
        DemoIdentities.Identity who = identity(body);
        String collection = text(body, "collection");
        byte[] content = text(body, "content").getBytes(StandardCharsets.UTF_8);
        String previous = body.path("previous").asText("");
        byte[] args;
        try {
            if (body.path("hashOnly").asBoolean(false)) {
                args = RecordsCalls.submitHash(collection, RecordEnvelope.documentHash(suite, content), previous);
            } else {
                List<PublicKey> readers = RecordsQueries.readerKeys(node.store(), suite, collection);
                RecordEnvelope.Sealed sealed = RecordEnvelope.sealFor(suite, collection, content, readers, random);
                args = RecordsCalls.submitEncrypted(collection, sealed.documentHash(), sealed.payload(), previous);
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        submit(ctx, who, RecordsContract.NAME, RecordsContract.SUBMIT, args, null);
    }

    /** {@code ?as=ID}: the record's document, decrypted with that identity's key, or 403 NOT_A_READER. */
    private void readRecord(Context ctx) {
        DemoIdentities.Identity who = identity(ctx.queryParam("as") == null ? "" : ctx.queryParam("as"));
        String id = ctx.pathParam("id");
        RecordEntry r = RecordsQueries.record(node.store(), id);
        if (r == null) {
            throw ApiException.notFound("no record '" + Requests.abbreviate(id) + "'");
        }
        if (!r.encrypted()) {
            throw new ApiException(409, "HASH_ONLY", "record " + r.id()
                    + " stores only its document's hash; the document itself is kept off the ledger");
        }
        try {
            byte[] content = RecordEnvelope.open(suite, who.keyPair(), r);
            ctx.json(json.createObjectNode().put("record", r.id()).put("as", who.id())
                    .put("content", new String(content, StandardCharsets.UTF_8)));
        } catch (NotAReaderException e) {
            throw new ApiException(403, "NOT_A_READER", who.id() + " is not among the readers of record " + r.id()
                    + ", so its content cannot be opened with that key");
        } catch (RecordDecryptionException e) {
            throw new ApiException(409, "CANNOT_DECRYPT", e.getMessage());
        }
    }

    /** {@code ?as=regulator}: the wallet's identity, opened with that identity's key (only the regulator's can). */
    private void whois(Context ctx) {
        DemoIdentities.Identity who = identity(ctx.queryParam("as") == null ? "regulator" : ctx.queryParam("as"));
        Address wallet = Requests.addressParam(ctx, "address");
        WalletIdentity id = CurrencyQueries.identity(node.store(), wallet);
        if (id == null) {
            throw ApiException.notFound("no wallet " + wallet.hex());
        }
        String opened;
        try {
            opened = IdentityEnvelope.open(suite, who.keyPair(), id.encryptedIdentity());
        } catch (CryptoException e) {
            throw new ApiException(403, "NOT_THE_REGULATOR", who.id() + "'s key cannot open wallet identities; "
                    + "only the regulator's can");
        }
        ObjectNode n = json.createObjectNode();
        n.put("wallet", wallet.hex()).put("as", who.id());
        try {
            n.set("identity", json.readTree(opened));
        } catch (java.io.IOException e) {
            n.put("identity", opened);
        }
        ctx.json(n);
    }
}
