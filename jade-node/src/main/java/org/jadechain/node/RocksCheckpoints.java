package org.jadechain.node;

import java.nio.file.Path;
import org.jadechain.consensus.raft.LedgerCheckpoints;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.storage.RocksLedgerStore;

/** The node's RocksDB ledger store as Raft snapshots need it (ADR 0008): checkpoints, read-only copies, swaps. */
final class RocksCheckpoints implements LedgerCheckpoints {
    private final RocksLedgerStore store;
    private final CryptoSuite suite;

    RocksCheckpoints(RocksLedgerStore store, CryptoSuite suite) {
        this.store = store;
        this.suite = suite;
    }

    @Override
    public void checkpoint(Path target) {
        store.checkpoint(target);
    }

    @Override
    public LedgerStore openCopy(Path copy) {
        return RocksLedgerStore.open(copy, suite, RocksLedgerStore.Mode.VERIFY, SystemContracts.registry().indexer());
    }

    @Override
    public void replaceStore(Path copy) {
        store.replaceWith(copy);
    }
}
