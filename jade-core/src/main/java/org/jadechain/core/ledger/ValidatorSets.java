package org.jadechain.core.ledger;

import java.util.List;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.state.StateReader;

/**
 * Which validators certify block {@code height}, as the ledger's state says (the governance contract keeps
 * the set's history there). Deterministic: a function of the state and the height only.
 */
@FunctionalInterface
public interface ValidatorSets {
    List<ValidatorInfo> at(StateReader state, long height);

    /** Always the genesis validators (a chain without governance). */
    static ValidatorSets genesis(Genesis genesis) {
        return (state, height) -> genesis.validators();
    }
}
