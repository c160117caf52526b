package org.jadechain.contracts.currency;

import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hash;

/**
 * A regulator alert as kept in state (besides the {@code Alert} event), so that the alerts can be listed
 * from committed state alone. {@code count} is the number of near-limit transfers in the window for
 * STRUCTURING, and 1 for LARGE_PAYMENT. {@code index} numbers alerts chain-wide from 0.
 *
 * <p>Encoding: {@code u8 1, u8 kind, varint height, varint timestamp, raw32 txHash, raw20 wallet, raw20 to,
 * varint amount, varint count}.
 */
public record AlertRecord(long index, Alerts.Kind kind, long height, long timestamp, Hash txHash, Address wallet,
                          Address to, long amount, long count) {

    byte[] encode() {
        ByteWriter w = new ByteWriter(100);
        w.u8(1).u8(kind.ordinal()).varint(height).varint(timestamp).raw(txHash.unsafeBytes()).raw(wallet.bytes())
                .raw(to.bytes()).varint(amount).varint(count);
        return w.toByteArray();
    }

    static AlertRecord decode(long index, byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            if (r.u8("version") != 1) {
                throw new DecodeException("unknown alert version");
            }
            int kind = r.u8("kind");
            if (kind >= Alerts.Kind.values().length) {
                throw new DecodeException("unknown alert kind " + kind);
            }
            AlertRecord a = new AlertRecord(index, Alerts.Kind.values()[kind], r.varint("height"),
                    r.varint("timestamp"), Hash.wrap(r.raw(Hash.LENGTH, "txHash")),
                    Address.of(r.raw(Address.LENGTH, "wallet")), Address.of(r.raw(Address.LENGTH, "to")),
                    r.varint("amount"), r.varint("count"));
            r.expectEnd("alert");
            return a;
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt alert: " + e.getMessage(), e);
        }
    }
}
