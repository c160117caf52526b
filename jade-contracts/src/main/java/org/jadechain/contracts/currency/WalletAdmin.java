package org.jadechain.contracts.currency;

import static org.jadechain.contracts.currency.CallScope.attr;

import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.model.ResultCode;

/** An operator's side: opening wallets, changing their class, and exchanging deposits into them. */
final class WalletAdmin {
    private WalletAdmin() {
    }

    /**
     * {@code openWallet(ownerKey, class, identityCommitment, encryptedIdentity)}: INVALID_ARGUMENT (class
     * not 1..4, commitment not 32 bytes, ciphertext not 1..2048 bytes, key not of the chain's suite),
     * ALREADY_EXISTS (the key has a wallet). The wallet's address is the key's address; the caller's
     * organisation serves it. Emits {@code WalletOpened(wallet, operator, class)}; output {@code wallet}.
     * The identity values are made by the client; see {@link IdentityCommitment}.
     */
    static void openWallet(CallContext ctx, Args args) throws ContractException {
        args.expectCount(4);
        byte[] keyBytes = args.bytes(0);
        int walletClass = CurrencyArgs.walletClass(args, 1);
        byte[] commitment = CurrencyArgs.bytesBetween(args, 2, "the identity commitment", IdentityCommitment.LENGTH,
                IdentityCommitment.LENGTH);
        byte[] encrypted = CurrencyArgs.bytesBetween(args, 3, "the encrypted identity", 1,
                WalletIdentity.MAX_ENCRYPTED_BYTES);
        PublicKey key;
        try {
            key = ctx.chain().suite().decodePublicKey(keyBytes);
        } catch (CryptoException | IllegalArgumentException e) {
            throw ContractException.invalid("the owner key is not a " + ctx.chain().suite().id().label()
                    + " public key: " + e.getMessage());
        }
        Address address = ctx.chain().suite().address(key);
        CallScope s = new CallScope(ctx);
        WalletRecord existing = s.store.wallet(address);
        if (existing != null) {
            throw new ContractException(ResultCode.ALREADY_EXISTS, "key " + key.hex() + " already has wallet "
                    + address.hex() + " (served by " + existing.operator() + ")");
        }
        String operator = s.organisation();
        WalletRecord w = new WalletRecord(address, operator, walletClass, 0, 0, ctx.height(), 0, 0);
        s.store.addWallet(w, new WalletIdentity(commitment, encrypted));
        ctx.emit(CurrencyContract.WALLET_OPENED, attr("wallet", address.hex()), attr("operator", operator),
                attr("class", walletClass));
        ctx.output("wallet", address.hex());
    }

    /**
     * {@code setClass(wallet, class)}: INVALID_ARGUMENT, NOT_FOUND, NOT_AUTHORISED (another operator's
     * wallet), LIMIT_EXCEEDED (the balance is over the new class's maximum balance). Emits
     * {@code ClassChanged(wallet, operator, previousClass, class)}.
     */
    static void setClass(CallContext ctx, Args args) throws ContractException {
        args.expectCount(2);
        Address address = CurrencyArgs.wallet(args, 0, "the wallet");
        int walletClass = CurrencyArgs.walletClass(args, 1);
        CallScope s = new CallScope(ctx);
        WalletRecord w = s.servedWallet(address);
        ClassLimits limits = s.params.limits(walletClass);
        if (!limits.allowsBalance(w.balance())) {
            throw new ContractException(ResultCode.LIMIT_EXCEEDED, "maximum balance: wallet " + address.hex()
                    + " holds " + s.params.show(w.balance()) + ", over class " + walletClass
                    + "'s maximum balance of " + s.params.show(limits.maxBalance()));
        }
        s.store.putWallet(w.withClass(walletClass));
        ctx.emit(CurrencyContract.CLASS_CHANGED, attr("wallet", address.hex()), attr("operator", w.operator()),
                attr("previousClass", w.walletClass()), attr("class", walletClass));
    }

    /**
     * {@code exchangeIn(wallet, amount)}: the operator's reserve to a wallet it serves. INVALID_ARGUMENT,
     * NOT_FOUND, NOT_AUTHORISED, INSUFFICIENT_FUNDS (reserve short), LIMIT_EXCEEDED (maximum balance),
     * OVERFLOW. Emits {@code ExchangedIn(wallet, operator, amount)}.
     */
    static void exchangeIn(CallContext ctx, Args args) throws ContractException {
        args.expectCount(2);
        Address address = CurrencyArgs.wallet(args, 0, "the wallet");
        long amount = CurrencyArgs.amount(args, 1);
        CallScope s = new CallScope(ctx);
        WalletRecord w = s.servedWallet(address);
        String operator = w.operator();
        long reserve = s.store.reserve(operator);
        if (reserve < amount) {
            throw new ContractException(ResultCode.INSUFFICIENT_FUNDS, "the reserve of " + operator + " is "
                    + s.params.show(reserve) + "; cannot exchange " + s.params.show(amount));
        }
        s.requireRoomFor(w, amount);
        long balance = CurrencyArgs.add(w.balance(), amount, "the wallet's balance");
        w = w.withBalance(balance);
        s.store.putWallet(w);
        s.store.setReserve(operator, reserve - amount);
        ctx.emit(CurrencyContract.EXCHANGED_IN, attr("wallet", address.hex()), attr("operator", operator),
                attr("amount", amount));
    }
}
