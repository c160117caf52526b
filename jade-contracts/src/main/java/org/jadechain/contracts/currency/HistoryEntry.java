package org.jadechain.contracts.currency;

import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Hash;

/**
 * One line of a wallet's history. {@code amount} is the signed change of the wallet's balance and
 * {@code frozenChange} the signed change of its frozen amount, both in fen (a freeze changes only the
 * latter, a deduction both). {@code counterparty} is the other wallet's address (hex) or the operator's
 * organisation id; {@code reference} is the payment memo or the court case id. {@code index} counts the
 * wallet's entries from 0.
 *
 * <p>Encoding: {@code u8 1, varint height, varint timestamp, raw32 txHash, u8 kind, string counterparty,
 * i64 amount, i64 frozenChange, string reference}.
 */
public record HistoryEntry(long index, long height, long timestamp, Hash txHash, Kind kind, String counterparty,
                           long amount, long frozenChange, String reference) {

    /** What happened to the wallet. */
    public enum Kind { OPENED, EXCHANGE_IN, EXCHANGE_OUT, TRANSFER, FREEZE, UNFREEZE, DEDUCT }

    byte[] encode() {
        ByteWriter w = new ByteWriter(96);
        w.u8(1).varint(height).varint(timestamp).raw(txHash.unsafeBytes()).u8(kind.ordinal()).string(counterparty)
                .i64(amount).i64(frozenChange).string(reference);
        return w.toByteArray();
    }

    static HistoryEntry decode(long index, byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            if (r.u8("version") != 1) {
                throw new DecodeException("unknown history entry version");
            }
            long height = r.varint("height");
            long timestamp = r.varint("timestamp");
            Hash tx = Hash.wrap(r.raw(Hash.LENGTH, "txHash"));
            int kind = r.u8("kind");
            if (kind >= Kind.values().length) {
                throw new DecodeException("unknown history kind " + kind);
            }
            HistoryEntry e = new HistoryEntry(index, height, timestamp, tx, Kind.values()[kind],
                    r.string("counterparty", CurrencyContract.MAX_ORGANISATION_ID_BYTES), r.i64("amount"), r.i64("frozenChange"),
                    r.string("reference", CurrencyContract.MAX_MEMO_BYTES));
            r.expectEnd("history entry");
            return e;
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt history entry: " + e.getMessage(), e);
        }
    }
}
