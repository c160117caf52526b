package org.jadechain.contracts.court;

import java.nio.charset.StandardCharsets;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.model.Attribute;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.state.StateReader;

/**
 * What one court call works with: the context, the docket over the call's overlay, a reader of every
 * namespace as the call sees it, and the look-ups, checks and bookkeeping the methods share. Valid only
 * during the call.
 */
final class CaseScope {
    final CallContext ctx;
    final CourtStore store;
    final StateReader reader;

    CaseScope(CallContext ctx) {
        this.ctx = ctx;
        this.store = new CourtStore(ctx.state());
        this.reader = CallStateReader.of(ctx);
    }

    static String caseId(Args args, int i) throws ContractException {
        String s = args.string(i);
        int n = s.getBytes(StandardCharsets.UTF_8).length;
        if (n == 0 || n > CaseEvidence.MAX_ID_BYTES) {
            throw ContractException.invalid("a case id is 1.." + CaseEvidence.MAX_ID_BYTES + " bytes, got " + n);
        }
        return s;
    }

    static String reason(Args args, int i) throws ContractException {
        String s = args.string(i);
        int n = s.getBytes(StandardCharsets.UTF_8).length;
        if (s.isBlank() || n > CourtContract.MAX_REASON_BYTES) {
            throw ContractException.invalid("a reason is required, at most " + CourtContract.MAX_REASON_BYTES
                    + " bytes; got " + n);
        }
        return s;
    }

    CourtCase find(String id) throws ContractException {
        CourtCase c = store.courtCase(id);
        if (c == null) {
            throw new ContractException(ResultCode.NOT_FOUND, "no case " + id);
        }
        return c;
    }

    /** A case of the calling court; another court's case is NOT_AUTHORISED. */
    CourtCase ownCase(String id) throws ContractException {
        CourtCase c = find(id);
        String caller = ctx.caller().organisation();
        if (!c.court().equals(caller)) {
            throw ContractException.notAuthorised("case " + id + " is before " + c.court() + ", not " + caller);
        }
        return c;
    }

    static void requireState(CourtCase c, String action, CaseState... allowed) throws ContractException {
        for (CaseState s : allowed) {
            if (c.state() == s) {
                return;
            }
        }
        StringBuilder want = new StringBuilder();
        for (CaseState s : allowed) {
            want.append(want.length() == 0 ? "" : " or ").append(s);
        }
        throw new ContractException(ResultCode.INVALID_STATE, "case " + c.id() + " is " + c.state() + "; only a "
                + want + " case can be " + action);
    }

    /**
     * Moves the case to {@code after} (updating the state lists), appends the timeline entry, stores the case
     * and emits {@code event} with the case, court, new state, amount, outstanding amount, reason and any
     * {@code extra} attributes. Returns the stored case.
     */
    CourtCase step(CourtCase c, CaseState after, TimelineEntry.Step step, String event, String reason, long amount,
                   Attribute... extra) throws ContractException {
        if (c.timelineCount() >= CourtContract.MAX_TIMELINE) {
            throw new ContractException(ResultCode.LIMIT_EXCEEDED, "case " + c.id() + " already has "
                    + CourtContract.MAX_TIMELINE + " timeline entries");
        }
        if (after != c.state()) {
            store.leaveState(c);
            c = c.withState(after);
            store.enterState(c);
        }
        c = store.appendTimeline(c, step, after, ctx.height(), ctx.timestamp(), ctx.txHash(), reason, amount);
        store.putCase(c);
        Attribute[] attributes = new Attribute[6 + extra.length];
        attributes[0] = attr("case", c.id());
        attributes[1] = attr("court", c.court());
        attributes[2] = attr("state", after.name());
        attributes[3] = attr("amount", Long.toString(amount));
        attributes[4] = attr("outstanding", Long.toString(c.outstanding()));
        attributes[5] = attr("reason", reason);
        System.arraycopy(extra, 0, attributes, 6, extra.length);
        ctx.emit(event, attributes);
        return c;
    }

    static Attribute attr(String name, String value) {
        return new Attribute(name, value);
    }
}
