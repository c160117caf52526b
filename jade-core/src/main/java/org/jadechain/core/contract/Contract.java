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
}
