package org.jadechain.core.ledger;

import org.jadechain.core.crypto.Hash;
import org.jadechain.core.state.StateStore;

/**
 * Durable storage of the chain and its state. Implementations: RocksDB and in memory (jade-storage),
 * both checked by one abstract test suite.
 *
 * <p>Contract: {@link #commit} is atomic and durable when it returns — after a crash at any moment
 * the store holds either everything of a block or nothing of it, and {@link #lastHeight()} names the
 * last block whose commit returned (or a later one whose write completed). Reads may run concurrently
 * with each other and with one committing thread; a reader sees each commit entirely or not at all
 * for {@link #lastHeight()}, blocks, state and the index.
 *
 * <p>A store may keep a derived, non-consensus index (see {@link org.jadechain.core.contract.BlockIndexer}), written with each block in the
 * same atomic commit and read through {@link #index()}.
 */
public interface LedgerStore extends StateStore, AutoCloseable {
    /** The height of the last committed block, or -1 when the store is empty. */
    long lastHeight();

    /** The block at that height, or null. */
    StoredBlock block(long height);

    /** The height of the block with that header hash, or null. */
    Long heightOf(Hash blockHash);

    /** Where the transaction with that hash was committed, or null. */
    TxLocation locate(Hash txHash);

    void commit(BlockCommit commit);

    /** The store's derived index; {@link IndexReader#EMPTY} for a store that keeps none. */
    default IndexReader index() {
        return IndexReader.EMPTY;
    }

    @Override
    void close();
}
