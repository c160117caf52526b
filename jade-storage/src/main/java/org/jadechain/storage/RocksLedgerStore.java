package org.jadechain.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.contract.BlockIndexer;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.ledger.BlockCommit;
import org.jadechain.core.ledger.IndexReader;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.ledger.TxLocation;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.state.Bytes;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateTree;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;
import org.rocksdb.WriteBatch;

/**
 * A {@link LedgerStore} in RocksDB, one column family per kind of record (see {@link RocksColumn}).
 * State keys are stored as {@code u16 bucket || full key}, so a bucket is one contiguous key range.
 *
 * <p>Durability: {@link #commit} writes the block, receipts, certificate, indexes, state changes, bucket
 * hashes, last height and the derived index's entries ({@link BlockIndexer}) in one {@code WriteBatch} with a
 * synced write-ahead log; when it returns the block survives a crash or power loss, and a crash during it leaves all of the block or none.
 *
 * <p>Threading: reads run concurrently with each other and with one committing thread (commits are
 * serialised in any case). {@link #lastHeight()} and {@link #bucketHashes()} change only after the
 * batch is written, so {@code block(lastHeight())} is never null; point reads of state may already see
 * the commit in progress, but never part of it. {@link #close()} waits for calls in progress; any later
 * call throws {@link IllegalStateException}.
 *
 * <p>Failures: RocksDB reporting corruption, and stored values that do not decode, throw
 * {@link StorageCorruptionException}; other RocksDB errors throw {@link StorageException}. After a
 * failed commit the store refuses commits until reopened.
 *
 * <p>Checkpoints (Raft snapshots, ADR 0008): {@link #checkpoint} writes a consistent copy of the store as of
 * its last commit; {@link #replaceWith} swaps the store's contents for such a copy while the store stays the
 * same object, so that a crash at any moment leaves either the old or the new database complete in {@code dir}
 * once {@link #open} has run again.
 */
public final class RocksLedgerStore implements LedgerStore {
    static {
        RocksDB.loadLibrary();
    }

    /** How a directory is opened. */
    public enum Mode {
        /**
         * A running node: creates the database if missing; at open, a torn record at the tail of the
         * write-ahead log (a commit that never returned) is dropped, and any other damage is an error.
         */
        NODE,
        /**
         * Auditing a copy that may have been tampered with: opened read-only, nothing is written to the
         * directory, any damaged log record fails the open, and {@link #verifyChecksums()} is available.
         */
        VERIFY
    }

    private final Path dir;
    private final CryptoSuite suite;
    private final Mode mode;
    private final BlockIndexer indexer;
    /** Replaced by {@link #replaceWith} under the lifecycle write lock; read under its read lock. */
    private RocksTuning tuning;
    private RocksDB db;
    private List<ColumnFamilyHandle> handles;
    private final Hash emptyBucketHash;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final ReentrantLock commitLock = new ReentrantLock();
    private volatile long lastHeight;
    private volatile Hash[] bucketHashes;
    private boolean closed;
    private boolean commitFailed;

    private RocksLedgerStore(Path dir, CryptoSuite suite, Mode mode, BlockIndexer indexer, RocksTuning tuning,
                             RocksDB db, List<ColumnFamilyHandle> handles) throws RocksDBException {
        this.dir = dir;
        this.suite = suite;
        this.mode = mode;
        this.indexer = indexer;
        this.tuning = tuning;
        this.db = db;
        this.handles = handles;
        this.emptyBucketHash = StateTree.emptyBucketHash(suite);
        this.bucketHashes = loadBucketHashes();
        this.lastHeight = loadLastHeight();
    }

    /**
     * Opens (in {@link Mode#NODE}, creating if needed) the store in that directory.
     *
     * @param suite the chain's crypto suite, which decides the bucket of each state key
     * @throws StorageCorruptionException when RocksDB finds the database damaged, or its metadata does not decode
     * @throws StorageException           on any other failure, e.g. no database in VERIFY mode, or locked by another process
     */
    public static RocksLedgerStore open(Path dir, CryptoSuite suite, Mode mode) {
        return open(dir, suite, mode, BlockIndexer.NONE);
    }

