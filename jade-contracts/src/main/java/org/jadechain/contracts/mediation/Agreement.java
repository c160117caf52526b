package org.jadechain.contracts.mediation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jadechain.contracts.court.CaseEvidence;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.Hex;

/**
 * A mediation agreement as the ledger keeps it: its id ({@code A-<number>}), the mediating organisation and
 * the key that proposed it, the creditor and debtor wallets, the court that will enforce it, the hash of its
 * on-ledger terms ({@link #computeHash}) and of the signed terms document, when it was proposed, its state,
 * both parties' signing transactions, the installment schedule, every payment made on it, and the
 * enforcement cases filed for it (each covering a contiguous range of installments; ranges never overlap).
 * Immutable (byte arrays and lists are copied); the {@code with…} methods return changed copies.
 *
 * <p>Encoding: {@code u8 1, varint number, string mediator, raw20 mediatorKey, raw20 creditor, raw20 debtor,
 * string court, raw32 agreementHash, bytes termsHash, varint proposedHeight, varint proposedTime,
 * raw32 proposalTx, u8 state, signature creditor, signature debtor, installments (as {@link InstallmentCodec}),
 * varint m, m × payment, varint k, k × (string caseId, varint first, varint last), bool recheckPending};
 * {@code signature = bool present [raw20 signer, raw32 txHash, varint height, varint time]},
 * {@code payment = varint installment, varint amount, raw32 txHash, varint height, varint time}.
 */
