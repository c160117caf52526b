package org.jadechain.node.query;

import java.util.List;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.ledger.TxLocation;
import org.jadechain.core.model.Block;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.Transaction;

/**
 * Read-side lookups over the committed chain. A block's receipts are its triggers' receipts followed by
 * one per transaction, so transaction i's receipt is at {@code receipts - txCount + i}. Thread-safe.
 */
public final class ChainQueries {
    private static final int CACHED_BLOCKS = 32;

    private final LedgerStore store;
    /** Committed blocks never change, so decoded ones are kept for repeated look-ups (access order). */
    private final java.util.LinkedHashMap<Long, DecodedBlock> cache = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Long, DecodedBlock> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    public ChainQueries(LedgerStore store) {
        this.store = store;
    }

    /** A committed transaction with its block and receipt. */
    public record CommittedTx(Block block, StoredBlock stored, int index, int receiptIndex, Transaction tx,
                              Receipt receipt, List<Receipt> receipts) {
    }

    /** A decoded block, or null when there is none at that height. */
    public DecodedBlock block(long height) {
        synchronized (cache) {
            DecodedBlock cached = cache.get(height);
            if (cached != null) {
                return cached;
            }
        }
        StoredBlock s = store.block(height);
        if (s == null) {
            return null;
        }
        try {
            DecodedBlock d = new DecodedBlock(s, s.block(), s.receipts());
            synchronized (cache) {
                cache.put(height, d);
            }
            return d;
        } catch (DecodeException e) {
            throw new IllegalStateException("stored block " + height + " does not decode: " + e.getMessage(), e);
        }
    }

    public record DecodedBlock(StoredBlock stored, Block block, List<Receipt> receipts) {
        public int triggerCount() {
            return receipts.size() - block.transactions().size();
        }
    }

    public CommittedTx transaction(Hash txHash) {
        TxLocation loc = store.locate(txHash);
        if (loc == null) {
            return null;
        }
        DecodedBlock b = block(loc.height());
        if (b == null || loc.index() >= b.block().transactions().size()) {
            throw new IllegalStateException("transaction index points at a missing block or position: " + loc);
        }
        int ri = b.triggerCount() + loc.index();
        return new CommittedTx(b.block(), b.stored(), loc.index(), ri, b.block().transactions().get(loc.index()),
                b.receipts().get(ri), b.receipts());
    }
}
