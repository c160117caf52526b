package org.jadechain.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import org.jadechain.core.contract.BlockIndexer;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.ledger.BlockCommit;
import org.jadechain.core.ledger.IndexReader;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.ledger.TxLocation;
import org.jadechain.core.state.Bytes;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateTree;

/**
 * A {@link LedgerStore} in the heap, for tests and tools; nothing survives the process.
 *
 * <p>Threading: a read-write lock makes each commit atomic for every reader; any number of readers run
 * concurrently with one committing thread. {@link #scanBucket} copies the bucket under the lock and
 * calls the visitor after releasing it, so a visitor may call back into the store.
 *
 * <p>Commits are copied on the way in and blocks on the way out; {@link #get} returns the stored array,
 * which callers must not modify. After {@link #close()} every call but {@code close} throws
 * {@link IllegalStateException}.
 */
public final class InMemoryLedgerStore implements LedgerStore {
    private final CryptoSuite suite;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<Long, StoredBlock> blocks = new TreeMap<>();
    private final Map<Hash, Long> heights = new HashMap<>();
    private final Map<Hash, TxLocation> locations = new HashMap<>();
    private final Map<Bytes, byte[]> values = new HashMap<>();
    private final Map<Integer, TreeMap<Bytes, byte[]>> buckets = new HashMap<>();
    private final Hash[] bucketHashes;
    private final BlockIndexer indexer;
    private final TreeMap<Bytes, Boolean> indexKeys = new TreeMap<>();
    private final TreeMap<Bytes, Long> indexCounters = new TreeMap<>();
    private long lastHeight = -1;
    private boolean closed;

    /** An empty store for a chain using that suite, which decides the bucket of each key. */
    public InMemoryLedgerStore(CryptoSuite suite) {
        this(suite, BlockIndexer.NONE);
    }

    /** An empty store that keeps {@code indexer}'s derived index with every commit (ADR 0011). */
    public InMemoryLedgerStore(CryptoSuite suite, BlockIndexer indexer) {
        this.suite = suite;
        this.indexer = indexer;
        this.bucketHashes = StateTree.emptyBuckets(suite);
    }

    @Override
    public long lastHeight() {
        Lock l = readLock();
        try {
            return lastHeight;
        } finally {
            l.unlock();
        }
    }

    @Override
    public StoredBlock block(long height) {
        Lock l = readLock();
        try {
            StoredBlock b = blocks.get(height);
            return b == null ? null : copy(b);
        } finally {
            l.unlock();
        }
    }

    @Override
    public Long heightOf(Hash blockHash) {
        Lock l = readLock();
        try {
            return heights.get(blockHash);
        } finally {
            l.unlock();
        }
    }

    @Override
    public TxLocation locate(Hash txHash) {
        Lock l = readLock();
        try {
            return locations.get(txHash);
        } finally {
            l.unlock();
        }
    }

    @Override
    public byte[] get(byte[] fullKey) {
        Lock l = readLock();
        try {
            return values.get(Bytes.wrap(fullKey));
        } finally {
            l.unlock();
        }
    }

    @Override
    public void scanBucket(int bucket, BiConsumer<byte[], byte[]> visitor) {
        CommitChecks.checkBucket(bucket);
        List<Map.Entry<Bytes, byte[]>> entries;
        Lock l = readLock();
        try {
            TreeMap<Bytes, byte[]> b = buckets.get(bucket);
            entries = b == null ? List.of() : new ArrayList<>(b.entrySet());
        } finally {
            l.unlock();
        }
        for (Map.Entry<Bytes, byte[]> e : entries) {
            visitor.accept(e.getKey().toArray(), e.getValue());
        }
    }

    @Override
    public Hash[] bucketHashes() {
        Lock l = readLock();
        try {
            return bucketHashes.clone();
        } finally {
            l.unlock();
        }
    }

