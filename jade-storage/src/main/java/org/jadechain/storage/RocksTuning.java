package org.jadechain.storage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Logger;
import org.rocksdb.RocksDB;
import org.rocksdb.UInt64AddOperator;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB options of one open {@link RocksLedgerStore}, chosen by mode. Owns the native option
 * objects; {@link #close()} releases them and must run after the database and its handles are closed.
 *
 * <p>Both modes: LZ4 compression, ZSTD at the bottommost level (where nearly all data ends up with dynamic
 * level sizes: it takes the compacted ledger from ≈ 312 to ≈ 185 bytes per transfer, mostly in the blocks'
 * and receipts' repeated hex addresses and names; docs/PERFORMANCE.md "Storage per transfer"), one shared 64 MiB LRU block cache holding data, index and filter
 * blocks, Bloom filters on the hash-keyed column families and on state, every table file kept open, and
 * the 64-bit add merge operator on the derived index's counters.
 * {@link RocksLedgerStore.Mode#NODE} creates what is missing and drops a torn record at the tail of the
 * write-ahead log. {@link RocksLedgerStore.Mode#VERIFY} creates nothing, fails on any damaged log record,
 * runs paranoid checks, and sends RocksDB's log to the platform logger instead of a LOG file in the
 * audited directory.
 */
final class RocksTuning implements AutoCloseable {
    static final long BLOCK_CACHE_BYTES = 64L << 20;

    private final List<AutoCloseable> owned = new ArrayList<>();
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions plain;
    private final ColumnFamilyOptions filtered;
    private final ColumnFamilyOptions counters;
    private final WriteOptions syncWrites;
    private final PlatformLogger logger;

    RocksTuning(RocksLedgerStore.Mode mode) {
        LRUCache cache = own(new LRUCache(BLOCK_CACHE_BYTES));
        BloomFilter bloom = own(new BloomFilter(10, false));
        plain = own(columnOptions(cache, null));
        filtered = own(columnOptions(cache, bloom));
        counters = own(columnOptions(cache, null)).setMergeOperator(own(new UInt64AddOperator()));
        syncWrites = own(new WriteOptions().setSync(true));
        logger = mode == RocksLedgerStore.Mode.VERIFY ? own(new PlatformLogger()) : null;
        DBOptions db = own(new DBOptions())
                .setMaxOpenFiles(-1)
                .setParanoidChecks(true)
                .setMaxBackgroundJobs(2)
                .setBytesPerSync(1L << 20);
        if (mode == RocksLedgerStore.Mode.NODE) {
            db.setCreateIfMissing(true)
                    .setCreateMissingColumnFamilies(true)
                    .setWalRecoveryMode(WALRecoveryMode.TolerateCorruptedTailRecords)
                    .setKeepLogFileNum(5);
        } else {
            db.setCreateIfMissing(false)
                    .setCreateMissingColumnFamilies(false)
                    .setWalRecoveryMode(WALRecoveryMode.AbsoluteConsistency)
                    .setLogger(logger);
        }
        dbOptions = db;
    }

    private static ColumnFamilyOptions columnOptions(LRUCache cache, BloomFilter bloom) {
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(cache)
                .setCacheIndexAndFilterBlocks(true)
                .setPinL0FilterAndIndexBlocksInCache(true);
        if (bloom != null) {
            table.setFilterPolicy(bloom);
        }
        return new ColumnFamilyOptions()
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setBottommostCompressionType(CompressionType.ZSTD_COMPRESSION)
                .setLevelCompactionDynamicLevelBytes(true)
                .setTableFormatConfig(table);
    }

    DBOptions dbOptions() {
        return dbOptions;
    }

    WriteOptions syncWrites() {
        return syncWrites;
    }

    /** "default" first, then every {@link RocksColumn} in declaration order. */
    List<ColumnFamilyDescriptor> descriptors() {
        List<ColumnFamilyDescriptor> out = new ArrayList<>();
        out.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, plain));
        for (RocksColumn c : RocksColumn.values()) {
            out.add(new ColumnFamilyDescriptor(c.nameBytes(),
                    c == RocksColumn.INDEX_COUNT ? counters : c.bloom ? filtered : plain));
        }
        return out;
    }

    /**
     * RocksDB's recent log lines reporting corruption, in {@link RocksLedgerStore.Mode#VERIFY} only; they
     * name the damaged log file, which the error RocksDB returns from open does not.
     */
    List<String> corruptionReports() {
        return logger == null ? List.of() : logger.corruptionReports();
    }

    private <T extends AutoCloseable> T own(T resource) {
        owned.add(resource);
        return resource;
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                // Releasing native memory cannot fail in a way the caller could act on.
            }
        }
        owned.clear();
    }

    /**
     * Forwards RocksDB's errors (and, at debug level, its warnings) to {@link System.Logger}, writing nothing
     * to disk, and keeps
     * the last few that report corruption. Called from RocksDB's threads.
     */
    private static final class PlatformLogger extends Logger {
        private static final System.Logger LOG = System.getLogger("org.jadechain.storage.rocksdb");
        private static final int KEPT_REPORTS = 5;

        private final ArrayDeque<String> reports = new ArrayDeque<>();

        PlatformLogger() {
            super(InfoLogLevel.WARN_LEVEL);
        }

        @Override
        protected void log(InfoLogLevel level, String message) {
            boolean error = level == InfoLogLevel.ERROR_LEVEL || level == InfoLogLevel.FATAL_LEVEL;
            // RocksDB's warnings are routine (prefetch sizes, table ids); corruption comes back as an exception.
            LOG.log(error ? System.Logger.Level.ERROR : System.Logger.Level.DEBUG, message);
            if (message.contains("Corruption")) {
                synchronized (reports) {
                    if (reports.size() == KEPT_REPORTS) {
                        reports.removeFirst();
                    }
                    reports.addLast(message);
                }
            }
        }

        List<String> corruptionReports() {
            synchronized (reports) {
                return List.copyOf(reports);
            }
        }
    }
}
