package org.jadechain.contracts.court;

import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Hash;

/**
 * One step in a case's life: what happened ({@code step}), the state the case was in afterwards, the block
 * (height, ledger time) and transaction (or trigger id) that did it, the reason given, and the amount in fen
 * the step concerned (the outstanding amount when filed, a recorded payment, the amount frozen, deducted or
 * released; 0 otherwise). {@code index} counts the case's entries from 0.
 *
 * <p>Encoding: {@code u8 1, u8 step, u8 state, varint height, varint time, raw32 txHash, string reason,
 * varint amount}.
 */
public record TimelineEntry(long index, Step step, CaseState state, long height, long time, Hash txHash,
                            String reason, long amount) {

    /** What a timeline entry records. Stored as the ordinal. */
    public enum Step { FILED, PAYMENT_RECORDED, ACCEPTED, DISMISSED, ENFORCEMENT_ORDERED, DEDUCTED, CLOSED }

    byte[] encode() {
        ByteWriter w = new ByteWriter(64 + reason.length());
        w.u8(1).u8(step.ordinal()).u8(state.ordinal()).varint(height).varint(time).raw(txHash.unsafeBytes())
                .string(reason).varint(amount);
        return w.toByteArray();
    }

    static TimelineEntry decode(long index, byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            if (r.u8("version") != 1) {
                throw new DecodeException("unknown timeline entry version");
            }
            int step = r.u8("step");
            int state = r.u8("state");
            if (step >= Step.values().length || state >= CaseState.values().length) {
                throw new DecodeException("unknown step or state");
            }
            TimelineEntry e = new TimelineEntry(index, Step.values()[step], CaseState.values()[state],
                    r.varint("height"), r.varint("time"), Hash.wrap(r.raw(Hash.LENGTH, "txHash")),
                    r.string("reason", CourtContract.MAX_REASON_BYTES), r.varint("amount"));
            r.expectEnd("timeline entry");
            return e;
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt timeline entry: " + e.getMessage(), e);
        }
    }
}
