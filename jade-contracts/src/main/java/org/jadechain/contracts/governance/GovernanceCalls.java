package org.jadechain.contracts.governance;

import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.PublicKey;

/** Encoded arguments for each governance method, in the order the contract reads them. */
public final class GovernanceCalls {
    private GovernanceCalls() {
    }

    public static byte[] proposeAdd(String validatorId, String organisation, PublicKey key, String raftAddress, String reason) {
        return Args.builder().int64(GovernanceContract.KIND_ADD).string(validatorId).string(organisation)
                .bytes(key.unsafeEncoded()).string(raftAddress).string(reason).encode();
    }

    public static byte[] proposeRemove(String validatorId, String reason) {
        return Args.builder().int64(GovernanceContract.KIND_REMOVE).string(validatorId).string("").bytes(new byte[0])
                .string("").string(reason).encode();
    }

    public static byte[] approve(String proposalId) {
        return Args.builder().string(proposalId).encode();
    }

    public static byte[] withdraw(String proposalId) {
        return Args.builder().string(proposalId).encode();
    }
}
