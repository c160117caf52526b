package org.jadechain.contracts.mediation;

import java.util.List;
import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hash;

/**
 * Encoded arguments for each mediation method, in the order the contract reads them; for the SDK, the CLI
 * and tests. The installment schedule goes through {@link InstallmentCodec} (which refuses an invalid
 * schedule with IllegalArgumentException); nothing else is checked here: the contract is the judge.
 */
public final class MediationCalls {
    private MediationCalls() {
    }

    public static byte[] propose(Address creditor, Address debtor, String court, List<Installment> installments,
                                 byte[] termsHash) {
        return propose(creditor, debtor, court, InstallmentCodec.encode(installments), termsHash);
    }

    /** With the schedule already encoded (or deliberately malformed, for tests). */
    public static byte[] propose(Address creditor, Address debtor, String court, byte[] installments,
                                 byte[] termsHash) {
        return Args.builder().bytes(creditor.bytes()).bytes(debtor.bytes()).string(court).bytes(installments)
                .bytes(termsHash).encode();
    }

    /** {@code agreementHash} is the agreement's {@link Agreement#agreementHash()}: what the party agrees to. */
    public static byte[] sign(String agreementId, Hash agreementHash) {
        return Args.builder().string(agreementId).bytes(agreementHash.bytes()).encode();
    }

    public static byte[] withdraw(String agreementId) {
        return Args.builder().string(agreementId).encode();
    }

    /** Pays what remains of installment {@code n} (1-based). */
    public static byte[] payInstallment(String agreementId, int n) {
        return Args.builder().string(agreementId).int64(n).encode();
    }

    /** Pays {@code amount} fen of installment {@code n} (1-based), at most what remains of it. */
    public static byte[] payInstallment(String agreementId, int n, long amount) {
        return Args.builder().string(agreementId).int64(n).int64(amount).encode();
    }

    /** The arguments of the deadline trigger (scheduled by the contract itself). */
    public static byte[] checkInstallment(String agreementId, int n) {
        return Args.builder().string(agreementId).int64(n).encode();
    }

    /** The arguments of the re-check trigger (scheduled by the contract itself). */
    public static byte[] recheck(String agreementId) {
        return Args.builder().string(agreementId).encode();
    }
}
