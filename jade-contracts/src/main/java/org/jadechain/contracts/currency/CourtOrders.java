package org.jadechain.contracts.currency;

import static org.jadechain.contracts.currency.CallScope.attr;

import java.util.SortedMap;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.model.ResultCode;

/**
 * A court's orders on a wallet: freezing an amount under a case, releasing it, and deducting frozen funds
 * to a creditor's wallet — the only way frozen funds move. A case belongs to the court that opened it on
 * that wallet; another court's orders on it are NOT_AUTHORISED.
 */
final class CourtOrders {
    private CourtOrders() {
    }

    /**
     * {@code freeze(wallet, amount, caseId)}: INVALID_ARGUMENT (address, amount, case id not 1..64 bytes),
     * NOT_FOUND, NOT_AUTHORISED (case of another court), INSUFFICIENT_FUNDS (amount over the unfrozen
     * balance), LIMIT_EXCEEDED (too many open cases on the wallet). Adds to the case's amount. Emits
     * {@code Frozen(wallet, court, caseId, amount)}.
     */
    static void freeze(CallContext ctx, Args args) throws ContractException {
        args.expectCount(3);
        Address address = CurrencyArgs.wallet(args, 0, "the wallet");
        long amount = CurrencyArgs.amount(args, 1);
        String caseId = CurrencyArgs.caseId(args, 2);
        CallScope s = new CallScope(ctx);
        WalletRecord w = s.wallet(address, "to freeze");
        SortedMap<String, FrozenCase> cases = s.store.cases(address);
        FrozenCase existing = cases.get(caseId);
        String court = s.organisation();
        if (existing != null && !existing.court().equals(court)) {
            throw ContractException.notAuthorised("case " + caseId + " on wallet " + address.hex() + " belongs to "
                    + existing.court());
        }
        if (amount > w.available()) {
            throw new ContractException(ResultCode.INSUFFICIENT_FUNDS, "wallet " + address.hex() + " has "
                    + s.params.show(w.available()) + " not yet frozen; cannot freeze " + s.params.show(amount));
        }
        if (existing == null && cases.size() >= CurrencyContract.MAX_CASES_PER_WALLET) {
            throw new ContractException(ResultCode.LIMIT_EXCEEDED, "wallet " + address.hex() + " already has "
                    + CurrencyContract.MAX_CASES_PER_WALLET + " open cases");
        }
        long caseAmount = existing == null ? amount : existing.amount() + amount;
        cases.put(caseId, new FrozenCase(caseId, court, caseAmount));
        s.store.putCases(address, cases);
        w = w.withFrozen(w.frozen() + amount);
        s.store.putWallet(w);
        ctx.emit(CurrencyContract.FROZEN, attr("wallet", address.hex()), attr("court", court),
                attr("caseId", caseId), attr("amount", amount));
    }

    /**
     * {@code unfreeze(wallet, caseId)}: releases what the case still holds. INVALID_ARGUMENT, NOT_FOUND (no
     * wallet, or no such case on it), NOT_AUTHORISED (case of another court). Emits
     * {@code Unfrozen(wallet, court, caseId, amount)}.
     */
    static void unfreeze(CallContext ctx, Args args) throws ContractException {
        args.expectCount(2);
        Address address = CurrencyArgs.wallet(args, 0, "the wallet");
        String caseId = CurrencyArgs.caseId(args, 1);
        CallScope s = new CallScope(ctx);
        WalletRecord w = s.wallet(address, "to unfreeze");
        SortedMap<String, FrozenCase> cases = s.store.cases(address);
        FrozenCase c = ownCase(s, address, cases, caseId);
        cases.remove(caseId);
        s.store.putCases(address, cases);
        w = w.withFrozen(w.frozen() - c.amount());
        s.store.putWallet(w);
        ctx.emit(CurrencyContract.UNFROZEN, attr("wallet", address.hex()), attr("court", c.court()),
                attr("caseId", caseId), attr("amount", c.amount()));
    }

    /**
     * {@code deduct(wallet, to, amount, caseId)}: moves frozen funds of the case to the creditor's wallet.
     * INVALID_ARGUMENT (arguments, {@code to} equal to {@code wallet}), NOT_FOUND (debtor wallet, creditor
     * wallet, case), NOT_AUTHORISED (case of another court), INSUFFICIENT_FUNDS (amount over what the case
     * holds), LIMIT_EXCEEDED (the creditor's maximum balance), OVERFLOW. The debtor's payment limits do not
     * apply. Emits {@code Deducted(wallet, to, court, caseId, amount)}.
     */
    static void deduct(CallContext ctx, Args args) throws ContractException {
        args.expectCount(4);
        Address address = CurrencyArgs.wallet(args, 0, "the wallet");
        Address to = CurrencyArgs.wallet(args, 1, "the creditor wallet");
        long amount = CurrencyArgs.amount(args, 2);
        String caseId = CurrencyArgs.caseId(args, 3);
        CallScope s = new CallScope(ctx);
        WalletRecord w = s.wallet(address, "to deduct from");
        if (address.equals(to)) {
            throw ContractException.invalid("cannot deduct from a wallet to itself");
        }
        WalletRecord creditor = s.wallet(to, "creditor");
        SortedMap<String, FrozenCase> cases = s.store.cases(address);
        FrozenCase c = ownCase(s, address, cases, caseId);
        if (amount > c.amount()) {
            throw new ContractException(ResultCode.INSUFFICIENT_FUNDS, "case " + caseId + " holds "
                    + s.params.show(c.amount()) + " frozen; cannot deduct " + s.params.show(amount));
        }
        s.requireRoomFor(creditor, amount);
        long creditorBalance = CurrencyArgs.add(creditor.balance(), amount, "the creditor's balance");

        if (c.amount() == amount) {
            cases.remove(caseId);
        } else {
            cases.put(caseId, new FrozenCase(caseId, c.court(), c.amount() - amount));
        }
        s.store.putCases(address, cases);
        w = w.withBalance(w.balance() - amount).withFrozen(w.frozen() - amount);
        creditor = creditor.withBalance(creditorBalance);
        s.store.putWallet(w);
        s.store.putWallet(creditor);
        ctx.emit(CurrencyContract.DEDUCTED, attr("wallet", address.hex()), attr("to", to.hex()),
                attr("court", c.court()), attr("caseId", caseId), attr("amount", amount));
    }

    private static FrozenCase ownCase(CallScope s, Address address, SortedMap<String, FrozenCase> cases,
                                      String caseId) throws ContractException {
        FrozenCase c = cases.get(caseId);
        if (c == null) {
            throw new ContractException(ResultCode.NOT_FOUND, "wallet " + address.hex() + " has no funds frozen "
                    + "under case " + caseId);
        }
        if (!c.court().equals(s.organisation())) {
            throw ContractException.notAuthorised("case " + caseId + " on wallet " + address.hex() + " belongs to "
                    + c.court());
        }
        return c;
    }
}
