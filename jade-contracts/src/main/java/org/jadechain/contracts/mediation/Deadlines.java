package org.jadechain.contracts.mediation;

import static org.jadechain.contracts.mediation.AgreementScope.attr;

import org.jadechain.contracts.court.CourtCalls;
import org.jadechain.contracts.court.CourtCase;
import org.jadechain.contracts.court.CourtContract;
import org.jadechain.contracts.court.CourtQueries;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.ContractException;

/**
 * The scheduled side: what happens, with nobody sending anything, when an installment's due time passes. Both
 * methods run only as the ledger; a trigger for an agreement that is not binding, or an installment already
 * covered by a case, does nothing.
 */
final class Deadlines {
    private Deadlines() {
    }

    /**
     * {@code checkInstallment(agreementId, n)} at installment n's due time: nothing if a case covers it;
     * {@code InstallmentMet} if it is paid; otherwise it was missed (see {@link #missed}).
     */
    static void checkInstallment(CallContext ctx, Args args) throws ContractException {
        args.expectCount(2);
        String id = AgreementScope.agreementId(args, 0);
        long n = args.int64(1);
        AgreementScope s = new AgreementScope(ctx);
        Agreement a = s.store.agreement(id);
        if (a == null || a.state() != AgreementState.BINDING || n < 1 || n > a.installments().size()) {
            return;
        }
        int i = (int) n;
        if (i <= a.coveredThrough()) {
            return;
        }
        if (a.remaining(i) == 0) {
            ctx.emit(MediationContract.INSTALLMENT_MET, attr("agreement", id), attr("installment", i));
            return;
        }
        missed(s, a, i, true);
    }

    /**
     * {@code recheck(agreementId)}, scheduled while a case was open: files for the earliest installment that is
     * due, unpaid and uncovered, if there is one and no case is open any more.
     */
    static void recheck(CallContext ctx, Args args) throws ContractException {
        args.expectCount(1);
        String id = AgreementScope.agreementId(args, 0);
        AgreementScope s = new AgreementScope(ctx);
        Agreement a = s.store.agreement(id);
        if (a == null || !a.recheckPending()) {
            return;
        }
        a = a.withRecheckPending(false);
        int due = a.dueThrough(ctx.timestamp());
        for (int i = a.coveredThrough() + 1; i <= due; i++) {
            if (a.remaining(i) > 0) {
                missed(s, a, i, false);
                return;
            }
        }
        s.store.put(a);
    }

    /**
     * Installment {@code n} is due, unpaid and uncovered. With a case of the agreement open that still has money
     * outstanding, nothing is filed and a re-check is scheduled (unless one is pending); otherwise (no open case,
     * or the open one was paid off late) a case is filed with the agreement's court
     * covering the uncovered installments due now, from the first unpaid one, for their unpaid sum. Emits
     * {@code InstallmentMissed(agreement, installment, unpaid, case, filed)} when {@code announce} or when a case
     * is filed.
     */
    private static void missed(AgreementScope s, Agreement a, int n, boolean announce) throws ContractException {
        CallContext ctx = s.ctx;
        CourtCase open = s.openCase(a);
        if (open != null && open.outstanding() > 0) {
            if (!a.recheckPending()) {
                ctx.schedule(ctx.timestamp() + MediationContract.RECHECK_INTERVAL_MS, MediationContract.RECHECK,
                        MediationCalls.recheck(a.id()));
                a = a.withRecheckPending(true);
            }
            s.store.put(a);
            if (announce) {
                ctx.emit(MediationContract.INSTALLMENT_MISSED, attr("agreement", a.id()), attr("installment", n),
                        attr("unpaid", a.remaining(n)), attr("case", open.id()), attr("filed", "false"));
            }
            return;
        }
        int first = a.coveredThrough() + 1;
        while (a.remaining(first) == 0) {
            first++;
        }
        int last = a.dueThrough(ctx.timestamp());
        long outstanding = 0;
        for (int i = first; i <= last; i++) {
            outstanding += a.remaining(i);
        }
        String reason = "installment " + n + " of agreement " + a.id() + ", due at ledger time "
                + a.installment(n).due() + ", unpaid: " + a.remaining(n) + " fen; installments " + first + ".." + last
                + " outstanding: " + outstanding + " fen";
        ctx.invoke(CourtContract.NAME, CourtContract.FILE_CASE, CourtCalls.fileCase(a.court(), a.creditor(),
                a.debtor(), outstanding, a.evidence(first, last), reason));
        String caseId = CourtCase.idOf(CourtQueries.caseCount(s.reader));
        a = a.withCase(new Agreement.CaseLink(caseId, first, last));
        s.store.put(a);
        ctx.emit(MediationContract.INSTALLMENT_MISSED, attr("agreement", a.id()), attr("installment", n),
                attr("unpaid", a.remaining(n)), attr("case", caseId), attr("filed", "true"));
    }
}
