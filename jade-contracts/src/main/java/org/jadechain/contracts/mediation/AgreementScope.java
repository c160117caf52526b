package org.jadechain.contracts.mediation;

import java.nio.charset.StandardCharsets;
import org.jadechain.contracts.court.CallStateReader;
import org.jadechain.contracts.court.CaseEvidence;
import org.jadechain.contracts.court.CaseState;
import org.jadechain.contracts.court.CourtCase;
import org.jadechain.contracts.court.CourtQueries;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.model.Attribute;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.state.StateReader;

/**
 * What one mediation call works with: the context, the agreements over the call's overlay, a reader of every
 * namespace as the call sees it, and the look-ups the methods share. Valid only during the call.
 */
final class AgreementScope {
    final CallContext ctx;
    final MediationStore store;
    final StateReader reader;

    AgreementScope(CallContext ctx) {
        this.ctx = ctx;
        this.store = new MediationStore(ctx.state());
        this.reader = CallStateReader.of(ctx);
    }

    static String agreementId(Args args, int i) throws ContractException {
        String s = args.string(i);
        int n = s.getBytes(StandardCharsets.UTF_8).length;
        if (n == 0 || n > CaseEvidence.MAX_ID_BYTES) {
            throw ContractException.invalid("an agreement id is 1.." + CaseEvidence.MAX_ID_BYTES + " bytes, got " + n);
        }
        return s;
    }

    static Address wallet(Args args, int i, String what) throws ContractException {
        byte[] b = args.bytes(i);
        if (b.length != Address.LENGTH) {
            throw ContractException.invalid(what + " must be a " + Address.LENGTH + "-byte address, got " + b.length
                    + " bytes");
        }
        return Address.of(b);
    }

    Agreement find(String id) throws ContractException {
        Agreement a = store.agreement(id);
        if (a == null) {
            throw new ContractException(ResultCode.NOT_FOUND, "no agreement " + id);
        }
        return a;
    }

    /** The court's record of a case filed for an agreement (it always exists). */
    CourtCase courtCase(Agreement.CaseLink link) {
        CourtCase c = CourtQueries.courtCase(reader, link.caseId());
        if (c == null) {
            throw new IllegalStateException("agreement names case " + link.caseId() + ", which the court lacks");
        }
        return c;
    }

    /** The agreement's open case (FILED, ACCEPTED or ENFORCING), or null. */
    CourtCase openCase(Agreement a) {
        Agreement.CaseLink last = a.lastCase();
        if (last == null) {
            return null;
        }
        CourtCase c = courtCase(last);
        return c.state().terminal() ? null : c;
    }

    static boolean settledThroughCourt(CourtCase c) {
        return c.state() != CaseState.FILED && c.state() != CaseState.DISMISSED;
    }

    static Attribute attr(String name, String value) {
        return new Attribute(name, value);
    }

    static Attribute attr(String name, long value) {
        return new Attribute(name, Long.toString(value));
    }
}
