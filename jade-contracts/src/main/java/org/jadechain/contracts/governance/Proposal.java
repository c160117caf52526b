package org.jadechain.contracts.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Hash;

/**
 * A proposed change of the validator set ({@code G-<number>}): add a validator (id, organisation, public key,
 * Raft address) or remove one (id), why, who proposed it, which governing organisations approved it (sorted;
 * the proposer's included), and its state. Immutable.
 *
 * <p>Encoding: {@code u8 1, varint number, u8 kind, string validatorId, string organisation, bytes publicKey,
 * string raftAddress, string reason, string proposer, varint proposedHeight, raw32 proposalTx, varint n,
 * n × string approver, u8 state, varint decidedHeight}.
 */
public record Proposal(String id, long number, Kind kind, String validatorId, String organisation, byte[] publicKey,
                       String raftAddress, String reason, String proposer, long proposedHeight, Hash proposalTx,
                       List<String> approvals, State state, long decidedHeight) {

    public enum Kind { ADD, REMOVE }

    public enum State { OPEN, ADOPTED, WITHDRAWN }

    public Proposal {
        publicKey = publicKey.clone();
        approvals = List.copyOf(new TreeSet<>(approvals));
    }

    public static String idOf(long number) {
        return "G-" + number;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    Proposal withApproval(String organisation) {
        List<String> more = new ArrayList<>(approvals);
        more.add(organisation);
        return new Proposal(id, number, kind, validatorId, this.organisation, publicKey, raftAddress, reason, proposer,
                proposedHeight, proposalTx, more, state, decidedHeight);
    }

    Proposal decided(State s, long height) {
        return new Proposal(id, number, kind, validatorId, organisation, publicKey, raftAddress, reason, proposer,
                proposedHeight, proposalTx, approvals, s, height);
    }

    byte[] encode() {
        ByteWriter w = new ByteWriter(256);
        w.u8(1).varint(number).u8(kind.ordinal()).string(validatorId).string(organisation).bytes(publicKey)
                .string(raftAddress).string(reason).string(proposer).varint(proposedHeight).raw(proposalTx.unsafeBytes())
                .varint(approvals.size());
        for (String a : approvals) {
            w.string(a);
        }
        w.u8(state.ordinal()).varint(decidedHeight);
        return w.toByteArray();
    }

    static Proposal decode(String id, byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            if (r.u8("version") != 1) {
                throw new DecodeException("unknown proposal encoding");
            }
            long number = r.varint("number");
            int kind = r.u8("kind");
            if (kind >= Kind.values().length) {
                throw new DecodeException("unknown proposal kind " + kind);
            }
            String validatorId = r.string("validatorId", GovernanceContract.MAX_ID_BYTES);
            String organisation = r.string("organisation", GovernanceContract.MAX_ID_BYTES * 4);
            byte[] key = r.bytes("publicKey", 1024);
            String address = r.string("raftAddress", GovernanceContract.MAX_ADDRESS_BYTES);
            String reason = r.string("reason", GovernanceContract.MAX_REASON_BYTES);
            String proposer = r.string("proposer", GovernanceContract.MAX_ID_BYTES * 4);
            long height = r.varint("proposedHeight");
            Hash tx = Hash.wrap(r.raw(Hash.LENGTH, "proposalTx"));
            int n = (int) r.varint("approval count", 256);
            List<String> approvals = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                approvals.add(r.string("approver", GovernanceContract.MAX_ID_BYTES * 4));
            }
            int state = r.u8("state");
            if (state >= State.values().length) {
                throw new DecodeException("unknown proposal state " + state);
            }
            long decided = r.varint("decidedHeight");
            r.expectEnd("proposal");
            return new Proposal(id, number, Kind.values()[kind], validatorId, organisation, key, address, reason, proposer,
                    height, tx, approvals, State.values()[state], decided);
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt proposal " + id + ": " + e.getMessage(), e);
        }
    }
}
