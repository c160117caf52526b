package org.jadechain.contracts.currency;

import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.PublicKey;

/**
 * Encoded arguments for each currency method, in the order the contract reads them; for the SDK, the CLI
 * and tests. Amounts are fen (see {@link Yuan#parse}). No validation here: the contract is the judge.
 */
public final class CurrencyCalls {
    private CurrencyCalls() {
    }

    public static byte[] issue(String operatorId, long amount) {
        return Args.builder().string(operatorId).int64(amount).encode();
    }

    public static byte[] redeem(long amount) {
        return Args.builder().int64(amount).encode();
    }

    /** See {@link IdentityCommitment} for how the two identity values are made on the client. */
    public static byte[] openWallet(PublicKey ownerKey, int walletClass, byte[] identityCommitment,
                                    byte[] encryptedIdentity) {
        return openWallet(ownerKey.encoded(), walletClass, identityCommitment, encryptedIdentity);
    }

    public static byte[] openWallet(byte[] ownerKey, int walletClass, byte[] identityCommitment,
                                    byte[] encryptedIdentity) {
        return Args.builder().bytes(ownerKey).int64(walletClass).bytes(identityCommitment).bytes(encryptedIdentity)
                .encode();
    }

    public static byte[] setClass(Address wallet, int walletClass) {
        return Args.builder().bytes(wallet.bytes()).int64(walletClass).encode();
    }

    public static byte[] exchangeIn(Address wallet, long amount) {
        return Args.builder().bytes(wallet.bytes()).int64(amount).encode();
    }

    public static byte[] exchangeOut(long amount) {
        return Args.builder().int64(amount).encode();
    }

    public static byte[] transfer(Address to, long amount, String memo) {
        return Args.builder().bytes(to.bytes()).int64(amount).string(memo).encode();
    }

    public static byte[] freeze(Address wallet, long amount, String caseId) {
        return Args.builder().bytes(wallet.bytes()).int64(amount).string(caseId).encode();
    }

    public static byte[] unfreeze(Address wallet, String caseId) {
        return Args.builder().bytes(wallet.bytes()).string(caseId).encode();
    }

    public static byte[] deduct(Address wallet, Address to, long amount, String caseId) {
        return Args.builder().bytes(wallet.bytes()).bytes(to.bytes()).int64(amount).string(caseId).encode();
    }
}
