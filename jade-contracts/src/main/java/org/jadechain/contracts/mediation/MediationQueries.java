package org.jadechain.contracts.mediation;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.state.StateReader;

/**
 * Reads of mediation agreements from any state. Stateless; as thread-safe as the reader. Lists are paged by
 * {@code offset} (entries to skip) and {@code limit} (at most {@value #MAX_PAGE}), newest first.
 */
public final class MediationQueries {
    public static final int MAX_PAGE = 1_000;

    private MediationQueries() {
    }

    /** The agreement with its installments, payments, signatures, cases and state; null when there is none. */
    public static Agreement agreement(StateReader state, String agreementId) {
        return MediationStore.readOnly(state).agreement(agreementId);
    }

    public static long agreementCount(StateReader state) {
        return MediationStore.readOnly(state).count();
    }

    /** All agreements, newest first. */
    public static List<Agreement> agreements(StateReader state, long offset, int limit) {
        checkPage(offset, limit);
        MediationStore s = MediationStore.readOnly(state);
        List<Agreement> out = new ArrayList<>();
        for (long n = s.count() - offset; n >= 1 && out.size() < limit; n--) {
            out.add(s.agreement(Agreement.idOf(n)));
        }
        return out;
    }

    /** How many agreements a wallet is creditor or debtor of. */
    public static long agreementCount(StateReader state, Address party) {
        return MediationStore.readOnly(state).partyCount(party);
    }

    /** The agreements a wallet is creditor or debtor of, newest first. */
    public static List<Agreement> agreementsOf(StateReader state, Address party, long offset, int limit) {
        checkPage(offset, limit);
        MediationStore s = MediationStore.readOnly(state);
        List<Agreement> out = new ArrayList<>();
        for (long i = s.partyCount(party) - 1 - offset; i >= 0 && out.size() < limit; i--) {
            out.add(s.agreement(s.partyAt(party, i)));
        }
        return out;
    }

    private static void checkPage(long offset, int limit) {
        if (offset < 0 || limit < 0 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("page must have offset >= 0 and limit 0.." + MAX_PAGE);
        }
    }
}
