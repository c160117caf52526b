package org.jadechain.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.jadechain.contracts.evidence.EvidenceContract;
import org.jadechain.contracts.evidence.EvidenceRecord;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.exec.Nonces;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.model.BlockHeader;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.Transaction;
import org.jadechain.consensus.raft.RaftOrdering;
import org.jadechain.consensus.raft.RaftRole;
import org.jadechain.node.NodeContext;
import org.jadechain.node.config.RaftSettings;
import org.jadechain.node.query.ChainQueries;
import org.jadechain.sdk.GenesisFile;
import org.jadechain.sdk.ReceiptBundle;

/** Status, blocks, account nonces and evidence look-ups. */
final class QueryRoutes {
    private final NodeContext node;
    private final ObjectMapper json;
    private final JsonViews views;
    private final CryptoSuite suite;

    QueryRoutes(NodeContext node, ObjectMapper json, JsonViews views) {
        this.node = node;
        this.json = json;
        this.views = views;
        this.suite = node.genesis().cryptoSuite();
    }

    void register(Javalin app) {
        app.get("/v1/status", this::status);
        app.get("/v1/blocks/{height}", ctx -> block(ctx, Requests.longParam(ctx, "height")));
        app.get("/v1/blocks/hash/{hash}", this::blockByHash);
        app.get("/v1/accounts/{address}/nonce", this::nonce);
        app.get("/v1/evidence/{hash}", this::evidence);
    }

    private void status(Context ctx) {
        BlockHeader head = node.ledger().head();
        ObjectNode n = json.createObjectNode();
        n.put("chainId", node.genesis().chainId());
        n.put("suite", suite.id().label());
        n.put("height", head.height());
        n.put("headHash", head.hash(suite).hex());
        n.put("stateRoot", head.stateRoot().hex());
        n.put("timestamp", head.timestamp());
        n.put("timeZone", GenesisFile.formatTimeZone(node.genesis().utcOffsetMinutes()));
        n.put("consensus", node.ordering().mode());
        n.put("nodeId", node.nodeId());
        n.put("pid", ProcessHandle.current().pid());
        if (node.ordering() instanceof RaftOrdering raft) {
            n.put("role", raft.role().name());
            n.put("leader", raft.role() == RaftRole.LEADER);
            n.put("leaderId", raft.leaderId());
            n.put("term", raft.term());
            ArrayNode voters = n.putArray("raftVoters");
            raft.voterIds().forEach(voters::add);
        } else {
            n.put("role", node.ordering().failure() == null ? "LEADER" : "STOPPED");
            n.put("leader", node.ordering().failure() == null);
            n.put("leaderId", node.nodeId());
            n.put("term", 0);
        }
        if (node.raft() != null) {
            ArrayNode members = n.putArray("network");
            for (RaftSettings.Member m : node.raft().members()) {
                members.addObject().put("id", m.id()).put("api", m.api()).put("observer", m.observer());
            }
        }
        if (node.ordering().failure() != null) {
            n.put("failure", node.ordering().failure());
        }
        n.putObject("mempool").put("size", node.mempool().size()).put("capacity", node.mempool().capacity());
        ArrayNode vs = n.putArray("validators");
        for (ValidatorInfo v : node.genesis().validators()) {
            vs.addObject().put("id", v.id()).put("organisation", v.organisation())
                    .put("publicKey", v.publicKey().hex()).put("address", suite.address(v.publicKey()).hex());
        }
        ctx.json(n);
    }

    private void blockByHash(Context ctx) {
        Hash h = Requests.hashParam(ctx, "hash");
        Long height = node.store().heightOf(h);
        if (height == null) {
            throw ApiException.notFound("no block with hash " + h.hex());
        }
        block(ctx, height);
    }

    private void block(Context ctx, long height) {
        ChainQueries.DecodedBlock b = node.queries().block(height);
        if (b == null) {
            throw ApiException.notFound("no block at height " + height + "; the chain is at " + node.ledger().height());
        }
        BlockHeader h = b.block().header();
        ObjectNode n = json.createObjectNode();
        n.put("height", height);
        n.put("hash", h.hash(suite).hex());
        n.set("header", ReceiptBundle.Header.of(h).toJson());
        int triggers = b.triggerCount();
        ArrayNode ts = n.putArray("triggers");
        for (int i = 0; i < triggers; i++) {
            Receipt r = b.receipts().get(i);
            ts.addObject().put("id", r.txHash().hex()).put("code", r.code().name()).put("message", r.message());
        }
        ArrayNode txs = n.putArray("transactions");
        for (int i = 0; i < b.block().transactions().size(); i++) {
            Transaction tx = b.block().transactions().get(i);
            Receipt r = b.receipts().get(triggers + i);
            txs.addObject().put("txHash", tx.hash().hex()).put("sender", views.sender(tx)).put("nonce", tx.nonce())
                    .put("contract", tx.contract()).put("method", tx.method()).put("code", r.code().name());
        }
        try {
            n.set("certificate", ReceiptBundle.Certificate.of(b.stored().certificate(), node.genesis().validators()).toJson());
        } catch (org.jadechain.core.codec.DecodeException e) {
            throw new IllegalStateException("stored certificate of block " + height + " does not decode", e);
        }
        ctx.json(n);
    }

    private void nonce(Context ctx) {
        Address a = Requests.addressParam(ctx, "address");
        ctx.json(json.createObjectNode().put("address", a.hex())
                .put("nonce", Nonces.next(node.store(), a))
                .put("pendingNonce", node.mempool().pendingNonce(a)));
    }

    private void evidence(Context ctx) {
        byte[] hash = Requests.bytesParam(ctx, "hash", EvidenceContract.MAX_HASH_BYTES);
        EvidenceRecord e = EvidenceContract.lookup(node.store(), hash);
        if (e == null) {
            throw ApiException.notFound("document " + Hex.encode(hash) + " has not been recorded");
        }
        ctx.json(json.createObjectNode().put("documentHash", Hex.encode(hash)).put("recorder", e.recorder().hex())
                .put("metadata", e.metadata()).put("height", e.height()).put("txHash", e.txHash().hex())
                .put("timestamp", e.timestamp()));
    }
}
