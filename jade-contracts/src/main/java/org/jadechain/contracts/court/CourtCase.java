package org.jadechain.contracts.court;

import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hash;

/**
 * An enforcement case on the docket: its id ({@code C-<number>}), the court it was filed with, the creditor
 * and debtor wallets, the mediation agreement it enforces, its state, and the money: the amount outstanding
 * when filed, what is outstanding now, what the debtor paid on the covered installments after filing, and what
 * the court deducted. {@code filedOutstanding = outstanding + paidAfterFiling + deducted} always holds. What
 * the case holds frozen is the currency's fact ({@link CourtQueries#frozen}). {@code lastPaymentTx} is the
 * last transaction whose payment was recorded ({@link Hash#ZERO} when none), so one payment is never counted
 * twice. Immutable; the {@code with…} methods return changed copies.
 *
 * <p>Encoding: {@code u8 1, varint number, string court, raw20 creditor, raw20 debtor, string agreement,
 * u8 state, varint filedOutstanding, varint outstanding, varint paidAfterFiling, varint deducted,
 * varint filedHeight, varint filedTime, raw32 filedBy, varint timelineCount, raw32 lastPaymentTx}.
 */
public record CourtCase(String id, long number, String court, Address creditor, Address debtor, String agreement,
                        CaseState state, long filedOutstanding, long outstanding, long paidAfterFiling,
                        long deducted, long filedHeight, long filedTime, Hash filedBy, long timelineCount,
                        Hash lastPaymentTx) {

    public static String idOf(long number) {
        return "C-" + number;
    }

    CourtCase withState(CaseState s) {
        return new CourtCase(id, number, court, creditor, debtor, agreement, s, filedOutstanding, outstanding,
                paidAfterFiling, deducted, filedHeight, filedTime, filedBy, timelineCount, lastPaymentTx);
    }

    CourtCase withPayment(long amount, Hash tx) {
        return new CourtCase(id, number, court, creditor, debtor, agreement, state, filedOutstanding,
                outstanding - amount, paidAfterFiling + amount, deducted, filedHeight, filedTime, filedBy,
                timelineCount, tx);
    }

    CourtCase withDeduction(long amount) {
        return new CourtCase(id, number, court, creditor, debtor, agreement, state, filedOutstanding,
                outstanding - amount, paidAfterFiling, deducted + amount, filedHeight, filedTime, filedBy,
                timelineCount, lastPaymentTx);
    }

    CourtCase withTimelineCount(long n) {
        return new CourtCase(id, number, court, creditor, debtor, agreement, state, filedOutstanding, outstanding,
                paidAfterFiling, deducted, filedHeight, filedTime, filedBy, n, lastPaymentTx);
    }

    byte[] encode() {
        ByteWriter w = new ByteWriter(192);
        w.u8(1).varint(number).string(court).raw(creditor.bytes()).raw(debtor.bytes()).string(agreement)
                .u8(state.ordinal()).varint(filedOutstanding).varint(outstanding).varint(paidAfterFiling)
                .varint(deducted).varint(filedHeight).varint(filedTime).raw(filedBy.unsafeBytes())
                .varint(timelineCount).raw(lastPaymentTx.unsafeBytes());
        return w.toByteArray();
    }

    static CourtCase decode(String id, byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            if (r.u8("version") != 1) {
                throw new DecodeException("unknown case record version");
            }
            long number = r.varint("number");
            String court = r.string("court", CaseEvidence.MAX_ORGANISATION_ID_BYTES);
            Address creditor = Address.of(r.raw(Address.LENGTH, "creditor"));
            Address debtor = Address.of(r.raw(Address.LENGTH, "debtor"));
            String agreement = r.string("agreement", CaseEvidence.MAX_ID_BYTES);
            int state = r.u8("state");
            if (state >= CaseState.values().length) {
                throw new DecodeException("unknown case state " + state);
            }
            CourtCase c = new CourtCase(id, number, court, creditor, debtor, agreement, CaseState.values()[state],
                    r.varint("filedOutstanding"), r.varint("outstanding"), r.varint("paidAfterFiling"),
                    r.varint("deducted"), r.varint("filedHeight"), r.varint("filedTime"),
                    Hash.wrap(r.raw(Hash.LENGTH, "filedBy")), r.varint("timelineCount"),
                    Hash.wrap(r.raw(Hash.LENGTH, "lastPaymentTx")));
            r.expectEnd("case record");
            return c;
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt case record " + id + ": " + e.getMessage(), e);
        }
    }
}
