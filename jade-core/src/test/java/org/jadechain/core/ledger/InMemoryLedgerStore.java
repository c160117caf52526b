package org.jadechain.core.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.state.Bytes;
import org.jadechain.core.state.MapStateStore;

/** A {@link LedgerStore} in maps, for tests of the ledger alone; single-threaded. */
public final class InMemoryLedgerStore implements LedgerStore {
    private final MapStateStore state;
    private final TreeMap<Long, StoredBlock> blocks = new TreeMap<>();
    private final Map<Hash, Long> heights = new HashMap<>();
    private final Map<Hash, TxLocation> locations = new HashMap<>();

    public InMemoryLedgerStore(CryptoSuite suite) {
        this.state = new MapStateStore(suite);
    }

    @Override
    public long lastHeight() {
        return blocks.isEmpty() ? -1 : blocks.lastKey();
    }

    @Override
    public StoredBlock block(long height) {
        return blocks.get(height);
    }

    @Override
    public Long heightOf(Hash blockHash) {
        return heights.get(blockHash);
    }

    @Override
    public TxLocation locate(Hash txHash) {
        return locations.get(txHash);
    }

    @Override
    public void commit(BlockCommit c) {
        if (c.height() != lastHeight() + 1) {
            throw new IllegalStateException("commit of block " + c.height() + " after " + lastHeight());
        }
        List<byte[]> receipts = new ArrayList<>();
        for (byte[] r : c.receiptBytes()) {
            receipts.add(r.clone());
        }
        blocks.put(c.height(), new StoredBlock(c.height(), c.blockBytes().clone(), receipts, c.certificateBytes().clone()));
        heights.put(c.blockHash(), c.height());
        for (int i = 0; i < c.txHashes().size(); i++) {
            locations.putIfAbsent(c.txHashes().get(i), new TxLocation(c.height(), i));
        }
        state.commit(c.stateChanges(), c.bucketHashes());
    }

    @Override
    public byte[] get(byte[] fullKey) {
        return state.get(fullKey);
    }

    @Override
    public void scanBucket(int bucket, BiConsumer<byte[], byte[]> visitor) {
        state.scanBucket(bucket, visitor);
    }

    @Override
    public Hash[] bucketHashes() {
        return state.bucketHashes();
    }

    /** Every state entry, in key order. */
    public NavigableMap<Bytes, byte[]> entries() {
        return state.entries();
    }

    @Override
    public void close() {
    }
}
