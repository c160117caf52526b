package org.jadechain.core.contract;

import java.util.List;
import org.jadechain.core.model.Receipt;

/**
 * Derives a non-consensus index from each committed block — e.g. a wallet's history from the currency's events —
 * which the {@link org.jadechain.core.ledger.LedgerStore} writes in the same atomic step as the block, so the index is never behind or
 * ahead of the chain. The index is not part of the state root: anything in it can be derived again from the
 * blocks and receipts, and {@code jade verify} does so to check it.
 *
 * <p>An index holds keys (with empty values) and counters. Keys should be compact and sort so that the prefix
 * scans their reader needs are contiguous (see {@link org.jadechain.core.ledger.IndexReader#newestFirst}); every index key and counter key
 * begins with a tag byte of its own, so that several indexers can share one store.
 *
 * <p>Contract: {@link #index} is a pure function of its arguments (no clock, no I/O), runs on the committing
 * thread inside the store's commit, and must not fail on any block the ledger produced; an exception fails the
 * commit.
 */
public interface BlockIndexer {
    /** Writes nothing. */
    BlockIndexer NONE = (height, receipts, out) -> { };

    /** Where {@link #index} puts one block's entries. */
    interface Sink {
        /** Adds an index key (its value is empty). */
        void add(byte[] key);

        /** Adds one to the counter under {@code key} (a counter that does not exist counts 0). */
        void increment(byte[] key);
    }

    /** Adds the entries of the block at {@code height}, whose receipts (in block order) are {@code receipts}. */
    void index(long height, List<Receipt> receipts, Sink out);

    /** Runs each indexer in turn; they must use distinct tag bytes. */
    static BlockIndexer all(List<BlockIndexer> indexers) {
        List<BlockIndexer> copy = List.copyOf(indexers);
        return (height, receipts, out) -> {
            for (BlockIndexer i : copy) {
                i.index(height, receipts, out);
            }
        };
    }
}
