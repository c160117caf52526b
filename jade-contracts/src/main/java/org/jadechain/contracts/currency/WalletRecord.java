package org.jadechain.contracts.currency;

import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Address;

/**
 * A wallet's hot state, read and written by every payment: the operator (organisation id) that opened
 * it, its class (1..4), balance and frozen amount in fen, the ledger day and sum of its transfers that
 * day (for the daily limit). Its history is not here but in the node's derived index ({@link WalletHistory}, ADR
 * 0011). The identity commitment and ciphertext
 * live apart in {@link WalletIdentity}. Immutable; the {@code with…} methods return changed copies.
 *
 * <p>Encoding: {@code u8 2, string operator, u8 class, varint balance, varint frozen, varint openedHeight,
 * i64 outflowDay, varint outflowToday} (version 1 also counted history entries, when the history was state).
 */
public record WalletRecord(Address address, String operator, int walletClass, long balance, long frozen,
                           long openedHeight, long outflowDay, long outflowToday) {
    private static final int VERSION = 2;

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
                outflowToday);
    }

    WalletRecord withFrozen(long newFrozen) {
        return new WalletRecord(address, operator, walletClass, balance, newFrozen, openedHeight, outflowDay,
                outflowToday);
    }

    WalletRecord withClass(int newClass) {
        return new WalletRecord(address, operator, newClass, balance, frozen, openedHeight, outflowDay,
                outflowToday);
    }

    WalletRecord withOutflow(long day, long total) {
        return new WalletRecord(address, operator, walletClass, balance, frozen, openedHeight, day, total);
    }

    byte[] encode() {
        ByteWriter w = new ByteWriter(64);
        w.u8(VERSION).string(operator).u8(walletClass).varint(balance).varint(frozen).varint(openedHeight)
                .i64(outflowDay).varint(outflowToday);
        return w.toByteArray();
    }

    static WalletRecord decode(Address address, byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            if (r.u8("version") != VERSION) {
                throw new DecodeException("unknown wallet record version");
            }
            WalletRecord w = new WalletRecord(address, r.string("operator", CurrencyContract.MAX_ORGANISATION_ID_BYTES), r.u8("class"),
                    r.varint("balance"), r.varint("frozen"), r.varint("openedHeight"), r.i64("outflowDay"),
                    r.varint("outflowToday"));
            r.expectEnd("wallet record");
            return w;
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt wallet record " + address.hex() + ": " + e.getMessage(), e);
        }
    }
}
