package org.jadechain.core.contract;

import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.genesis.Role;

/**
 * Who is calling: a transaction's signer (with the organisation and role the identity registry gives
 * its key, if any), or the ledger itself running a scheduled trigger.
 */
public record Caller(Address address, PublicKey publicKey, String organisation, Role role, boolean system) {

    public static Caller ledger() {
        return new Caller(null, null, null, null, true);
    }

    public boolean hasRole(Role r) {
        return !system && role == r;
    }

    public boolean isMember() {
        return !system && organisation != null;
    }

    public String describe() {
        if (system) {
            return "the ledger (scheduled trigger)";
        }
        return organisation != null ? organisation + " (" + role + ")" : "account " + address.hex();
    }
}
