package org.jadechain.consensus.raft;

import java.io.IOException;
import java.nio.file.Path;
import org.jadechain.core.ledger.LedgerStore;

/**
 * What Raft snapshots need from the ledger store (ADR 0008): a consistent copy of it in a directory, a way to
 * read such a copy, and replacing the store's contents by one. The RocksDB store provides all three through
 * RocksDB checkpoints; without it (an in-memory store) a node takes no snapshots and keeps its whole log.
 *
 * <p>Calls come from Ratis's apply thread while no block is being applied; the ordering holds the ledger lock.
 */
public interface LedgerCheckpoints {
    /** Writes a copy of the store as of its last commit into {@code target}, which does not exist yet. */
    void checkpoint(Path target) throws IOException;

    /** Opens a copy read-only, e.g. to verify it before use; the caller closes it. */
    LedgerStore openCopy(Path copy) throws IOException;

    /**
     * Replaces the live store's contents by the copy (left in place), so that readers of the same store object
     * see the new chain and a crash in the middle leaves either the old or the new contents complete.
     */
    void replaceStore(Path copy) throws IOException;
}
