package org.jadechain.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.jadechain.contracts.governance.GovernanceQueries;
import org.jadechain.contracts.governance.Proposal;
import org.jadechain.contracts.governance.ValidatorSet;
import org.jadechain.core.crypto.Hex;
import org.jadechain.node.NodeContext;

/** Reads of validator-set governance: the set's versions (which validators certify which heights) and proposals. */
final class GovernanceRoutes {
    private final NodeContext node;
    private final ObjectMapper json;

    GovernanceRoutes(NodeContext node, ObjectMapper json) {
        this.node = node;
        this.json = json;
    }

    void register(Javalin app) {
        app.get("/v1/governance/validators", this::validators);
        app.get("/v1/governance/proposals/{id}", this::proposal);
    }

    private void validators(Context ctx) {
        ObjectNode n = json.createObjectNode();
        ArrayNode gov = n.putArray("governors");
        GovernanceQueries.governors(node.store()).forEach(gov::add);
        n.put("proposalCount", GovernanceQueries.proposalCount(node.store()));
        ArrayNode versions = n.putArray("versions");
        for (ValidatorSet s : GovernanceQueries.history(node.store(), node.genesis().cryptoSuite())) {
            ObjectNode v = versions.addObject().put("version", s.version()).put("fromHeight", s.fromHeight())
                    .put("adoptedBy", s.version() == 0 ? null : s.adoptedBy().hex());
            ArrayNode members = v.putArray("validators");
            for (ValidatorSet.Member m : s.members()) {
                members.addObject().put("id", m.info().id()).put("organisation", m.info().organisation())
                        .put("publicKey", m.info().publicKey().hex())
                        .put("address", node.genesis().cryptoSuite().address(m.info().publicKey()).hex())
                        .put("raftAddress", m.raftAddress().isEmpty() ? null : m.raftAddress());
            }
        }
        ctx.json(n);
    }

    private void proposal(Context ctx) {
        String id = ctx.pathParam("id");
        Proposal p = id.length() > 64 ? null : GovernanceQueries.proposal(node.store(), id);
        if (p == null) {
            throw ApiException.notFound("no proposal '" + Requests.abbreviate(id) + "'");
        }
        ObjectNode n = json.createObjectNode();
        n.put("proposal", p.id()).put("change", p.kind().name()).put("validator", p.validatorId())
                .put("organisation", p.organisation().isEmpty() ? null : p.organisation())
                .put("publicKey", p.publicKey().length == 0 ? null : Hex.encode(p.publicKey()))
                .put("raftAddress", p.raftAddress().isEmpty() ? null : p.raftAddress()).put("reason", p.reason())
                .put("proposer", p.proposer()).put("proposedHeight", p.proposedHeight()).put("proposalTx", p.proposalTx().hex())
                .put("state", p.state().name()).put("decidedHeight", p.decidedHeight());
        ArrayNode a = n.putArray("approvals");
        p.approvals().forEach(a::add);
        ctx.json(n);
    }
}
