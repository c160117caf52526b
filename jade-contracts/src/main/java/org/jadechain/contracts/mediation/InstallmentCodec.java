package org.jadechain.contracts.mediation;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;

/**
 * The canonical encoding of an installment schedule, as {@code propose} takes it in one bytes argument:
 * {@code varint n (1..24), n × (varint amount (fen, > 0), varint due (ledger ms))}, due times strictly
 * increasing. Varints are the core's minimal unsigned LEB128; anything else (trailing bytes, non-minimal
 * varints) is rejected. Stateless.
 */
public final class InstallmentCodec {
    private InstallmentCodec() {
    }

    /** @throws IllegalArgumentException when the schedule is not one {@link #decode} accepts */
    public static byte[] encode(List<Installment> installments) {
        ByteWriter w = new ByteWriter(4 + 16 * installments.size());
        w.varint(installments.size());
        for (Installment i : installments) {
            w.varint(i.amount()).varint(i.due());
        }
        byte[] out = w.toByteArray();
        try {
            decode(out);
        } catch (DecodeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return out;
    }

    /** @throws DecodeException when the bytes are not a canonical, valid schedule */
    public static List<Installment> decode(byte[] bytes) throws DecodeException {
        ByteReader r = new ByteReader(bytes);
        int n = (int) r.varint("installment count", MediationContract.MAX_INSTALLMENTS);
        if (n == 0) {
            throw new DecodeException("an agreement needs at least one installment");
        }
        List<Installment> out = new ArrayList<>(n);
        long previousDue = -1;
        for (int i = 1; i <= n; i++) {
            long amount = r.varint("installment " + i + " amount");
            long due = r.varint("installment " + i + " due time");
            if (amount == 0) {
                throw new DecodeException("installment " + i + " must have a positive amount");
            }
            if (due <= previousDue) {
                throw new DecodeException("installment " + i + " is not due after installment " + (i - 1));
            }
            previousDue = due;
            out.add(new Installment(amount, due));
        }
        r.expectEnd("installments");
        return out;
    }
}
