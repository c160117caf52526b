package org.jadechain.contracts.court;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.Hex;

/**
 * What a filer attaches to an enforcement case, as of the moment of filing: the mediation agreement (its id,
 * the mediating organisation, the hash of the agreement's on-ledger terms and the hash of the signed terms
 * document), both parties' signing transactions, the whole installment schedule with the range of
 * installments the case covers (1-based, inclusive), and every payment made on the agreement so far with its
 * transaction. Payments recorded after filing are in the case's timeline instead. Immutable (the byte arrays
 * are copied in and out).
 *
 * <p>Encoding (canonical; {@link #decode} rejects anything else): {@code u8 1, string agreement, string
 * mediator, raw32 agreementHash, bytes termsHash, signed creditor, signed debtor, varint n, n × (varint amount,
 * varint dueTime), varint first, varint last, varint m, m × (varint installment, varint amount, raw32 txHash,
 * varint height, varint time)}; {@code signed = raw20 signer, raw32 txHash, varint height, varint time}.
 */
public record CaseEvidence(String agreement, String mediator, Hash agreementHash, byte[] termsHash,
                           Signed creditorSignature, Signed debtorSignature, List<Due> schedule,
                           int firstInstallment, int lastInstallment, List<Paid> payments) {
    public static final int MAX_ID_BYTES = 64;
    public static final int MAX_ORGANISATION_ID_BYTES = 256;
    public static final int MIN_TERMS_HASH_BYTES = 16;
    public static final int MAX_TERMS_HASH_BYTES = 64;
    public static final int MAX_SCHEDULE = 64;
    public static final int MAX_PAYMENTS = 512;

    /** A party's signing transaction. */
    public record Signed(Address signer, Hash txHash, long height, long time) {
    }

    /** One installment of the schedule: amount in fen and due ledger time (ms). */
    public record Due(long amount, long dueTime) {
    }

    /** A payment made on installment {@code installment} (1-based), in fen. */
    public record Paid(int installment, long amount, Hash txHash, long height, long time) {
    }

    public CaseEvidence {
        termsHash = termsHash.clone();
        schedule = List.copyOf(schedule);
        payments = List.copyOf(payments);
    }

    @Override
    public byte[] termsHash() {
        return termsHash.clone();
    }

    /** The sum of the payments on installment {@code n} listed here. */
    public long paidOn(int n) {
        long sum = 0;
        for (Paid p : payments) {
            if (p.installment() == n) {
                sum += p.amount();
            }
        }
        return sum;
    }

    /**
     * The evidence hash a {@code CaseFiled} event names: the chain's hash of the ASCII tag
     * {@code "jade.court.evidence"} followed by {@link #encode()}. A verifier holding the evidence bytes and a
     * proof of the filing receipt knows the evidence is what the ledger filed.
     */
    public Hash hash(CryptoSuite suite) {
        return suite.hash(HASH_TAG, encode());
    }

    private static final byte[] HASH_TAG = "jade.court.evidence".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public byte[] encode() {
        ByteWriter w = new ByteWriter(256 + 64 * payments.size());
        w.u8(1).string(agreement).string(mediator).raw(agreementHash.unsafeBytes()).bytes(termsHash);
        writeSigned(w, creditorSignature);
        writeSigned(w, debtorSignature);
        w.varint(schedule.size());
        for (Due d : schedule) {
            w.varint(d.amount()).varint(d.dueTime());
        }
        w.varint(firstInstallment).varint(lastInstallment).varint(payments.size());
        for (Paid p : payments) {
            w.varint(p.installment()).varint(p.amount()).raw(p.txHash().unsafeBytes()).varint(p.height())
                    .varint(p.time());
        }
        return w.toByteArray();
    }

    private static void writeSigned(ByteWriter w, Signed s) {
        w.raw(s.signer().bytes()).raw(s.txHash().unsafeBytes()).varint(s.height()).varint(s.time());
    }

    /**
     * Decodes and checks evidence: canonical bytes, ids and hashes within bounds, a non-empty schedule of
     * positive amounts, a covered range inside it, and payments on installments of the schedule.
     */
    public static CaseEvidence decode(byte[] bytes) throws DecodeException {
        ByteReader r = new ByteReader(bytes);
        if (r.u8("evidence version") != 1) {
            throw new DecodeException("unknown evidence version");
        }
        String agreement = r.string("agreement", MAX_ID_BYTES);
        String mediator = r.string("mediator", MAX_ORGANISATION_ID_BYTES);
        Hash agreementHash = Hash.wrap(r.raw(Hash.LENGTH, "agreement hash"));
        byte[] terms = r.bytes("terms hash", MAX_TERMS_HASH_BYTES);
        if (agreement.isEmpty() || terms.length < MIN_TERMS_HASH_BYTES) {
            throw new DecodeException("empty agreement id or terms hash under " + MIN_TERMS_HASH_BYTES + " bytes");
        }
        Signed creditor = readSigned(r);
        Signed debtor = readSigned(r);
        int n = (int) r.varint("schedule size", MAX_SCHEDULE);
        List<Due> schedule = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long amount = r.varint("installment amount");
            if (amount == 0) {
                throw new DecodeException("installment " + (i + 1) + " has no amount");
            }
            schedule.add(new Due(amount, r.varint("due time")));
        }
        int first = (int) r.varint("first installment", MAX_SCHEDULE);
        int last = (int) r.varint("last installment", MAX_SCHEDULE);
        if (first < 1 || first > last || last > n) {
            throw new DecodeException("covered installments " + first + ".." + last + " not within 1.." + n);
        }
        int m = (int) r.varint("payment count", MAX_PAYMENTS);
        List<Paid> payments = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            int installment = (int) r.varint("payment installment", MAX_SCHEDULE);
            if (installment < 1 || installment > n) {
                throw new DecodeException("payment on installment " + installment + " outside 1.." + n);
            }
            payments.add(new Paid(installment, r.varint("payment amount"), Hash.wrap(r.raw(Hash.LENGTH, "txHash")),
                    r.varint("height"), r.varint("time")));
        }
        r.expectEnd("evidence");
        return new CaseEvidence(agreement, mediator, agreementHash, terms, creditor, debtor, schedule, first, last,
                payments);
    }

    private static Signed readSigned(ByteReader r) throws DecodeException {
        return new Signed(Address.of(r.raw(Address.LENGTH, "signer")), Hash.wrap(r.raw(Hash.LENGTH, "signing tx")),
                r.varint("height"), r.varint("time"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaseEvidence e && Arrays.equals(encode(), e.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "CaseEvidence[agreement=" + agreement + ", mediator=" + mediator + ", agreementHash=" + agreementHash
                + ", termsHash=" + Hex.encode(termsHash) + ", creditorSignature=" + creditorSignature
                + ", debtorSignature=" + debtorSignature + ", schedule=" + schedule + ", covered=" + firstInstallment
                + ".." + lastInstallment + ", payments=" + payments + "]";
    }
}
