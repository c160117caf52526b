package org.jadechain.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import org.jadechain.contracts.mediation.Agreement;
import org.jadechain.contracts.mediation.Installment;
import org.jadechain.contracts.mediation.MediationQueries;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hex;
import org.jadechain.node.NodeContext;

/**
 * Reads of mediation agreements from committed state: one agreement with its installments (each with what
 * was paid, what remains, and whether it is due, paid or covered by an enforcement case), payments and
 * cases; and pages of agreements, all or one party's. Writes are signed transactions (docs/API.md).
 */
final class MediationRoutes {
    private final NodeContext node;
    private final ObjectMapper json;

    MediationRoutes(NodeContext node, ObjectMapper json) {
        this.node = node;
        this.json = json;
    }

    void register(Javalin app) {
        app.get("/v1/mediation/agreements", this::list);
        app.get("/v1/mediation/agreements/{id}", this::one);
    }

    private void list(Context ctx) {
        long offset = Requests.longQuery(ctx, "offset", 0, 0, Long.MAX_VALUE);
        int limit = (int) Requests.longQuery(ctx, "limit", 50, 1, MediationQueries.MAX_PAGE);
        String partyText = ctx.queryParam("party");
        ObjectNode n = json.createObjectNode();
        List<Agreement> page;
        if (partyText == null) {
            n.put("total", MediationQueries.agreementCount(node.store()));
            page = MediationQueries.agreements(node.store(), offset, limit);
        } else {
            Address party = Requests.address(partyText, "party");
            n.put("party", party.hex());
            n.put("total", MediationQueries.agreementCount(node.store(), party));
            page = MediationQueries.agreementsOf(node.store(), party, offset, limit);
        }
        long now = node.ledger().head().timestamp();
        ArrayNode a = n.putArray("agreements");
        for (Agreement ag : page) {
            a.add(view(ag, now));
        }
        ctx.json(n);
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("id");
        Agreement a = MediationQueries.agreement(node.store(), id);
        if (a == null) {
            throw ApiException.notFound("no agreement '" + Requests.abbreviate(id) + "'");
        }
        ctx.json(view(a, node.ledger().head().timestamp()));
    }

    /** The agreement as of ledger time {@code now} (the head block's timestamp). */
    ObjectNode view(Agreement a, long now) {
        ObjectNode n = json.createObjectNode();
        n.put("agreement", a.id()).put("state", a.state().name()).put("mediator", a.mediator())
                .put("mediatorKey", a.mediatorKey().hex()).put("creditor", a.creditor().hex())
                .put("debtor", a.debtor().hex()).put("court", a.court()).put("agreementHash", a.agreementHash().hex())
                .put("termsHash", Hex.encode(a.termsHash())).put("proposedHeight", a.proposedHeight())
                .put("proposedTime", a.proposedTime()).put("proposalTx", a.proposalTx().hex());
        ObjectNode sigs = n.putObject("signatures");
        signature(sigs, "creditor", a.creditorSignature());
        signature(sigs, "debtor", a.debtorSignature());
        Money.put(n, "total", a.total());
        long paid = 0;
        ArrayNode inst = n.putArray("installments");
        for (int i = 1; i <= a.installments().size(); i++) {
            Installment in = a.installment(i);
            ObjectNode e = inst.addObject().put("n", i).put("due", in.due());
            Money.put(e, "amount", in.amount());
            Money.put(e, "paid", a.paid(i));
            Money.put(e, "remaining", a.remaining(i));
            Agreement.CaseLink c = a.caseCovering(i);
            e.put("case", c == null ? null : c.caseId());
            e.put("status", a.remaining(i) == 0 ? "PAID" : c != null ? "IN_CASE" : in.due() <= now ? "OVERDUE" : "PENDING");
            paid += a.paid(i);
        }
        Money.put(n, "paid", paid);
        Money.put(n, "unpaidDue", a.state().name().equals("BINDING") ? a.unpaidDueBy(now) : 0);
        ArrayNode pays = n.putArray("payments");
        for (Agreement.Payment p : a.payments()) {
            ObjectNode e = pays.addObject().put("installment", p.installment());
            Money.put(e, "amount", p.amount());
            e.put("txHash", p.txHash().hex()).put("height", p.height()).put("time", p.time());
        }
        ArrayNode cases = n.putArray("cases");
        for (Agreement.CaseLink c : a.cases()) {
            cases.addObject().put("case", c.caseId()).put("firstInstallment", c.first()).put("lastInstallment", c.last());
        }
        return n;
    }

    private static void signature(ObjectNode sigs, String party, Agreement.Signature s) {
        if (s == null) {
            sigs.putNull(party);
        } else {
            sigs.putObject(party).put("signer", s.signer().hex()).put("txHash", s.txHash().hex())
                    .put("height", s.height()).put("time", s.time());
        }
    }
}
