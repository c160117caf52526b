package org.jadechain.contracts.currency;

import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Address;

/**
 * A wallet's hot state, read and written by every payment: the operator (organisation id) that opened
 * it, its class (1..4), balance and frozen amount in fen, the ledger day and sum of its transfers that
 * day (for the daily limit), and how many history entries it has. The identity commitment and ciphertext
 * live apart in {@link WalletIdentity}. Immutable; the {@code with…} methods return changed copies.
 *
 * <p>Encoding: {@code u8 1, string operator, u8 class, varint balance, varint frozen, varint openedHeight,
 * i64 outflowDay, varint outflowToday, varint historyCount}.
 */
public record WalletRecord(Address address, String operator, int walletClass, long balance, long frozen,
                           long openedHeight, long outflowDay, long outflowToday, long historyCount) {

    /** What the owner can spend: the balance less the frozen amount. */
    public long available() {
        return balance - frozen;
    }

    /** The sum of the wallet's transfers on ledger day {@code day} (0 for any other day than the last one). */
    public long outflowOn(long day) {
        return day == outflowDay ? outflowToday : 0;
    }

    WalletRecord withBalance(long newBalance) {
        return new WalletRecord(address, operator, walletClass, newBalance, frozen, openedHeight, outflowDay,
                outflowToday, historyCount);
    }

    WalletRecord withFrozen(long newFrozen) {
        return new WalletRecord(address, operator, walletClass, balance, newFrozen, openedHeight, outflowDay,
                outflowToday, historyCount);
    }

    WalletRecord withClass(int newClass) {
        return new WalletRecord(address, operator, newClass, balance, frozen, openedHeight, outflowDay,
                outflowToday, historyCount);
    }

    WalletRecord withOutflow(long day, long total) {
        return new WalletRecord(address, operator, walletClass, balance, frozen, openedHeight, day, total,
                historyCount);
    }

    WalletRecord withHistoryCount(long count) {
        return new WalletRecord(address, operator, walletClass, balance, frozen, openedHeight, outflowDay,
                outflowToday, count);
    }

    byte[] encode() {
        ByteWriter w = new ByteWriter(64);
        w.u8(1).string(operator).u8(walletClass).varint(balance).varint(frozen).varint(openedHeight)
                .i64(outflowDay).varint(outflowToday).varint(historyCount);
        return w.toByteArray();
    }

    static WalletRecord decode(Address address, byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            if (r.u8("version") != 1) {
                throw new DecodeException("unknown wallet record version");
            }
            WalletRecord w = new WalletRecord(address, r.string("operator", CurrencyContract.MAX_ORGANISATION_ID_BYTES), r.u8("class"),
                    r.varint("balance"), r.varint("frozen"), r.varint("openedHeight"), r.i64("outflowDay"),
                    r.varint("outflowToday"), r.varint("historyCount"));
            r.expectEnd("wallet record");
            return w;
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt wallet record " + address.hex() + ": " + e.getMessage(), e);
        }
    }
}
