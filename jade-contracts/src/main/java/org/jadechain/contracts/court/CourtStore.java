package org.jadechain.contracts.court;

import java.nio.charset.StandardCharsets;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.contract.ContractState;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.state.StateReader;

/**
 * The docket's state layout (namespace {@value CourtContract#NAME}) and typed access to it, shared by the
 * contract (over the call's overlay) and {@link CourtQueries} (read-only). Keys are built with the canonical
 * writer (length-prefixed strings, 8-byte indices), so no id can collide with another key. Only point keys:
 * the lists are counter-indexed.
 *
 * <pre>
 * "count"                                 u64 cases filed (case n has id C-n)
 * "case", id                              CourtCase
 * "evidence", id                          CaseEvidence as filed
 * "timeline", id, u64 i                   TimelineEntry i of the case (count in the CourtCase)
 * "byCourt", court, u64 i                 the court's case ids in order of filing
 * "byCourtCount", court                   u64
 * "state", court, u8 state, u64 i         the court's case ids in that state (see below)
 * "stateCount", court, u8 state           u64
 * "statePos", id                          u64 the case's slot in its state's list
 * </pre>
 * A case leaves a state's list by moving the list's last id into its slot, so the lists of the open states
 * (FILED, ACCEPTED, ENFORCING) are in no particular order; CLOSED and DISMISSED are never left, so their
 * lists are in the order cases reached them. Not thread-safe; one per call.
 */
final class CourtStore {
    private static final byte[] COUNT = "count".getBytes(StandardCharsets.US_ASCII);

    private final ContractState state;

    CourtStore(ContractState state) {
        this.state = state;
    }

    static CourtStore readOnly(StateReader reader) {
        return new CourtStore(ContractState.readOnly(CourtContract.NAME, reader));
    }

    private static byte[] key(String tag, String s) {
        return new ByteWriter(64).string(tag).string(s).toByteArray();
    }

    private static byte[] key(String tag, String s, long i) {
        return new ByteWriter(64).string(tag).string(s).i64(i).toByteArray();
    }

    private static byte[] key(String tag, String s, CaseState st) {
        return new ByteWriter(64).string(tag).string(s).u8(st.ordinal()).toByteArray();
    }

    private static byte[] key(String tag, String s, CaseState st, long i) {
        return new ByteWriter(64).string(tag).string(s).u8(st.ordinal()).i64(i).toByteArray();
    }

    long count() {
        return state.getLong(COUNT, 0);
    }

    void setCount(long n) {
        state.putLong(COUNT, n);
    }

    CourtCase courtCase(String id) {
        byte[] v = state.get(key("case", id));
        return v == null ? null : CourtCase.decode(id, v);
    }

    void putCase(CourtCase c) {
        state.put(key("case", c.id()), c.encode());
    }

    void putEvidence(String id, CaseEvidence e) {
        state.put(key("evidence", id), e.encode());
    }

    CaseEvidence evidence(String id) {
        byte[] v = state.get(key("evidence", id));
        if (v == null) {
            return null;
        }
        try {
            return CaseEvidence.decode(v);
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt evidence of case " + id + ": " + e.getMessage(), e);
        }
    }

    /** Writes the case's next timeline entry and returns the case with its count raised (not stored). */
    CourtCase appendTimeline(CourtCase c, TimelineEntry.Step step, CaseState after, long height, long time,
                             Hash tx, String reason, long amount) {
        TimelineEntry e = new TimelineEntry(c.timelineCount(), step, after, height, time, tx, reason, amount);
        state.put(key("timeline", c.id(), c.timelineCount()), e.encode());
        return c.withTimelineCount(c.timelineCount() + 1);
    }

    TimelineEntry timeline(String id, long i) {
        byte[] v = state.get(key("timeline", id, i));
        if (v == null) {
            throw new IllegalStateException("court state is missing timeline entry " + i + " of case " + id);
        }
        return TimelineEntry.decode(i, v);
    }

    // --- per-court lists ---

    long courtCount(String court) {
        return state.getLong(key("byCourtCount", court), 0);
    }

    String courtAt(String court, long i) {
        return id(state.get(key("byCourt", court, i)));
    }

    void addToCourt(String court, String id) {
        long n = courtCount(court);
        state.put(key("byCourt", court, n), id.getBytes(StandardCharsets.UTF_8));
        state.putLong(key("byCourtCount", court), n + 1);
    }

    long stateCount(String court, CaseState st) {
        return state.getLong(key("stateCount", court, st), 0);
    }

    String stateAt(String court, CaseState st, long i) {
        return id(state.get(key("state", court, st, i)));
    }

    long statePos(String id) {
        return state.getLong(key("statePos", id), -1);
    }

    /** Adds the case to the list of its (current) state. */
    void enterState(CourtCase c) {
        long n = stateCount(c.court(), c.state());
        state.put(key("state", c.court(), c.state(), n), c.id().getBytes(StandardCharsets.UTF_8));
        state.putLong(key("stateCount", c.court(), c.state()), n + 1);
        state.putLong(key("statePos", c.id()), n);
    }

    /** Removes the case from the list of its (current) state, moving the list's last id into its slot. */
    void leaveState(CourtCase c) {
        long n = stateCount(c.court(), c.state());
        long pos = statePos(c.id());
        long last = n - 1;
        if (pos != last) {
            String moved = stateAt(c.court(), c.state(), last);
            state.put(key("state", c.court(), c.state(), pos), moved.getBytes(StandardCharsets.UTF_8));
            state.putLong(key("statePos", moved), pos);
        }
        state.delete(key("state", c.court(), c.state(), last));
        state.putLong(key("stateCount", c.court(), c.state()), last);
    }

    private static String id(byte[] v) {
        if (v == null) {
            throw new IllegalStateException("court state is missing a case list entry");
        }
        return new String(v, StandardCharsets.UTF_8);
    }
}
