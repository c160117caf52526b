package org.jadechain.node.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.ledger.TxLocation;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.node.NodeContext;
import org.jadechain.sdk.ReceiptBundles;

/** Receipt bundles: inclusion proofs with header and certificate, checkable offline (docs/API.md). */
final class ProofRoutes {
    private final NodeContext node;

    ProofRoutes(NodeContext node) {
        this.node = node;
    }

    void register(Javalin app) {
        app.get("/v1/transactions/{hash}/proof", this::proof);
    }

    private void proof(Context ctx) {
        Hash hash = Requests.hashParam(ctx, "hash");
        TxLocation loc = node.store().locate(hash);
        if (loc == null) {
            throw ApiException.notFound(node.mempool().contains(hash)
                    ? "transaction " + hash.hex() + " is pending; its proof exists once it is committed"
                    : "no committed transaction " + hash.hex());
        }
        StoredBlock stored = node.store().block(loc.height());
        try {
            ctx.contentType("application/json").result(
                    ValidatorChangeProofs.attach(node, ReceiptBundles.build(stored, loc.index(), node.genesis())).toText());
        } catch (DecodeException e) {
            throw new IllegalStateException("stored block " + loc.height() + " does not decode: " + e.getMessage(), e);
        }
    }
}
