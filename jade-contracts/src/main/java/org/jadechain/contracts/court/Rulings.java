package org.jadechain.contracts.court;

import static org.jadechain.contracts.court.CaseScope.attr;

import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.contracts.currency.CurrencyQueries;
import org.jadechain.contracts.currency.WalletRecord;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.ContractException;

/**
 * The court's steps on its own cases, each with a reason. Money moves only through the currency's court
 * orders, called as the court itself, so the currency's rules (a case belongs to the court that froze under
 * it; frozen funds move only by deduction) hold here too.
 */
final class Rulings {
    private Rulings() {
    }

    /** {@code accept(caseId, reason)}: FILED → ACCEPTED. Emits {@code CaseAccepted}. */
    static void accept(CallContext ctx, Args args) throws ContractException {
        args.expectCount(2);
        String id = CaseScope.caseId(args, 0);
        String reason = CaseScope.reason(args, 1);
        CaseScope s = new CaseScope(ctx);
        CourtCase c = s.ownCase(id);
        CaseScope.requireState(c, "accepted", CaseState.FILED);
        s.step(c, CaseState.ACCEPTED, TimelineEntry.Step.ACCEPTED, CourtContract.CASE_ACCEPTED, reason, 0);
    }

    /** {@code dismiss(caseId, reason)}: FILED or ACCEPTED → DISMISSED. Emits {@code CaseDismissed}. */
    static void dismiss(CallContext ctx, Args args) throws ContractException {
        args.expectCount(2);
        String id = CaseScope.caseId(args, 0);
        String reason = CaseScope.reason(args, 1);
        CaseScope s = new CaseScope(ctx);
        CourtCase c = s.ownCase(id);
        CaseScope.requireState(c, "dismissed", CaseState.FILED, CaseState.ACCEPTED);
        s.step(c, CaseState.DISMISSED, TimelineEntry.Step.DISMISSED, CourtContract.CASE_DISMISSED, reason, 0);
    }

    /**
     * {@code enforce(caseId, reason)}: ACCEPTED → ENFORCING, freezing in the debtor's wallet as much of the
     * outstanding amount as its unfrozen balance covers (nothing when it has none; the case is ENFORCING all
     * the same). Emits {@code EnforcementOrdered} with the amount frozen and the currency's {@code Frozen}.
     */
    static void enforce(CallContext ctx, Args args) throws ContractException {
        args.expectCount(2);
        String id = CaseScope.caseId(args, 0);
        String reason = CaseScope.reason(args, 1);
        CaseScope s = new CaseScope(ctx);
        CourtCase c = s.ownCase(id);
        CaseScope.requireState(c, "enforced", CaseState.ACCEPTED);
        WalletRecord debtor = CurrencyQueries.wallet(s.reader, c.debtor());
        long amount = Math.min(c.outstanding(), debtor == null ? 0 : Math.max(0, debtor.available()));
        if (amount > 0) {
            ctx.invoke(CurrencyContract.NAME, CurrencyContract.FREEZE, CurrencyCalls.freeze(c.debtor(), amount, id));
        }
        s.step(c, CaseState.ENFORCING, TimelineEntry.Step.ENFORCEMENT_ORDERED, CourtContract.ENFORCEMENT_ORDERED,
                reason, amount, attr("debtor", c.debtor().hex()));
    }

    /**
     * {@code deduct(caseId, amount, reason)}: while ENFORCING, moves {@code amount} of the funds frozen under
     * the case to the creditor and lowers the outstanding amount by it. INVALID_ARGUMENT (amount not positive
     * or over the outstanding amount), then the currency's codes (INSUFFICIENT_FUNDS over what the case holds
     * frozen, LIMIT_EXCEEDED at the creditor's maximum balance). Emits {@code CaseDeducted}.
     */
    static void deduct(CallContext ctx, Args args) throws ContractException {
        args.expectCount(3);
        String id = CaseScope.caseId(args, 0);
        long amount = args.int64(1);
        String reason = CaseScope.reason(args, 2);
        if (amount <= 0) {
            throw ContractException.invalid("the amount must be a positive number of fen, got " + amount);
        }
        CaseScope s = new CaseScope(ctx);
        CourtCase c = s.ownCase(id);
        CaseScope.requireState(c, "deducted from", CaseState.ENFORCING);
        if (amount > c.outstanding()) {
            throw ContractException.invalid("case " + id + " has " + c.outstanding()
                    + " fen outstanding; cannot deduct " + amount);
        }
        ctx.invoke(CurrencyContract.NAME, CurrencyContract.DEDUCT,
                CurrencyCalls.deduct(c.debtor(), c.creditor(), amount, id));
        s.step(c.withDeduction(amount), CaseState.ENFORCING, TimelineEntry.Step.DEDUCTED, CourtContract.CASE_DEDUCTED,
                reason, amount, attr("debtor", c.debtor().hex()), attr("creditor", c.creditor().hex()));
    }

    /**
     * {@code close(caseId, reason)}: ENFORCING → CLOSED, releasing whatever the case still holds frozen. Emits
     * {@code CaseClosed} with the amount released.
     */
    static void close(CallContext ctx, Args args) throws ContractException {
        args.expectCount(2);
        String id = CaseScope.caseId(args, 0);
        String reason = CaseScope.reason(args, 1);
        CaseScope s = new CaseScope(ctx);
        CourtCase c = s.ownCase(id);
        CaseScope.requireState(c, "closed", CaseState.ENFORCING);
        long released = CurrencyQueries.frozenByCase(s.reader, c.debtor(), id);
        if (released > 0) {
            ctx.invoke(CurrencyContract.NAME, CurrencyContract.UNFREEZE, CurrencyCalls.unfreeze(c.debtor(), id));
        }
        s.step(c, CaseState.CLOSED, TimelineEntry.Step.CLOSED, CourtContract.CASE_CLOSED, reason, released);
    }
}
