package org.jadechain.core.ledger;

import java.util.List;
import org.jadechain.core.exec.CheckedTransaction;

/** Where an orderer takes the next block's transactions from (the node's mempool). Thread-safe. */
public interface TransactionSource {
    /** Number of transactions ready to be proposed. */
    int ready();

    /** Ledger time (ms) at which the oldest ready transaction arrived, or -1 when none is ready. */
    long oldestArrival();

    /**
     * Up to {@code max} ready transactions in proposal order, already checked (signatures verified).
     * They stay reserved until {@link CommitListener} reports them committed.
     */
    List<CheckedTransaction> take(int max);

    /** Blocks until a transaction is ready or the timeout passes; returns early on interrupt. */
    void awaitReady(long timeoutMillis) throws InterruptedException;

    /**
     * Blocks until at least {@code count} transactions are ready or the timeout passes; returns early on
     * interrupt. An orderer holding fewer transactions than make a full block waits here for the block to
     * fill or its deadline, instead of polling.
     */
    void awaitReady(int count, long timeoutMillis) throws InterruptedException;
}
