package org.jadechain.storage;

import java.util.NavigableMap;
import java.util.TreeMap;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.ledger.BlockCommit;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.state.Bytes;
import org.jadechain.core.state.StateTree;

/**
 * Commits blocks the way the ledger does: bucket hashes come from {@link StateTree#preview} against the
 * store itself, and a plain map mirrors the state the store should hold.
 */
final class ChainWriter {
    private final LedgerStore store;
    private final StateTree tree;
    private final TreeMap<Bytes, byte[]> model;

    ChainWriter(LedgerStore store) {
        this(store, new TreeMap<>());
    }

    /** Continues a chain whose state is {@code model}, e.g. after reopening the store. */
    ChainWriter(LedgerStore store, NavigableMap<Bytes, byte[]> model) {
        this.store = store;
        this.tree = new StateTree(TestBlocks.SUITE, store.bucketHashes());
        this.model = new TreeMap<>(model);
    }

    BlockCommit commit(int txs, NavigableMap<Bytes, byte[]> changes) {
        return commit(txs, 64, changes);
    }

    BlockCommit commit(int txs, int blockSize, NavigableMap<Bytes, byte[]> changes) {
        StateTree.Update update = tree.preview(store, changes);
        BlockCommit c = TestBlocks.commit(store.lastHeight() + 1, txs, blockSize, changes, update.bucketHashes());
        store.commit(c);
        tree.apply(update);
        changes.forEach((k, v) -> {
            if (v == null) {
                model.remove(k);
            } else {
                model.put(k, v);
            }
        });
        return c;
    }

    Hash root() {
        return tree.root();
    }

    NavigableMap<Bytes, byte[]> model() {
        return model;
    }

    static NavigableMap<Bytes, byte[]> changes(Object... keysAndValues) {
        TreeMap<Bytes, byte[]> out = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            out.put(TestBlocks.key((String) keysAndValues[i]), v == null ? null : TestBlocks.utf8((String) v));
        }
        return out;
    }
}