    /**
     * Installs the whole commit under the write lock.
     *
     * @throws IllegalArgumentException when the commit is not for {@code lastHeight() + 1} or is malformed
     */
    @Override
    public void commit(BlockCommit c) {
        lock.writeLock().lock();
        try {
            requireOpen();
            CommitChecks.check(c, lastHeight);
            List<Bytes> newKeys = new ArrayList<>();
            List<Bytes> increments = new ArrayList<>();
            indexer.index(c.height(), c.receipts(), new BlockIndexer.Sink() {
                @Override
                public void add(byte[] key) {
                    newKeys.add(Bytes.copyOf(key));
                }

                @Override
                public void increment(byte[] key) {
                    increments.add(Bytes.copyOf(key));
                }
            });
            long h = c.height();
            blocks.put(h, copy(new StoredBlock(h, c.blockBytes(), c.receiptBytes(), c.certificateBytes())));
            heights.put(c.blockHash(), h);
            for (int i = 0; i < c.txHashes().size(); i++) {
                locations.put(c.txHashes().get(i), new TxLocation(h, i));
            }
            for (Map.Entry<Bytes, byte[]> e : c.stateChanges().entrySet()) {
                write(e.getKey(), e.getValue());
            }
            for (Map.Entry<Integer, Hash> e : c.bucketHashes().entrySet()) {
                bucketHashes[e.getKey()] = e.getValue();
            }
            for (Bytes k : newKeys) {
                indexKeys.put(k, Boolean.TRUE);
            }
            for (Bytes k : increments) {
                indexCounters.merge(k, 1L, Long::sum);
            }
            lastHeight = h;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void write(Bytes key, byte[] value) {
        Bytes k = Bytes.copyOf(key.unsafeArray());
        int bucket = StateKeys.bucketOf(suite, k.unsafeArray());
        if (value == null) {
            values.remove(k);
            TreeMap<Bytes, byte[]> b = buckets.get(bucket);
            if (b != null) {
                b.remove(k);
                if (b.isEmpty()) {
                    buckets.remove(bucket);
                }
            }
        } else {
            byte[] v = value.clone();
            values.put(k, v);
            buckets.computeIfAbsent(bucket, x -> new TreeMap<>()).put(k, v);
        }
    }

    /** The derived index; each call reads under the read lock, so it sees whole commits. */
    @Override
    public IndexReader index() {
        return new IndexReader() {
            @Override
            public long count(byte[] counterKey) {
                Lock l = readLock();
                try {
                    return indexCounters.getOrDefault(Bytes.wrap(counterKey), 0L);
                } finally {
                    l.unlock();
                }
            }

            @Override
            public Page newestFirst(byte[] counterKey, byte[] prefix, long skip, int limit) {
                Lock l = readLock();
                try {
                    long total = indexCounters.getOrDefault(Bytes.wrap(counterKey), 0L);
                    List<byte[]> page = new ArrayList<>();
                    long skipped = 0;
                    byte[] after = RocksIndex.successor(prefix);
                    java.util.NavigableMap<Bytes, Boolean> range = after == null
                            ? indexKeys.tailMap(Bytes.wrap(prefix), true)
                            : indexKeys.subMap(Bytes.wrap(prefix), true, Bytes.wrap(after), false);
                    for (Bytes k : range.descendingKeySet()) {
                        if (page.size() >= limit) {
                            break;
                        }
                        if (skipped < skip) {
                            skipped++;
                        } else {
                            page.add(k.toArray());
                        }
                    }
                    return new Page(total, page);
                } finally {
                    l.unlock();
                }
            }

            @Override
            public void scan(Visitor visitor) {
                List<Bytes> keys;
                List<Map.Entry<Bytes, Long>> counters;
                Lock l = readLock();
                try {
                    keys = new ArrayList<>(indexKeys.keySet());
                    counters = new ArrayList<>(indexCounters.entrySet());
                } finally {
                    l.unlock();
                }
                for (Bytes k : keys) {
                    visitor.key(k.toArray());
                }
                for (Map.Entry<Bytes, Long> e : counters) {
                    visitor.counter(e.getKey().toArray(), e.getValue());
                }
            }
        };
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            closed = true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Lock readLock() {
        Lock l = lock.readLock();
        l.lock();
        if (closed) {
            l.unlock();
            throw new IllegalStateException("ledger store is closed");
        }
        return l;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("ledger store is closed");
        }
    }

    private static StoredBlock copy(StoredBlock b) {
        List<byte[]> receipts = new ArrayList<>(b.receiptBytes().size());
        for (byte[] r : b.receiptBytes()) {
            receipts.add(r.clone());
        }
        return new StoredBlock(b.height(), b.blockBytes().clone(), receipts, b.certificateBytes().clone());
    }
}
