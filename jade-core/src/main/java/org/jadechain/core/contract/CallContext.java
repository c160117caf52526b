package org.jadechain.core.contract;

import org.jadechain.core.crypto.Hash;

/**
 * What a running method sees. Everything here is a function of the block and the state before it, so
 * every node computes the same. Not thread-safe; valid only during the call.
 */
public interface CallContext {
    Caller caller();

    ChainInfo chain();

    long height();

    /** The block's timestamp (ms since the epoch): the only clock a contract has. */
    long timestamp();

    /** The transaction's hash, or the trigger's id. */
    Hash txHash();

    /** The contract's own namespace. */
    ContractState state();

    /** Read-only view of another contract's namespace. */
    ContractState read(String namespace);

    /** The organisations and their members. */
    Identities identities();

    void emit(String type, org.jadechain.core.model.Attribute... attributes);

    /**
     * The events emitted so far in this transaction or trigger, by every contract called in it, oldest first
     * (those of calls that failed are gone); an unmodifiable view, valid during the call. Lets a contract check
     * what another contract did earlier in the same transaction (e.g. a payment) without state written for it.
     */
    java.util.List<org.jadechain.core.model.Event> events();

    /** Adds a named value to the receipt's output (e.g. a new wallet's address). */
    void output(String name, String value);

    /**
     * Schedules {@code method} of this contract to run, as the ledger, at the start of the first block
     * whose timestamp is at or after {@code atTime}. Triggers run in (time, scheduling order).
     *
     * @return the trigger's sequence number
     */
    long schedule(long atTime, String method, byte[] args);

    /**
     * Calls a method of another contract within this transaction, as the same caller; its writes and
     * events join this call's and are undone with it.
     */
    void invoke(String contract, String method, byte[] args) throws ContractException;
}
