package org.jadechain.contracts.governance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.contract.ContractState;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.state.StateReader;

/**
 * The governance contract's state layout (namespace {@value GovernanceContract#NAME}); only point keys.
 * <pre>
 * governors               varint n, n × string: the organisations whose admins decide validator changes
 * setCount                u64 number of validator-set versions (version 0 is genesis's)
 * set/&lt;u64 version&gt;       ValidatorSet
 * proposalCount           u64; proposals are G-1 .. G-n
 * p/&lt;proposal id&gt;         Proposal
 * </pre>
 */
final class GovernanceStore {
    private static final byte[] GOVERNORS = ascii("governors");
    private static final byte[] SET_COUNT = ascii("setCount");
    private static final byte[] PROPOSAL_COUNT = ascii("proposalCount");

    private final ContractState state;

    GovernanceStore(ContractState state) {
        this.state = state;
    }

    static GovernanceStore readOnly(StateReader reader) {
        return new GovernanceStore(ContractState.readOnly(GovernanceContract.NAME, reader));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] setKey(long version) {
        return ByteBuffer.allocate(12).put(ascii("set/")).putLong(version).array();
    }

    private static byte[] proposalKey(String id) {
        return ("p/" + id).getBytes(StandardCharsets.UTF_8);
    }

    List<String> governors() {
        byte[] b = state.get(GOVERNORS);
        List<String> out = new ArrayList<>();
        if (b == null) {
            return out;
        }
        try {
            ByteReader r = new ByteReader(b);
            int n = (int) r.varint("governor count", 256);
            for (int i = 0; i < n; i++) {
                out.add(r.string("governor", GovernanceContract.MAX_ID_BYTES * 4));
            }
            r.expectEnd("governors");
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt governors list: " + e.getMessage(), e);
        }
        return out;
    }

    void putGovernors(List<String> governors) {
        ByteWriter w = new ByteWriter(64);
        w.varint(governors.size());
        for (String g : governors) {
            w.string(g);
        }
        state.put(GOVERNORS, w.toByteArray());
    }

    long setCount() {
        return state.getLong(SET_COUNT, 0);
    }

    ValidatorSet set(long version, CryptoSuite suite) {
        byte[] b = state.get(setKey(version));
        return b == null ? null : ValidatorSet.decode(b, suite);
    }

    ValidatorSet current(CryptoSuite suite) {
        long n = setCount();
        return n == 0 ? null : set(n - 1, suite);
    }

    void addSet(ValidatorSet set) {
        state.put(setKey(set.version()), set.encode());
        state.putLong(SET_COUNT, set.version() + 1);
    }

    long proposalCount() {
        return state.getLong(PROPOSAL_COUNT, 0);
    }

    Proposal proposal(String id) {
        byte[] b = state.get(proposalKey(id));
        return b == null ? null : Proposal.decode(id, b);
    }

    void putProposal(Proposal p) {
        state.put(proposalKey(p.id()), p.encode());
        if (p.number() > proposalCount()) {
            state.putLong(PROPOSAL_COUNT, p.number());
        }
    }
}
