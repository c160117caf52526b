package org.jadechain.contracts.currency;

import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.model.Attribute;
import org.jadechain.core.model.ResultCode;

/**
 * What one currency call works with: the context, the store over the call's overlay, and the parameters.
 * Holds the look-ups and refusals several methods share. Valid only during the call.
 */
final class CallScope {
    final CallContext ctx;
    final CurrencyStore store;
    final CurrencyParameters params;

    CallScope(CallContext ctx) {
        this.ctx = ctx;
        this.store = new CurrencyStore(ctx.state());
        CurrencyParameters stored = store.parameters();
        this.params = stored != null ? stored : CurrencyParameters.fromGenesis(ctx.chain().genesis());
    }

    /** The caller's organisation id (methods authorised by role always have one). */
    String organisation() {
        return ctx.caller().organisation();
    }

    WalletRecord wallet(Address a, String what) throws ContractException {
        WalletRecord w = store.wallet(a);
        if (w == null) {
            throw new ContractException(ResultCode.NOT_FOUND, "no wallet " + a.hex() + " (" + what + ")");
        }
        return w;
    }

    /** The wallet of the calling key. */
    WalletRecord callersWallet() throws ContractException {
        WalletRecord w = store.wallet(ctx.caller().address());
        if (w == null) {
            throw new ContractException(ResultCode.NOT_FOUND, "account " + ctx.caller().address().hex()
                    + " has no wallet");
        }
        return w;
    }

    /** A wallet the calling operator opened; another operator's wallet is NOT_AUTHORISED. */
    WalletRecord servedWallet(Address a) throws ContractException {
        WalletRecord w = wallet(a, "wallet");
        if (!w.operator().equals(organisation())) {
            throw ContractException.notAuthorised("wallet " + a.hex() + " is served by " + w.operator() + ", not "
                    + organisation());
        }
        return w;
    }

    /**
     * Refuses spending {@code amount} from the wallet unless it is available: INSUFFICIENT_FUNDS when the
     * balance is short, FROZEN when the balance suffices but frozen funds are in the way.
     */
    void requireAvailable(WalletRecord w, long amount) throws ContractException {
        if (w.balance() < amount) {
            throw new ContractException(ResultCode.INSUFFICIENT_FUNDS, "wallet " + w.address().hex() + " holds "
                    + params.show(w.balance()) + "; cannot pay " + params.show(amount));
        }
        if (w.available() < amount) {
            throw new ContractException(ResultCode.FROZEN, "wallet " + w.address().hex() + " has "
                    + params.show(w.frozen()) + " frozen by court order; only " + params.show(w.available())
                    + " of its " + params.show(w.balance()) + " can be paid");
        }
    }

    /** Refuses crediting {@code amount} to the wallet when its class's maximum balance would be exceeded. */
    void requireRoomFor(WalletRecord w, long amount) throws ContractException {
        ClassLimits l = params.limits(w.walletClass());
        if (!l.allowsCredit(w.balance(), amount)) {
            throw new ContractException(ResultCode.LIMIT_EXCEEDED, "maximum balance: wallet " + w.address().hex()
                    + " (class " + w.walletClass() + ") holds " + params.show(w.balance()) + "; receiving "
                    + params.show(amount) + " would exceed its maximum balance of " + params.show(l.maxBalance()));
        }
    }

    static Attribute attr(String name, String value) {
        return new Attribute(name, value);
    }

    static Attribute attr(String name, long value) {
        return new Attribute(name, Long.toString(value));
    }
}