    /**
     * Opens the store, keeping {@code indexer}'s derived index with every commit (ADR 0011). The index of blocks
     * committed earlier without that indexer is not built again here.
     *
     * @throws StorageCorruptionException as {@link #open(Path, CryptoSuite, Mode)}
     * @throws StorageException           as {@link #open(Path, CryptoSuite, Mode)}
     */
    public static RocksLedgerStore open(Path dir, CryptoSuite suite, Mode mode, BlockIndexer indexer) {
        Path absolute = dir.toAbsolutePath();
        RocksTuning tuning = new RocksTuning(mode);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        RocksDB db = null;
        try {
            if (mode == Mode.NODE) {
                StoreDirectories.finishInterruptedReplace(absolute);
                Files.createDirectories(absolute);
                db = RocksDB.open(tuning.dbOptions(), absolute.toString(), tuning.descriptors(), handles);
            } else {
                if (!Files.isDirectory(absolute)) {
                    throw new StorageException("no ledger database at " + absolute);
                }
                db = RocksDB.openReadOnly(tuning.dbOptions(), absolute.toString(), tuning.descriptors(), handles, false);
            }
            return new RocksLedgerStore(absolute, suite, mode, indexer, tuning, db, handles);
        } catch (IOException | RocksDBException | RuntimeException e) {
            List<String> reports = tuning.corruptionReports();
            release(handles, db, tuning);
            if (e instanceof RocksDBException r) {
                throw translate("cannot open ledger database at " + absolute, r, reports);
            }
            if (e instanceof IOException io) {
                throw new StorageException("cannot create " + absolute + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    public Path directory() {
        return dir;
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public long lastHeight() {
        return call(() -> lastHeight);
    }

    @Override
    public StoredBlock block(long height) {
        if (height < 0) {
            return null;
        }
        return call(() -> {
            byte[] key = RocksCodec.u64(height);
            byte[] block = db.get(handle(RocksColumn.BLOCKS), key);
            if (block == null) {
                return null;
            }
            byte[] receipts = require(RocksColumn.RECEIPTS, key);
            byte[] cert = require(RocksColumn.CERTS, key);
            return new StoredBlock(height, block, RocksCodec.readReceipts(RocksColumn.RECEIPTS.familyName, key, receipts), cert);
        });
    }

    @Override
    public Long heightOf(Hash blockHash) {
        return call(() -> {
            byte[] key = blockHash.unsafeBytes();
            byte[] v = db.get(handle(RocksColumn.BLOCK_INDEX), key);
            return v == null ? null : RocksCodec.readU64(RocksColumn.BLOCK_INDEX.familyName, key, v);
        });
    }

    @Override
    public TxLocation locate(Hash txHash) {
        return call(() -> {
            byte[] key = txHash.unsafeBytes();
            byte[] v = db.get(handle(RocksColumn.TX_INDEX), key);
            return v == null ? null : RocksCodec.readTxLocation(RocksColumn.TX_INDEX.familyName, key, v);
        });
    }

    @Override
    public byte[] get(byte[] fullKey) {
        byte[] key = RocksCodec.stateKey(StateKeys.bucketOf(suite, fullKey), fullKey);
        return call(() -> db.get(handle(RocksColumn.STATE), key));
    }

    /** Iterates one bucket's key range on an implicit snapshot, so the visit sees a single commit. */
    @Override
    public void scanBucket(int bucket, BiConsumer<byte[], byte[]> visitor) {
        CommitChecks.checkBucket(bucket);
        byte[] prefix = RocksCodec.u16(bucket);
        call(() -> {
            try (RocksIterator it = db.newIterator(handle(RocksColumn.STATE))) {
                for (it.seek(prefix); it.isValid(); it.next()) {
                    byte[] k = it.key();
                    if (k.length < 2 || k[0] != prefix[0] || k[1] != prefix[1]) {
                        break;
                    }
                    visitor.accept(Arrays.copyOfRange(k, 2, k.length), it.value());
                }
                it.status();
            }
            return null;
        });
    }

    @Override
    public Hash[] bucketHashes() {
        return call(() -> bucketHashes.clone());
    }

    /**
     * Writes the whole commit in one synced batch.
     *
     * @throws IllegalArgumentException when the commit is not for {@code lastHeight() + 1} or is malformed
     * @throws IllegalStateException    in {@link Mode#VERIFY}, after a failed commit, or after close
     * @throws StorageException         when the write fails; whether it reached the disk is settled by reopening
     */
    @Override
    public void commit(BlockCommit c) {
        requireWritable();
        call(() -> {
            commitLock.lock();
            try {
                if (commitFailed) {
                    throw new IllegalStateException("an earlier commit failed; reopen the ledger store");
                }
                CommitChecks.check(c, lastHeight);
                Hash[] next = bucketHashes.clone();
                try (WriteBatch batch = batch(c, next)) {
                    try {
                        db.write(tuning.syncWrites(), batch);
                    } catch (RocksDBException e) {
                        commitFailed = true;
                        throw e;
                    }
                }
                bucketHashes = next;
                lastHeight = c.height();
                return null;
            } finally {
                commitLock.unlock();
            }
        });
    }

    private WriteBatch batch(BlockCommit c, Hash[] nextBuckets) throws RocksDBException {
        byte[] height = RocksCodec.u64(c.height());
        WriteBatch b = new WriteBatch();
        try {
            b.put(handle(RocksColumn.BLOCKS), height, c.blockBytes());
            b.put(handle(RocksColumn.RECEIPTS), height, RocksCodec.receipts(c.receiptBytes()));
            b.put(handle(RocksColumn.CERTS), height, c.certificateBytes());
            b.put(handle(RocksColumn.BLOCK_INDEX), c.blockHash().unsafeBytes(), height);
            SortedWrites txIndex = new SortedWrites(c.txHashes().size());
            for (int i = 0; i < c.txHashes().size(); i++) {
                txIndex.put(c.txHashes().get(i).unsafeBytes(), RocksCodec.txLocation(c.height(), i));
            }
            txIndex.addTo(b, handle(RocksColumn.TX_INDEX));
            SortedWrites state = new SortedWrites(c.stateChanges().size());
            for (Map.Entry<Bytes, byte[]> e : c.stateChanges().entrySet()) {
                byte[] fullKey = e.getKey().unsafeArray();
                byte[] key = RocksCodec.stateKey(StateKeys.bucketOf(suite, fullKey), fullKey);
                if (e.getValue() == null) {
                    state.delete(key);
                } else {
                    state.put(key, e.getValue());
                }
            }
            state.addTo(b, handle(RocksColumn.STATE));
            ColumnFamilyHandle buckets = handle(RocksColumn.BUCKETS);
            for (Map.Entry<Integer, Hash> e : c.bucketHashes().entrySet()) {
                if (e.getValue().equals(emptyBucketHash)) {
                    b.delete(buckets, RocksCodec.u16(e.getKey()));
                } else {
                    b.put(buckets, RocksCodec.u16(e.getKey()), e.getValue().unsafeBytes());
                }
                nextBuckets[e.getKey()] = e.getValue();
            }
            b.put(handle(RocksColumn.META), RocksColumn.LAST_HEIGHT, height);
            RocksIndex.write(indexer, c.height(), c.receipts(), b, handle(RocksColumn.INDEX),
                    handle(RocksColumn.INDEX_COUNT));
            return b;
        } catch (RocksDBException | RuntimeException e) {
            b.close();
            throw e;
        }
    }

    /**
     * Writes the derived index again from the stored blocks' receipts, dropping whatever it held (see
     * {@link RocksIndex#rebuild}). The caller must make sure no commit races with it.
     *
     * @throws StorageException when a stored receipt does not decode or the database fails
     */
    public void rebuildIndex() {
        requireWritable();
        call(() -> {
            RocksIndex.rebuild(db, indexer, lastHeight, this::storedReceipts, handle(RocksColumn.INDEX),
                    handle(RocksColumn.INDEX_COUNT));
            return null;
        });
    }

    private List<Receipt> storedReceipts(long height) {
        StoredBlock b = block(height);
        if (b == null) {
            throw new StorageException("block " + height + " is missing; cannot index it");
        }
        try {
            return b.receipts();
        } catch (DecodeException e) {
            throw new StorageException("a receipt of block " + height + " does not decode: " + e.getMessage(), e);
        }
    }

    /** The derived index, read on a snapshot per call (see {@link RocksIndex}). */
    @Override
    public IndexReader index() {
        return new IndexReader() {
            @Override
            public long count(byte[] counterKey) {
                return call(() -> RocksIndex.count(db, DEFAULT_READ, handle(RocksColumn.INDEX_COUNT), counterKey));
            }

            @Override
            public Page newestFirst(byte[] counterKey, byte[] prefix, long skip, int limit) {
                return call(() -> RocksIndex.newestFirst(db, handle(RocksColumn.INDEX), handle(RocksColumn.INDEX_COUNT),
                        counterKey, prefix, skip, limit));
            }

            @Override
            public void scan(Visitor visitor) {
                call(() -> {
                    RocksIndex.scan(db, handle(RocksColumn.INDEX), handle(RocksColumn.INDEX_COUNT), visitor);
                    return null;
                });
            }
        };
    }

    /**
     * Writes a consistent copy of the store as of its last completed commit into {@code target}, which must
     * not exist (RocksDB's {@code Checkpoint}: table files are hard-linked when on the same file system).
     * Commits wait while it runs.
     *
     * @throws StorageException when RocksDB cannot write it
     */
    public void checkpoint(Path target) {
        Path absolute = target.toAbsolutePath();
        call(() -> {
            commitLock.lock();
            try (Checkpoint cp = Checkpoint.create(db)) {
                cp.createCheckpoint(absolute.toString());
                return null;
            } finally {
                commitLock.unlock();
            }
        });
    }

    /**
     * Replaces this store's whole contents by the checkpoint in {@code source} (which stays as it is: its table
     * files are hard-linked, the other files copied). Calls in progress finish first and later calls see the new
     * contents; the caller must make sure no commit races with it. The copy is prepared and synced beside
     * {@code dir} as {@code dir.incoming}, where this store's derived index is built again from the copy's own
     * receipts (a checkpoint from elsewhere is checked block by block, but its index is not: it is not
     * certified, so it is never taken as it came; ADR 0011), then {@code dir} is renamed to {@code dir.old}, the
     * copy to {@code dir}, and the old contents deleted; {@link #open} completes or undoes an interrupted swap, so
     * after a crash {@code dir} holds either the old or the new database, each complete.
     *
     * @throws StorageException when the copy or the swap fails; if the new database cannot be opened the
     *     store is closed
     */
    public void replaceWith(Path source) {
        requireWritable();
        Path incoming = StoreDirectories.incoming(dir);
        Path old = StoreDirectories.old(dir);
        try {
            StoreDirectories.deleteTree(incoming);
            StoreDirectories.copyCheckpoint(source.toAbsolutePath(), incoming);
            if (indexer != BlockIndexer.NONE) {
                try (RocksLedgerStore copy = open(incoming, suite, Mode.NODE, indexer)) {
                    copy.rebuildIndex();
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot prepare " + incoming + " from " + source + ": " + e.getMessage(), e);
        }
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("ledger store at " + dir + " is closed");
            }
            release(handles, db, tuning);
            closed = true;
            try {
                StoreDirectories.deleteTree(old);
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(incoming, dir, StandardCopyOption.ATOMIC_MOVE);
                StoreDirectories.syncDirectory(dir.getParent());
            } catch (IOException e) {
                throw new StorageException("cannot swap " + incoming + " into " + dir + " (reopen to recover): " + e.getMessage(), e);
            }
            RocksTuning t = new RocksTuning(mode);
            List<ColumnFamilyHandle> hs = new ArrayList<>();
            RocksDB opened = null;
            try {
                opened = RocksDB.open(t.dbOptions(), dir.toString(), t.descriptors(), hs);
                tuning = t;
                handles = hs;
                db = opened;
                bucketHashes = loadBucketHashes();
                lastHeight = loadLastHeight();
            } catch (RocksDBException | RuntimeException e) {
                List<String> reports = t.corruptionReports();
                release(hs, opened, t);
                if (e instanceof RocksDBException r) {
                    throw translate("cannot open the replaced ledger database at " + dir, r, reports);
                }
                throw (RuntimeException) e;
            }
            closed = false;
            commitFailed = false;
        } finally {
            lifecycle.writeLock().unlock();
        }
        try {
            StoreDirectories.deleteTree(old);
        } catch (IOException e) {
            throw new StorageException("replaced " + dir + " but cannot delete " + old + ": " + e.getMessage(), e);
        }
    }

    private static final ReadOptions DEFAULT_READ = new ReadOptions();
    /**
     * Flushes every memtable to table files and waits; for a clean shutdown, so the next open need not
     * replay the write-ahead log.
     *
     * @throws IllegalStateException in {@link Mode#VERIFY} or after close
     */
    public void flush() {
        requireWritable();
        call(() -> {
            try (FlushOptions options = new FlushOptions().setWaitForFlush(true)) {
                db.flush(options, handles);
            }
            return null;
        });
    }

    /**
     * Reads every block of every table file and checks its checksum. Damage in the write-ahead log is
     * found when the store is opened in {@link Mode#VERIFY} instead.
     *
     * @throws StorageCorruptionException on the first mismatch or unreadable file, with RocksDB's message
     */
    public void verifyChecksums() {
        call(() -> {
            try {
                db.verifyChecksum();
            } catch (RocksDBException e) {
                throw new StorageCorruptionException("checksum verification failed in " + dir + ": " + e.getMessage(), e);
            }
            return null;
        });
    }

    /** Closes the handles, the database and the options once; later calls return at once. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            release(handles, db, tuning);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private long loadLastHeight() throws RocksDBException {
        byte[] v = db.get(handle(RocksColumn.META), RocksColumn.LAST_HEIGHT);
        if (v == null) {
            return -1;
        }
        long h = RocksCodec.readU64(RocksColumn.META.familyName, RocksColumn.LAST_HEIGHT, v);
        if (db.get(handle(RocksColumn.BLOCKS), RocksCodec.u64(h)) == null) {
            throw RocksCodec.corrupt(RocksColumn.META.familyName, RocksColumn.LAST_HEIGHT, "block " + h + " is missing");
        }
        return h;
    }

    private Hash[] loadBucketHashes() throws RocksDBException {
        Hash[] out = StateTree.emptyBuckets(suite);
        try (RocksIterator it = db.newIterator(handle(RocksColumn.BUCKETS))) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] k = it.key();
                byte[] v = it.value();
                if (k.length != 2 || v.length != Hash.LENGTH) {
                    throw RocksCodec.corrupt(RocksColumn.BUCKETS.familyName, k,
                            "expected a 2-byte key and a " + Hash.LENGTH + "-byte hash, found " + k.length + " and " + v.length);
                }
                out[((k[0] & 0xff) << 8) | (k[1] & 0xff)] = Hash.wrap(v);
            }
            it.status();
        }
        return out;
    }

    private byte[] require(RocksColumn column, byte[] key) throws RocksDBException {
        byte[] v = db.get(handle(column), key);
        if (v == null) {
            throw RocksCodec.corrupt(column.familyName, key, "missing for a stored block");
        }
        return v;
    }

    private ColumnFamilyHandle handle(RocksColumn column) {
        return handles.get(column.ordinal() + 1);
    }

    private void requireWritable() {
        if (mode == Mode.VERIFY) {
            throw new IllegalStateException("ledger store at " + dir + " is open for verification only");
        }
    }

    /** Runs a call against the open database, translating RocksDB's errors. */
    private <T> T call(RocksCall<T> body) {
        Lock l = lifecycle.readLock();
        l.lock();
        try {
            if (closed) {
                throw new IllegalStateException("ledger store at " + dir + " is closed");
            }
            return body.run();
        } catch (RocksDBException e) {
            throw translate("ledger database at " + dir, e, List.of());
        } finally {
            l.unlock();
        }
    }

    private interface RocksCall<T> {
        T run() throws RocksDBException;
    }

    /** Corruption when RocksDB says so; {@code reports} are RocksDB log lines that add the file name. */
    private static StorageException translate(String context, RocksDBException e, List<String> reports) {
        Status s = e.getStatus();
        boolean corruption = s != null ? s.getCode() == Status.Code.Corruption
                : e.getMessage() != null && e.getMessage().startsWith("Corruption");
        String message = context + ": " + e.getMessage() + (reports.isEmpty() ? "" : "; RocksDB log: " + String.join("; ", reports));
        return corruption ? new StorageCorruptionException(message, e) : new StorageException(message, e);
    }

    private static void release(List<ColumnFamilyHandle> handles, RocksDB db, RocksTuning tuning) {
        for (ColumnFamilyHandle h : handles) {
            h.close();
        }
        if (db != null) {
            db.close();
        }
        tuning.close();
    }
}
