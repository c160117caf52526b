package org.jadechain.core.ledger;

/**
 * Told of each block after it is durably committed, in height order, on the ordering thread.
 * Must return quickly and must not throw.
 */
@FunctionalInterface
public interface CommitListener {
    void committed(CommittedBlock block);
}
