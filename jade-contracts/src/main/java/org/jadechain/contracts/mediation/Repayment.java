package org.jadechain.contracts.mediation;

import static org.jadechain.contracts.mediation.AgreementScope.attr;

import org.jadechain.contracts.court.CaseState;
import org.jadechain.contracts.court.CourtCalls;
import org.jadechain.contracts.court.CourtCase;
import org.jadechain.contracts.court.CourtContract;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.model.ResultCode;

/** The debtor paying installments, on time or late. */
final class Repayment {
    private Repayment() {
    }

    /**
     * {@code payInstallment(agreementId, n [, amount])}. Refusals, in the order checked: INVALID_ARGUMENT
     * (arguments; amount not positive), NOT_FOUND, NOT_AUTHORISED (the caller does not own the debtor wallet),
     * INVALID_STATE (not binding), INVALID_ARGUMENT (no installment n; amount over what remains), INVALID_STATE
     * (installment already paid; covered by a case the court has accepted), LIMIT_EXCEEDED (the installment's
     * last allowed payment must pay what remains), then whatever {@code currency.transfer} refuses with
     * (INSUFFICIENT_FUNDS, FROZEN, LIMIT_EXCEEDED, ...). The memo is {@code "agreement <id> installment <n>"}.
     * Emits the currency's {@code Transferred}, {@code InstallmentPaid(agreement, installment, amount,
     * remaining, late)} and, for an installment of a FILED case, the court's {@code CasePaymentRecorded}.
     */
    static void payInstallment(CallContext ctx, Args args) throws ContractException {
        if (args.size() != 2 && args.size() != 3) {
            throw ContractException.invalid("expected 2 or 3 arguments, got " + args.size());
        }
        String id = AgreementScope.agreementId(args, 0);
        long n = args.int64(1);
        if (n < 1 || n > MediationContract.MAX_INSTALLMENTS) {
            throw ContractException.invalid("installment numbers are 1.." + MediationContract.MAX_INSTALLMENTS
                    + ", got " + n);
        }
        Long requested = args.size() == 3 ? args.int64(2) : null;
        if (requested != null && requested <= 0) {
            throw ContractException.invalid("the amount must be a positive number of fen, got " + requested);
        }
        AgreementScope s = new AgreementScope(ctx);
        Agreement a = s.find(id);
        if (!ctx.caller().address().equals(a.debtor())) {
            throw ContractException.notAuthorised("only the owner of the debtor wallet pays agreement " + id);
        }
        if (a.state() != AgreementState.BINDING) {
            throw new ContractException(ResultCode.INVALID_STATE, "agreement " + id + " is " + a.state()
                    + ", not binding");
        }
        int i = (int) n;
        if (i > a.installments().size()) {
            throw ContractException.invalid("agreement " + id + " has " + a.installments().size() + " installments");
        }
        long remaining = a.remaining(i);
        if (remaining == 0) {
            throw new ContractException(ResultCode.INVALID_STATE, "installment " + i + " of " + id + " is paid");
        }
        long amount = requested == null ? remaining : requested;
        if (amount > remaining) {
            throw ContractException.invalid("installment " + i + " of " + id + " has " + remaining
                    + " fen left to pay; cannot pay " + amount);
        }
        Agreement.CaseLink link = a.caseCovering(i);
        CourtCase covering = link == null ? null : s.courtCase(link);
        if (covering != null && AgreementScope.settledThroughCourt(covering)) {
            throw new ContractException(ResultCode.INVALID_STATE, "installment " + i + " of " + id + " is in case "
                    + covering.id() + ", which is " + covering.state() + "; it is settled through the court");
        }
        if (a.paymentCount(i) == MediationContract.MAX_PAYMENTS_PER_INSTALLMENT - 1 && amount != remaining) {
            throw new ContractException(ResultCode.LIMIT_EXCEEDED, "installment " + i + " has had "
                    + (MediationContract.MAX_PAYMENTS_PER_INSTALLMENT - 1) + " payments; the last one must pay the "
                    + remaining + " fen left");
        }

        ctx.invoke(CurrencyContract.NAME, CurrencyContract.TRANSFER,
                CurrencyCalls.transfer(a.creditor(), amount, "agreement " + id + " installment " + i));
        if (covering != null && covering.state() == CaseState.FILED) {
            ctx.invoke(CourtContract.NAME, CourtContract.RECORD_PAYMENT, CourtCalls.recordPayment(covering.id()));
        }
        a = a.withPayment(new Agreement.Payment(i, amount, ctx.txHash(), ctx.height(), ctx.timestamp()));
        s.store.put(a);
        ctx.emit(MediationContract.INSTALLMENT_PAID, attr("agreement", id), attr("installment", i),
                attr("amount", amount), attr("remaining", a.remaining(i)),
                attr("late", Boolean.toString(ctx.timestamp() >= a.installment(i).due())));
    }
}
