package org.jadechain.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import org.jadechain.core.contract.BlockIndexer;
import org.jadechain.core.ledger.IndexReader;
import org.jadechain.core.model.Receipt;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The derived index of {@link RocksLedgerStore} (ADR 0011) in two column families: {@link RocksColumn#INDEX} holds
 * the {@link BlockIndexer}'s keys with empty values, {@link RocksColumn#INDEX_COUNT} its counters as 8-byte
 * little-endian values that RocksDB's {@code UInt64AddOperator} merges, so a commit adds to a counter without
 * reading it. Entries go into the block's own {@code WriteBatch}. Stateless: the store passes its current
 * database and handles to each call, under its own lifecycle lock.
 */
final class RocksIndex {
    private static final byte[] ONE = le64(1);
    private static final byte[] EMPTY = new byte[0];

    /** Entries per write while rebuilding. */
    private static final int REBUILD_BATCH = 10_000;

    private RocksIndex() {
    }

    /** Adds the indexer's entries for the block at {@code height} with these receipts to the batch. */
    static void write(BlockIndexer indexer, long height, List<Receipt> receipts, WriteBatch batch,
                      ColumnFamilyHandle keys, ColumnFamilyHandle counters) {
        SortedWrites lines = new SortedWrites(2 * receipts.size());
        SortedWrites increments = new SortedWrites(2 * receipts.size());
        indexer.index(height, receipts, new BlockIndexer.Sink() {
            @Override
            public void add(byte[] key) {
                lines.put(key, EMPTY);
            }

            @Override
            public void increment(byte[] key) {
                increments.merge(key, ONE);
            }
        });
        try {
            lines.addTo(batch, keys);
            increments.addTo(batch, counters);
        } catch (RocksDBException e) {
            throw new StorageException("cannot add the block's index entries to the commit batch: " + e.getMessage(), e);
        }
    }

    /**
     * Removes every key and counter of the index and writes it again from the receipts of blocks 0 to
     * {@code lastHeight} ({@code receipts} reads a block's receipts), so that the index is what the indexer
     * derives from those blocks whatever the database held before. Unsynced writes, then one synced write that
     * makes them all durable.
     */
    static void rebuild(RocksDB db, BlockIndexer indexer, long lastHeight, LongFunction<List<Receipt>> receipts,
                        ColumnFamilyHandle keys, ColumnFamilyHandle counters) throws RocksDBException {
        try (WriteOptions unsynced = new WriteOptions(); WriteOptions synced = new WriteOptions().setSync(true)) {
            for (ColumnFamilyHandle family : List.of(keys, counters)) {
                try (ChunkedBatch chunks = new ChunkedBatch(db, unsynced);
                     RocksIterator it = db.newIterator(family)) {
                    for (it.seekToFirst(); it.isValid(); it.next()) {
                        chunks.batch().delete(family, it.key());
                        chunks.flushIfFull();
                    }
                    it.status();
                    chunks.write(unsynced);
                }
            }
            try (ChunkedBatch chunks = new ChunkedBatch(db, unsynced)) {
                for (long h = 0; h <= lastHeight; h++) {
                    write(indexer, h, receipts.apply(h), chunks.batch(), keys, counters);
                    chunks.flushIfFull();
                }
                chunks.write(synced);
            }
        }
    }

    /** A write batch written (unsynced) and started again whenever it holds {@link #REBUILD_BATCH} records. */
    private static final class ChunkedBatch implements AutoCloseable {
        private final RocksDB db;
        private final WriteOptions unsynced;
        private WriteBatch batch = new WriteBatch();

        ChunkedBatch(RocksDB db, WriteOptions unsynced) {
            this.db = db;
            this.unsynced = unsynced;
        }

        WriteBatch batch() {
            return batch;
        }

        void flushIfFull() throws RocksDBException {
            if (batch.count() >= REBUILD_BATCH) {
                db.write(unsynced, batch);
                batch.close();
                batch = new WriteBatch();
            }
        }

        /** Writes what the batch holds with {@code options}. */
        void write(WriteOptions options) throws RocksDBException {
            db.write(options, batch);
        }

        @Override
        public void close() {
            batch.close();
        }
    }

    static long count(RocksDB db, ReadOptions read, ColumnFamilyHandle counters, byte[] key) throws RocksDBException {
        byte[] v = db.get(counters, read, key);
        return v == null ? 0 : decodeCount(key, v);
    }

    private static long decodeCount(byte[] key, byte[] v) {
        if (v.length != 8) {
            throw RocksCodec.corrupt(RocksColumn.INDEX_COUNT.familyName, key, "expected 8 bytes, found " + v.length);
        }
        long n = 0;
        for (int i = 7; i >= 0; i--) {
            n = (n << 8) | (v[i] & 0xff);
        }
        return n;
    }

    /** The counter and the page of keys, both on one snapshot. */
    static IndexReader.Page newestFirst(RocksDB db, ColumnFamilyHandle keys, ColumnFamilyHandle counters,
                                        byte[] counterKey, byte[] prefix, long skip, int limit) throws RocksDBException {
        Snapshot snapshot = db.getSnapshot();
        try (ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
            long total = count(db, read, counters, counterKey);
            List<byte[]> out = new ArrayList<>();
            try (RocksIterator it = db.newIterator(keys, read)) {
                byte[] after = successor(prefix);
                if (after == null) {
                    it.seekToLast();
                } else {
                    it.seekForPrev(after);
                }
                long skipped = 0;
                for (; it.isValid() && out.size() < limit; it.prev()) {
                    byte[] k = it.key();
                    if (Arrays.equals(k, after)) {
                        continue;
                    }
                    if (!startsWith(k, prefix)) {
                        break;
                    }
                    if (skipped < skip) {
                        skipped++;
                    } else {
                        out.add(k);
                    }
                }
                it.status();
            }
            return new IndexReader.Page(total, out);
        } finally {
            db.releaseSnapshot(snapshot);
        }
    }

    /** Every key, then every counter, on one snapshot. */
    static void scan(RocksDB db, ColumnFamilyHandle keys, ColumnFamilyHandle counters, IndexReader.Visitor visitor)
            throws RocksDBException {
        Snapshot snapshot = db.getSnapshot();
        try (ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
            try (RocksIterator it = db.newIterator(keys, read)) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    visitor.key(it.key());
                }
                it.status();
            }
            try (RocksIterator it = db.newIterator(counters, read)) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    visitor.counter(it.key(), decodeCount(it.key(), it.value()));
                }
                it.status();
            }
        } finally {
            db.releaseSnapshot(snapshot);
        }
    }

    /** The smallest key greater than every key starting with {@code prefix}, or null when there is none. */
    static byte[] successor(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xff) {
                byte[] s = Arrays.copyOf(prefix, i + 1);
                s[i]++;
                return s;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] k, byte[] prefix) {
        return k.length >= prefix.length && Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] le64(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }
}
