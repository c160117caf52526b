package org.jadechain.contracts.governance;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.state.StateReader;

/** Reads of the validator-set history and proposals from any state. Stateless. */
public final class GovernanceQueries {
    private GovernanceQueries() {
    }

    /** The set in force for the next block (the newest version). */
    public static ValidatorSet current(StateReader state, CryptoSuite suite) {
        ValidatorSet s = GovernanceStore.readOnly(state).current(suite);
        if (s == null) {
            throw new IllegalStateException("the ledger holds no validator set (no governance state)");
        }
        return s;
    }

    /** The validators that certify block {@code height}: the newest version whose fromHeight is at or below it. */
    public static List<ValidatorInfo> validatorsAt(StateReader state, CryptoSuite suite, long height) {
        GovernanceStore store = GovernanceStore.readOnly(state);
        for (long v = store.setCount() - 1; v >= 0; v--) {
            ValidatorSet s = store.set(v, suite);
            if (s.fromHeight() <= Math.max(1, height)) {
                return s.validators();
            }
        }
        throw new IllegalStateException("the ledger holds no validator set (no governance state)");
    }

    /**
     * As {@link #validatorsAt(StateReader, CryptoSuite, long)}, or {@code genesisValidators} for a ledger
     * without governance state (made before the governance contract existed).
     */
    public static List<ValidatorInfo> validatorsAt(StateReader state, CryptoSuite suite, long height,
                                                   List<ValidatorInfo> genesisValidators) {
        return GovernanceStore.readOnly(state).setCount() == 0 ? genesisValidators : validatorsAt(state, suite, height);
    }

    /** Every version, oldest first. */
    public static List<ValidatorSet> history(StateReader state, CryptoSuite suite) {
        GovernanceStore store = GovernanceStore.readOnly(state);
        List<ValidatorSet> out = new ArrayList<>();
        for (long v = 0; v < store.setCount(); v++) {
            out.add(store.set(v, suite));
        }
        return out;
    }

    public static List<String> governors(StateReader state) {
        return GovernanceStore.readOnly(state).governors();
    }

    public static Proposal proposal(StateReader state, String id) {
        return GovernanceStore.readOnly(state).proposal(id);
    }

    public static long proposalCount(StateReader state) {
        return GovernanceStore.readOnly(state).proposalCount();
    }
}
