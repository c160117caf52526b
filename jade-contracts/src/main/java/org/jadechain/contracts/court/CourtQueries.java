package org.jadechain.contracts.court;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.contracts.currency.CurrencyQueries;
import org.jadechain.core.state.StateReader;

/**
 * Reads of the docket from any state (the committed state for the API, or a running call's view through
 * {@link CallStateReader}). Stateless; as thread-safe as the reader. Lists are paged by {@code offset}
 * (entries to skip) and {@code limit} (at most {@value #MAX_PAGE}); a read spanning several keys is
 * consistent only over a reader that does not change underneath it.
 */
public final class CourtQueries {
    public static final int MAX_PAGE = 1_000;

    private CourtQueries() {
    }

    private static CourtStore store(StateReader state) {
        return CourtStore.readOnly(state);
    }

    /** The case with that id, or null. */
    public static CourtCase courtCase(StateReader state, String caseId) {
        return store(state).courtCase(caseId);
    }

    /** The evidence the case was filed with, or null when there is no such case. */
    public static CaseEvidence evidence(StateReader state, String caseId) {
        return store(state).evidence(caseId);
    }

    /** What the case holds frozen in the debtor's wallet now (the currency's record); 0 when none. */
    public static long frozen(StateReader state, String caseId) {
        CourtCase c = courtCase(state, caseId);
        return c == null ? 0 : CurrencyQueries.frozenByCase(state, c.debtor(), caseId);
    }

    /** Cases filed on the whole ledger; the newest is {@code C-<caseCount>}. */
    public static long caseCount(StateReader state) {
        return store(state).count();
    }

    /** The case's timeline, oldest first; empty when there is no such case. */
    public static List<TimelineEntry> timeline(StateReader state, String caseId, long offset, int limit) {
        checkPage(offset, limit);
        CourtStore s = store(state);
        CourtCase c = s.courtCase(caseId);
        List<TimelineEntry> out = new ArrayList<>();
        if (c == null) {
            return out;
        }
        for (long i = offset; i < c.timelineCount() && out.size() < limit; i++) {
            out.add(s.timeline(caseId, i));
        }
        return out;
    }

    /** The whole timeline (at most {@link CourtContract#MAX_TIMELINE} entries), oldest first. */
    public static List<TimelineEntry> timeline(StateReader state, String caseId) {
        List<TimelineEntry> out = new ArrayList<>();
        for (long offset = 0; ; offset += MAX_PAGE) {
            List<TimelineEntry> page = timeline(state, caseId, offset, MAX_PAGE);
            out.addAll(page);
            if (page.size() < MAX_PAGE) {
                return out;
            }
        }
    }

    /** Cases filed with a court, in any state. */
    public static long caseCount(StateReader state, String court) {
        return store(state).courtCount(court);
    }

    /** A court's cases in any state, newest first. */
    public static List<CourtCase> cases(StateReader state, String court, long offset, int limit) {
        checkPage(offset, limit);
        CourtStore s = store(state);
        List<CourtCase> out = new ArrayList<>();
        for (long i = s.courtCount(court) - 1 - offset; i >= 0 && out.size() < limit; i--) {
            out.add(s.courtCase(s.courtAt(court, i)));
        }
        return out;
    }

    /** How many of a court's cases are in a state. */
    public static long caseCount(StateReader state, String court, CaseState caseState) {
        return store(state).stateCount(court, caseState);
    }

    /**
     * A court's cases in one state. For CLOSED and DISMISSED, newest first (by when they reached the state);
     * for the open states, in a deterministic order that is not the order of filing.
     */
    public static List<CourtCase> cases(StateReader state, String court, CaseState caseState, long offset, int limit) {
        checkPage(offset, limit);
        CourtStore s = store(state);
        List<CourtCase> out = new ArrayList<>();
        for (long i = s.stateCount(court, caseState) - 1 - offset; i >= 0 && out.size() < limit; i--) {
            out.add(s.courtCase(s.stateAt(court, caseState, i)));
        }
        return out;
    }

    private static void checkPage(long offset, int limit) {
        if (offset < 0 || limit < 0 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("page must have offset >= 0 and limit 0.." + MAX_PAGE);
        }
    }
}
