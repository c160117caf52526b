package org.jadechain.contracts.mediation;

import java.nio.charset.StandardCharsets;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.contract.ContractState;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.state.StateReader;

/**
 * The mediation contract's state layout (namespace {@value MediationContract#NAME}), shared by the contract
 * and {@link MediationQueries}. Only point keys; the lists are counter-indexed.
 *
 * <pre>
 * "count"                       u64 agreements proposed (agreement n has id A-n)
 * "agreement", id               Agreement
 * "party", addr20, u64 i        ids of the agreements a wallet is creditor or debtor of, in order of proposal
 * "partyCount", addr20          u64
 * </pre>
 * Keys are built with the canonical writer (length-prefixed strings). Not thread-safe; one per call.
 */
final class MediationStore {
    private static final byte[] COUNT = "count".getBytes(StandardCharsets.US_ASCII);

    private final ContractState state;

    MediationStore(ContractState state) {
        this.state = state;
    }

    static MediationStore readOnly(StateReader reader) {
        return new MediationStore(ContractState.readOnly(MediationContract.NAME, reader));
    }

    private static byte[] key(String tag, String id) {
        return new ByteWriter(32).string(tag).string(id).toByteArray();
    }

    private static byte[] key(String tag, Address a) {
        return new ByteWriter(32).string(tag).raw(a.bytes()).toByteArray();
    }

    private static byte[] key(String tag, Address a, long i) {
        return new ByteWriter(40).string(tag).raw(a.bytes()).i64(i).toByteArray();
    }

    long count() {
        return state.getLong(COUNT, 0);
    }

    void setCount(long n) {
        state.putLong(COUNT, n);
    }

    Agreement agreement(String id) {
        byte[] v = state.get(key("agreement", id));
        return v == null ? null : Agreement.decode(id, v);
    }

    void put(Agreement a) {
        state.put(key("agreement", a.id()), a.encode());
    }

    long partyCount(Address party) {
        return state.getLong(key("partyCount", party), 0);
    }

    String partyAt(Address party, long i) {
        byte[] v = state.get(key("party", party, i));
        if (v == null) {
            throw new IllegalStateException("mediation state is missing entry " + i + " of a party's agreements");
        }
        return new String(v, StandardCharsets.UTF_8);
    }

    void addToParty(Address party, String id) {
        long n = partyCount(party);
        state.put(key("party", party, n), id.getBytes(StandardCharsets.UTF_8));
        state.putLong(key("partyCount", party), n + 1);
    }
}
