package org.jadechain.contracts.court;

import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.Address;

/**
 * Encoded arguments for each court method, in the order the contract reads them; for the SDK, the CLI, the
 * mediation contract and tests. No validation here: the contract is the judge.
 */
public final class CourtCalls {
    private CourtCalls() {
    }

    public static byte[] fileCase(String court, Address creditor, Address debtor, long outstanding,
                                  CaseEvidence evidence, String reason) {
        return Args.builder().string(court).bytes(creditor.bytes()).bytes(debtor.bytes()).int64(outstanding)
                .bytes(evidence.encode()).string(reason).encode();
    }

    public static byte[] recordPayment(String caseId) {
        return Args.builder().string(caseId).encode();
    }

    public static byte[] accept(String caseId, String reason) {
        return Args.builder().string(caseId).string(reason).encode();
    }

    public static byte[] dismiss(String caseId, String reason) {
        return Args.builder().string(caseId).string(reason).encode();
    }

    public static byte[] enforce(String caseId, String reason) {
        return Args.builder().string(caseId).string(reason).encode();
    }

    public static byte[] deduct(String caseId, long amount, String reason) {
        return Args.builder().string(caseId).int64(amount).string(reason).encode();
    }

    public static byte[] close(String caseId, String reason) {
        return Args.builder().string(caseId).string(reason).encode();
    }
}
