package org.jadechain.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.contracts.court.CaseEvidence;
import org.jadechain.contracts.court.CaseState;
import org.jadechain.contracts.court.CourtCase;
import org.jadechain.contracts.court.CourtQueries;
import org.jadechain.contracts.court.TimelineEntry;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.model.Receipt;
import org.jadechain.node.NodeContext;
import org.jadechain.sdk.ReceiptBundles;

/**
 * Reads of the court docket from committed state: cases by court and state, one case with its evidence,
 * frozen amount and full timeline, and the receipt bundle proving the case's filing and evidence (the
 * filing is a ledger trigger, so the bundle holds the trigger's receipt instead of a transaction).
 */
final class CourtRoutes {
    private final NodeContext node;
    private final ObjectMapper json;

    CourtRoutes(NodeContext node, ObjectMapper json) {
        this.node = node;
        this.json = json;
    }

    void register(Javalin app) {
        app.get("/v1/court/cases", this::list);
        app.get("/v1/court/cases/{id}", this::one);
        app.get("/v1/court/cases/{id}/proof", this::proof);
    }

    private void list(Context ctx) {
        long offset = Requests.longQuery(ctx, "offset", 0, 0, Long.MAX_VALUE);
        int limit = (int) Requests.longQuery(ctx, "limit", 50, 1, CourtQueries.MAX_PAGE);
        String court = ctx.queryParam("court");
        CaseState state = state(ctx.queryParam("state"));
        ObjectNode n = json.createObjectNode();
        n.put("court", court);
        n.put("state", state == null ? null : state.name());
        List<CourtCase> page;
        if (court == null || court.isEmpty()) {
            page = new ArrayList<>();
            long count = CourtQueries.caseCount(node.store());
            long matching = 0;
            for (long i = 1; i <= count; i++) {
                CourtCase c = CourtQueries.courtCase(node.store(), CourtCase.idOf(i));
                if (c != null && (state == null || c.state() == state)) {
                    if (matching >= offset && page.size() < limit) {
                        page.add(c);
                    }
                    matching++;
                }
            }
            n.put("total", matching);
        } else if (state == null) {
            n.put("total", CourtQueries.caseCount(node.store(), court));
            page = CourtQueries.cases(node.store(), court, offset, limit);
        } else {
            n.put("total", CourtQueries.caseCount(node.store(), court, state));
            page = CourtQueries.cases(node.store(), court, state, offset, limit);
        }
        ArrayNode a = n.putArray("cases");
        for (CourtCase c : page) {
            a.add(summary(c));
        }
        ctx.json(n);
    }

    private static CaseState state(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return CaseState.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("state must be one of " + java.util.Arrays.toString(CaseState.values()));
        }
    }

    private CourtCase find(Context ctx) {
        String id = ctx.pathParam("id");
        CourtCase c = CourtQueries.courtCase(node.store(), id);
        if (c == null) {
            throw ApiException.notFound("no case '" + Requests.abbreviate(id) + "'");
        }
        return c;
    }

    private ObjectNode summary(CourtCase c) {
        ObjectNode n = json.createObjectNode();
        n.put("case", c.id()).put("court", c.court()).put("state", c.state().name()).put("agreement", c.agreement())
                .put("creditor", c.creditor().hex()).put("debtor", c.debtor().hex());
        Money.put(n, "filedOutstanding", c.filedOutstanding());
        Money.put(n, "outstanding", c.outstanding());
        Money.put(n, "paidAfterFiling", c.paidAfterFiling());
        Money.put(n, "deducted", c.deducted());
        Money.put(n, "frozen", CourtQueries.frozen(node.store(), c.id()));
        n.put("filedHeight", c.filedHeight()).put("filedTime", c.filedTime()).put("filedBy", c.filedBy().hex());
        return n;
    }

    private void one(Context ctx) {
        CourtCase c = find(ctx);
        ObjectNode n = summary(c);
        CaseEvidence e = CourtQueries.evidence(node.store(), c.id());
        ObjectNode ev = n.putObject("evidence");
        ev.put("agreement", e.agreement()).put("mediator", e.mediator()).put("agreementHash", e.agreementHash().hex())
                .put("termsHash", Hex.encode(e.termsHash()))
                .put("evidenceHash", e.hash(node.genesis().cryptoSuite()).hex());
        signed(ev.putObject("creditorSignature"), e.creditorSignature());
        signed(ev.putObject("debtorSignature"), e.debtorSignature());
        ArrayNode schedule = ev.putArray("schedule");
        for (int i = 0; i < e.schedule().size(); i++) {
            CaseEvidence.Due d = e.schedule().get(i);
            Money.put(schedule.addObject().put("n", i + 1).put("due", d.dueTime()), "amount", d.amount());
        }
        ev.put("firstInstallment", e.firstInstallment()).put("lastInstallment", e.lastInstallment());
        ArrayNode paid = ev.putArray("payments");
        for (CaseEvidence.Paid p : e.payments()) {
            ObjectNode pn = paid.addObject().put("installment", p.installment());
            Money.put(pn, "amount", p.amount());
            pn.put("txHash", p.txHash().hex()).put("height", p.height()).put("time", p.time());
        }
        ev.put("encoded", Hex.encode(e.encode()));
        ArrayNode timeline = n.putArray("timeline");
        for (TimelineEntry t : CourtQueries.timeline(node.store(), c.id())) {
            ObjectNode tn = timeline.addObject().put("index", t.index()).put("step", t.step().name())
                    .put("state", t.state().name()).put("height", t.height()).put("time", t.time())
                    .put("txHash", t.txHash().hex()).put("reason", t.reason());
            Money.put(tn, "amount", t.amount());
        }
        ctx.json(n);
    }

    private static void signed(ObjectNode n, CaseEvidence.Signed s) {
        n.put("signer", s.signer().hex()).put("txHash", s.txHash().hex()).put("height", s.height()).put("time", s.time());
    }

    private void proof(Context ctx) {
        CourtCase c = find(ctx);
        StoredBlock stored = node.store().block(c.filedHeight());
        try {
            List<Receipt> receipts = stored.receipts();
            for (int i = 0; i < receipts.size(); i++) {
                if (receipts.get(i).txHash().equals(c.filedBy()) && receipts.get(i).kind() == Receipt.Kind.TRIGGER) {
                    CaseEvidence e = CourtQueries.evidence(node.store(), c.id());
                    ctx.contentType("application/json")
                            .result(ValidatorChangeProofs.attach(node,
                                    ReceiptBundles.buildTrigger(stored, i, node.genesis(), e.encode())).toText());
                    return;
                }
            }
        } catch (DecodeException e) {
            throw new IllegalStateException("stored block " + c.filedHeight() + " does not decode: " + e.getMessage(), e);
        }
        throw ApiException.notFound("case " + c.id() + " was not filed by a ledger trigger in block " + c.filedHeight()
                + "; prove its filing with the transaction " + c.filedBy().hex());
    }
}
