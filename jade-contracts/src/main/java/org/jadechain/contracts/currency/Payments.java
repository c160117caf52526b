package org.jadechain.contracts.currency;

import static org.jadechain.contracts.currency.CallScope.attr;

import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.model.ResultCode;

/** A wallet owner's side: paying another wallet, and exchanging back into deposits at the operator. */
final class Payments {
    private Payments() {
    }

    /**
     * {@code transfer(to, amount, memo)} from the caller's wallet. Refusals, in the order checked:
     * INVALID_ARGUMENT (address, amount, memo over 256 bytes), NOT_FOUND (the caller has no wallet),
     * INVALID_ARGUMENT (paying oneself), NOT_FOUND (no payee wallet), LIMIT_EXCEEDED (the payer's single
     * payment limit, then its daily outflow limit for the ledger day of the block in the chain's time zone),
     * INSUFFICIENT_FUNDS (balance short), FROZEN (balance enough but frozen funds in the way),
     * LIMIT_EXCEEDED (the payee's maximum balance), OVERFLOW. Emits {@code Transferred(from, to, amount,
     * memo)} and possibly {@code Alert}s.
     */
    static void transfer(CallContext ctx, Args args) throws ContractException {
        args.expectCount(3);
        Address to = CurrencyArgs.wallet(args, 0, "the payee wallet");
        long amount = CurrencyArgs.amount(args, 1);
        String memo = CurrencyArgs.memo(args, 2);
        CallScope s = new CallScope(ctx);
        WalletRecord payer = s.callersWallet();
        if (payer.address().equals(to)) {
            throw ContractException.invalid("a wallet cannot pay itself");
        }
        WalletRecord payee = s.wallet(to, "payee");
        ClassLimits limits = s.params.limits(payer.walletClass());
        if (!limits.allowsPayment(amount)) {
            throw new ContractException(ResultCode.LIMIT_EXCEEDED, "single payment limit: " + s.params.show(amount)
                    + " is over class " + payer.walletClass() + "'s single payment limit of "
                    + s.params.show(limits.maxPayment()));
        }
        long day = ctx.chain().ledgerDay(ctx.timestamp());
        long paidToday = payer.outflowOn(day);
        if (!limits.allowsDaily(paidToday, amount)) {
            throw new ContractException(ResultCode.LIMIT_EXCEEDED, "daily limit: " + s.params.show(paidToday)
                    + " already paid on " + LedgerDate.iso(day) + "; " + s.params.show(amount)
                    + " more is over class " + payer.walletClass() + "'s daily limit of "
                    + s.params.show(limits.maxDaily()));
        }
        s.requireAvailable(payer, amount);
        s.requireRoomFor(payee, amount);
        long payeeBalance = CurrencyArgs.add(payee.balance(), amount, "the payee's balance");

        payer = payer.withBalance(payer.balance() - amount).withOutflow(day, saturatingAdd(paidToday, amount));
        payee = payee.withBalance(payeeBalance);
        s.store.putWallet(payer);
        s.store.putWallet(payee);
        ctx.emit(CurrencyContract.TRANSFERRED, attr("from", payer.address().hex()), attr("to", to.hex()),
                attr("amount", amount), attr("memo", memo));
        Alerts.afterTransfer(s, payer, to, amount, limits);
    }

    /**
     * {@code exchangeOut(amount)}: the caller's wallet back to its operator's reserve; payment limits do not
     * apply. INVALID_ARGUMENT, NOT_FOUND (no wallet), INSUFFICIENT_FUNDS, FROZEN, OVERFLOW. Emits
     * {@code ExchangedOut(wallet, operator, amount)}.
     */
    static void exchangeOut(CallContext ctx, Args args) throws ContractException {
        args.expectCount(1);
        long amount = CurrencyArgs.amount(args, 0);
        CallScope s = new CallScope(ctx);
        WalletRecord w = s.callersWallet();
        s.requireAvailable(w, amount);
        String operator = w.operator();
        long reserve = CurrencyArgs.add(s.store.reserve(operator), amount, "the reserve of " + operator);
        w = w.withBalance(w.balance() - amount);
        s.store.putWallet(w);
        s.store.setReserve(operator, reserve);
        ctx.emit(CurrencyContract.EXCHANGED_OUT, attr("wallet", w.address().hex()), attr("operator", operator),
                attr("amount", amount));
    }

    /** The day's outflow only feeds the daily-limit check, so it saturates instead of refusing a payment. */
    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
