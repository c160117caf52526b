package org.jadechain.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.jadechain.core.contract.Identities;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.node.NodeContext;

/** The consortium's organisations as the identity registry holds them: id, name, role, admin keys. */
final class OrganisationRoutes {
    private final NodeContext node;
    private final ObjectMapper json;

    OrganisationRoutes(NodeContext node, ObjectMapper json) {
        this.node = node;
        this.json = json;
    }

    void register(Javalin app) {
        app.get("/v1/organisations", this::list);
        app.get("/v1/organisations/{id}", this::one);
    }

    private void list(Context ctx) {
        Identities ids = new Identities(node.store(), node.genesis().cryptoSuite());
        ObjectNode n = json.createObjectNode();
        ArrayNode arr = n.putArray("organisations");
        for (Organisation g : node.genesis().organisations()) {
            Organisation o = ids.organisation(g.id());
            if (o != null) {
                arr.add(view(o));
            }
        }
        ctx.json(n);
    }

    private void one(Context ctx) {
        if (ctx.pathParam("id").length() > org.jadechain.core.codec.Limits.MAX_NAME_BYTES) {
            throw ApiException.badRequest("organisation ids are at most " + org.jadechain.core.codec.Limits.MAX_NAME_BYTES + " characters");
        }
        Organisation o = new Identities(node.store(), node.genesis().cryptoSuite()).organisation(ctx.pathParam("id"));
        if (o == null) {
            throw ApiException.notFound("no organisation '" + ctx.pathParam("id") + "'");
        }
        ctx.json(view(o));
    }

    private ObjectNode view(Organisation o) {
        CryptoSuite suite = node.genesis().cryptoSuite();
        ObjectNode n = json.createObjectNode().put("id", o.id()).put("name", o.name()).put("role", o.role().name());
        ArrayNode keys = n.putArray("adminKeys");
        ArrayNode addrs = n.putArray("addresses");
        for (PublicKey k : o.adminKeys()) {
            keys.add(k.hex());
            addrs.add(suite.address(k).hex());
        }
        return n;
    }
}
