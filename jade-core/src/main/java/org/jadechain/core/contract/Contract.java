package org.jadechain.core.contract;

import java.util.SortedMap;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.state.StateOverlay;

/**
 * A system contract: a named set of methods over its own state namespace (the contract's name).
 * Implementations must be deterministic: no clock (use {@link CallContext#timestamp()}), no randomness,
 * no I/O, no iteration over unordered collections, no floating point.
 */
public interface Contract {
    /** The contract's name; also its state namespace. */
    String name();

    /** The methods by name. */
    SortedMap<String, Method> methods();

    /** Writes the contract's initial state from the genesis document (block 0). */
    default void initialise(Genesis genesis, StateOverlay state) {
    }

    /**
     * The contract's invariants over a whole state (e.g. "the supply adds up"), checked after every block
     * by tests and by {@code jade verify}. Returns the violations, empty when all hold. Read-only.
     */
    default java.util.List<String> checkInvariants(org.jadechain.core.state.StateReader state) {
        return java.util.List.of();
    }

    /**
     * The contract's derived, non-consensus index, which the ledger store builds from each committed block's
     * receipts (e.g. the currency's wallet history, ADR 0011); {@link BlockIndexer#NONE} when it keeps none.
     */
    default BlockIndexer indexer() {
        return BlockIndexer.NONE;
    }
}
