package org.jadechain.contracts.currency;

import static org.jadechain.contracts.currency.CallScope.attr;

import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.model.ResultCode;

/** The central bank's side: issuing to an operator's reserve and receiving redemptions (burns). */
final class Issuance {
    private Issuance() {
    }

    /**
     * {@code issue(operatorId, amount)}: INVALID_ARGUMENT (bad id or amount), NOT_FOUND (no such
     * organisation), INVALID_ARGUMENT (not an OPERATOR), OVERFLOW. Emits {@code Issued(operator, amount,
     * supply)}.
     */
    static void issue(CallContext ctx, Args args) throws ContractException {
        args.expectCount(2);
        String operator = CurrencyArgs.organisationId(args, 0);
        long amount = CurrencyArgs.amount(args, 1);
        Organisation org = ctx.identities().organisation(operator);
        if (org == null) {
            throw new ContractException(ResultCode.NOT_FOUND, "no organisation '" + operator + "'");
        }
        if (org.role() != Role.OPERATOR) {
            throw ContractException.invalid(operator + " is a " + org.role() + ", not an OPERATOR");
        }
        CallScope s = new CallScope(ctx);
        long issued = CurrencyArgs.add(s.store.issued(), amount, "the issued total");
        long reserve = CurrencyArgs.add(s.store.reserve(operator), amount, "the reserve of " + operator);
        s.store.setIssued(issued);
        s.store.setReserve(operator, reserve);
        ctx.emit(CurrencyContract.ISSUED, attr("operator", operator), attr("amount", amount),
                attr("supply", issued - s.store.redeemed()));
    }

    /**
     * {@code redeem(amount)} from the caller's organisation: INVALID_ARGUMENT, INSUFFICIENT_FUNDS (reserve
     * short), OVERFLOW. Emits {@code Redeemed(operator, amount, supply)}.
     */
    static void redeem(CallContext ctx, Args args) throws ContractException {
        args.expectCount(1);
        long amount = CurrencyArgs.amount(args, 0);
        CallScope s = new CallScope(ctx);
        String operator = s.organisation();
        long reserve = s.store.reserve(operator);
        if (reserve < amount) {
            throw new ContractException(ResultCode.INSUFFICIENT_FUNDS, "the reserve of " + operator + " is "
                    + s.params.show(reserve) + "; cannot redeem " + s.params.show(amount));
        }
        long redeemed = CurrencyArgs.add(s.store.redeemed(), amount, "the redeemed total");
        s.store.setReserve(operator, reserve - amount);
        s.store.setRedeemed(redeemed);
        ctx.emit(CurrencyContract.REDEEMED, attr("operator", operator), attr("amount", amount),
                attr("supply", s.store.issued() - redeemed));
    }
}