public record Agreement(String id, long number, String mediator, Address mediatorKey, Address creditor,
                        Address debtor, String court, Hash agreementHash, byte[] termsHash, long proposedHeight,
                        long proposedTime, Hash proposalTx, AgreementState state, Signature creditorSignature,
                        Signature debtorSignature, List<Installment> installments, List<Payment> payments,
                        List<CaseLink> cases, boolean recheckPending) {

    /** A party's signing transaction. */
    public record Signature(Address signer, Hash txHash, long height, long time) {
    }

    /** A payment of {@code amount} fen on installment {@code installment} (1-based). */
    public record Payment(int installment, long amount, Hash txHash, long height, long time) {
    }

    /** An enforcement case filed for the agreement, covering installments {@code first..last} (1-based). */
    public record CaseLink(String caseId, int first, int last) {
    }

    public Agreement {
        termsHash = termsHash.clone();
        installments = List.copyOf(installments);
        payments = List.copyOf(payments);
        cases = List.copyOf(cases);
    }

    public static String idOf(long number) {
        return "A-" + number;
    }

    @Override
    public byte[] termsHash() {
        return termsHash.clone();
    }

    /** The sum of all installments in fen. */
    public long total() {
        long sum = 0;
        for (Installment i : installments) {
            sum = Math.addExact(sum, i.amount());
        }
        return sum;
    }

    public Installment installment(int n) {
        return installments.get(n - 1);
    }

    /** What has been paid on installment {@code n} (1-based) through {@code payInstallment}. */
    public long paid(int n) {
        long sum = 0;
        for (Payment p : payments) {
            if (p.installment() == n) {
                sum += p.amount();
            }
        }
        return sum;
    }

    /** Installment {@code n}'s amount less what has been paid on it. */
    public long remaining(int n) {
        return installment(n).amount() - paid(n);
    }

    public int paymentCount(int n) {
        int count = 0;
        for (Payment p : payments) {
            if (p.installment() == n) {
                count++;
            }
        }
        return count;
    }

    /** How many installments are due at ledger time {@code time} (due time at or before it). */
    public int dueThrough(long time) {
        int n = 0;
        while (n < installments.size() && installments.get(n).due() <= time) {
            n++;
        }
        return n;
    }

    /** The unpaid amount of the installments due at ledger time {@code time}. */
    public long unpaidDueBy(long time) {
        long sum = 0;
        for (int n = 1; n <= dueThrough(time); n++) {
            sum += remaining(n);
        }
        return sum;
    }

    /** The last installment a case covers; 0 when no case was filed. */
    public int coveredThrough() {
        return cases.isEmpty() ? 0 : cases.get(cases.size() - 1).last();
    }

    /** The case that covers installment {@code n}, or null. */
    public CaseLink caseCovering(int n) {
        for (CaseLink c : cases) {
            if (c.first() <= n && n <= c.last()) {
                return c;
            }
        }
        return null;
    }

    /** The most recently filed case, or null. */
    public CaseLink lastCase() {
        return cases.isEmpty() ? null : cases.get(cases.size() - 1);
    }

    /**
     * The hash of the agreement's terms as proposed, which each party's {@code sign} names: the chain's hash of
     * {@code "jade.mediation.agreement", string chainId, string id, string mediator, raw20 creditor,
     * raw20 debtor, string court, bytes installments (as InstallmentCodec), bytes termsHash}.
     */
    public static Hash computeHash(CryptoSuite suite, String chainId, String id, String mediator, Address creditor,
                                   Address debtor, String court, List<Installment> installments, byte[] termsHash) {
        ByteWriter w = new ByteWriter(256);
        w.string(chainId).string(id).string(mediator).raw(creditor.bytes()).raw(debtor.bytes()).string(court)
                .bytes(InstallmentCodec.encode(installments)).bytes(termsHash);
        return suite.hash("jade.mediation.agreement".getBytes(StandardCharsets.US_ASCII), w.toByteArray());
    }

    /** Recomputes {@link #agreementHash} from the stored terms, for a verifier. */
    public Hash computeHash(CryptoSuite suite, String chainId) {
        return computeHash(suite, chainId, id, mediator, creditor, debtor, court, installments, termsHash);
    }

    /** The evidence for a case covering installments {@code first..last}, as of now. */
    public CaseEvidence evidence(int first, int last) {
        List<CaseEvidence.Due> schedule = new ArrayList<>(installments.size());
        for (Installment i : installments) {
            schedule.add(new CaseEvidence.Due(i.amount(), i.due()));
        }
        List<CaseEvidence.Paid> paid = new ArrayList<>(payments.size());
        for (Payment p : payments) {
            paid.add(new CaseEvidence.Paid(p.installment(), p.amount(), p.txHash(), p.height(), p.time()));
        }
        return new CaseEvidence(id, mediator, agreementHash, termsHash, signed(creditorSignature),
                signed(debtorSignature), schedule, first, last, paid);
    }

    private static CaseEvidence.Signed signed(Signature s) {
        return new CaseEvidence.Signed(s.signer(), s.txHash(), s.height(), s.time());
    }

    Agreement withState(AgreementState s) {
        return new Agreement(id, number, mediator, mediatorKey, creditor, debtor, court, agreementHash, termsHash,
                proposedHeight, proposedTime, proposalTx, s, creditorSignature, debtorSignature, installments, payments,
                cases, recheckPending);
    }

    Agreement withSignatures(Signature ofCreditor, Signature ofDebtor) {
        return new Agreement(id, number, mediator, mediatorKey, creditor, debtor, court, agreementHash, termsHash,
                proposedHeight, proposedTime, proposalTx, state, ofCreditor, ofDebtor, installments, payments, cases,
                recheckPending);
    }

    Agreement withPayment(Payment p) {
        List<Payment> more = new ArrayList<>(payments);
        more.add(p);
        return new Agreement(id, number, mediator, mediatorKey, creditor, debtor, court, agreementHash, termsHash,
                proposedHeight, proposedTime, proposalTx, state, creditorSignature, debtorSignature, installments, more,
                cases, recheckPending);
    }

    Agreement withCase(CaseLink c) {
        List<CaseLink> more = new ArrayList<>(cases);
        more.add(c);
        return new Agreement(id, number, mediator, mediatorKey, creditor, debtor, court, agreementHash, termsHash,
                proposedHeight, proposedTime, proposalTx, state, creditorSignature, debtorSignature, installments,
                payments, more, recheckPending);
    }

    Agreement withRecheckPending(boolean pending) {
        return new Agreement(id, number, mediator, mediatorKey, creditor, debtor, court, agreementHash, termsHash,
                proposedHeight, proposedTime, proposalTx, state, creditorSignature, debtorSignature, installments,
                payments, cases, pending);
    }

    byte[] encode() {
        ByteWriter w = new ByteWriter(512 + 64 * payments.size());
        w.u8(1).varint(number).string(mediator).raw(mediatorKey.bytes()).raw(creditor.bytes()).raw(debtor.bytes())
                .string(court).raw(agreementHash.unsafeBytes()).bytes(termsHash).varint(proposedHeight)
                .varint(proposedTime).raw(proposalTx.unsafeBytes()).u8(state.ordinal());
        writeSignature(w, creditorSignature);
        writeSignature(w, debtorSignature);
        w.raw(InstallmentCodec.encode(installments));
        w.varint(payments.size());
        for (Payment p : payments) {
            w.varint(p.installment()).varint(p.amount()).raw(p.txHash().unsafeBytes()).varint(p.height())
                    .varint(p.time());
        }
        w.varint(cases.size());
        for (CaseLink c : cases) {
            w.string(c.caseId()).varint(c.first()).varint(c.last());
        }
        w.bool(recheckPending);
        return w.toByteArray();
    }

    private static void writeSignature(ByteWriter w, Signature s) {
        w.bool(s != null);
        if (s != null) {
            w.raw(s.signer().bytes()).raw(s.txHash().unsafeBytes()).varint(s.height()).varint(s.time());
        }
    }

    static Agreement decode(String id, byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            if (r.u8("version") != 1) {
                throw new DecodeException("unknown agreement record version");
            }
            long number = r.varint("number");
            String mediator = r.string("mediator", MediationContract.MAX_ORGANISATION_ID_BYTES);
            Address mediatorKey = address(r, "mediatorKey");
            Address creditor = address(r, "creditor");
            Address debtor = address(r, "debtor");
            String court = r.string("court", MediationContract.MAX_ORGANISATION_ID_BYTES);
            Hash agreementHash = hash(r, "agreementHash");
            byte[] terms = r.bytes("termsHash", MediationContract.MAX_TERMS_HASH_BYTES);
            long proposedHeight = r.varint("proposedHeight");
            long proposedTime = r.varint("proposedTime");
            Hash proposalTx = hash(r, "proposalTx");
            int state = r.u8("state");
            if (state >= AgreementState.values().length) {
                throw new DecodeException("unknown agreement state " + state);
            }
            Signature ofCreditor = readSignature(r);
            Signature ofDebtor = readSignature(r);
            int n = (int) r.varint("installment count", MediationContract.MAX_INSTALLMENTS);
            List<Installment> installments = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                installments.add(new Installment(r.varint("amount"), r.varint("due")));
            }
            int m = (int) r.varint("payment count", (long) MediationContract.MAX_INSTALLMENTS
                    * MediationContract.MAX_PAYMENTS_PER_INSTALLMENT);
            List<Payment> payments = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                payments.add(new Payment((int) r.varint("installment", n), r.varint("amount"), hash(r, "txHash"),
                        r.varint("height"), r.varint("time")));
            }
            int k = (int) r.varint("case count", MediationContract.MAX_INSTALLMENTS);
            List<CaseLink> cases = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                cases.add(new CaseLink(r.string("caseId", CaseEvidence.MAX_ID_BYTES), (int) r.varint("first", n),
                        (int) r.varint("last", n)));
            }
            boolean recheck = r.bool("recheckPending");
            r.expectEnd("agreement record");
            return new Agreement(id, number, mediator, mediatorKey, creditor, debtor, court, agreementHash, terms,
                    proposedHeight, proposedTime, proposalTx, AgreementState.values()[state], ofCreditor, ofDebtor,
                    installments, payments, cases, recheck);
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt agreement record " + id + ": " + e.getMessage(), e);
        }
    }

    private static Signature readSignature(ByteReader r) throws DecodeException {
        if (!r.bool("signature present")) {
            return null;
        }
        return new Signature(address(r, "signer"), hash(r, "signing tx"), r.varint("height"), r.varint("time"));
    }

    private static Address address(ByteReader r, String what) throws DecodeException {
        return Address.of(r.raw(Address.LENGTH, what));
    }

    private static Hash hash(ByteReader r, String what) throws DecodeException {
        return Hash.wrap(r.raw(Hash.LENGTH, what));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Agreement a && id.equals(a.id) && Arrays.equals(encode(), a.encode());
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "Agreement[" + id + " " + state + ", mediator=" + mediator + ", creditor=" + creditor + ", debtor="
                + debtor + ", court=" + court + ", agreementHash=" + agreementHash + ", termsHash="
                + Hex.encode(termsHash) + ", installments=" + installments + ", payments=" + payments + ", cases="
                + cases + "]";
    }
}
