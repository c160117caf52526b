package org.jadechain.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * What a ledger database holds, per column family: entries, raw key and value bytes, and the size of its table
 * files — optionally after compacting each column family to its bottom level first, so that the figure no longer
 * depends on when the node last flushed or compacted (overwritten and deleted values, tombstones, and files
 * waiting for compaction are gone). A tool for a stopped node's directory (or a copy): it takes RocksDB's lock,
 * and compacting rewrites the table files (the contents stay the same).
 *
 * <p>Column families are found with {@code listColumnFamilies}, so the tool reads stores of any layout, and it
 * opens them with the store's own options ({@link RocksTuning}), so that compaction uses the store's compression.
 */
public final class RocksStats {
    static {
        RocksDB.loadLibrary();
    }

    /** One column family: {@code sstBytes} is {@code rocksdb.total-sst-files-size}, the bytes it takes on disk. */
    public record Family(String name, long entries, long keyBytes, long valueBytes, long sstBytes) {
    }

    private RocksStats() {
    }

    /**
     * Reads every column family of the database in {@code dir}.
     *
     * @param compact whether to compact each column family fully (bottommost level included) before measuring
     * @throws StorageException when there is no database there or RocksDB fails (e.g. a running node holds it)
     */
    public static List<Family> measure(Path dir, boolean compact) {
        Path absolute = dir.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            throw new StorageException("no ledger database at " + absolute);
        }
        try (RocksTuning tuning = new RocksTuning(RocksLedgerStore.Mode.NODE);
             Options listing = new Options()) {
            List<byte[]> names = RocksDB.listColumnFamilies(listing, absolute.toString());
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            List<ColumnFamilyDescriptor> known = tuning.descriptors();
            for (byte[] name : names) {
                descriptors.add(new ColumnFamilyDescriptor(name, optionsFor(known, name)));
            }
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            DBOptions db = tuning.dbOptions();
            try (RocksDB rocks = RocksDB.open(db, absolute.toString(), descriptors, handles)) {
                try {
                    List<Family> out = new ArrayList<>();
                    for (int i = 0; i < handles.size(); i++) {
                        ColumnFamilyHandle h = handles.get(i);
                        if (compact) {
                            try (CompactRangeOptions o = new CompactRangeOptions()
                                    .setBottommostLevelCompaction(CompactRangeOptions.BottommostLevelCompaction.kForce)) {
                                rocks.compactRange(h, null, null, o);
                            }
                        }
                        out.add(family(rocks, h, new String(names.get(i), java.nio.charset.StandardCharsets.UTF_8)));
                    }
                    return out;
                } finally {
                    for (ColumnFamilyHandle h : handles) {
                        h.close();
                    }
                }
            }
        } catch (RocksDBException e) {
            throw new StorageException("cannot measure the ledger database at " + absolute + ": " + e.getMessage(), e);
        }
    }

    private static ColumnFamilyOptions optionsFor(List<ColumnFamilyDescriptor> known, byte[] name) {
        for (ColumnFamilyDescriptor d : known) {
            if (java.util.Arrays.equals(d.getName(), name)) {
                return d.getOptions();
            }
        }
        return known.get(0).getOptions();
    }

    private static Family family(RocksDB rocks, ColumnFamilyHandle h, String name) throws RocksDBException {
        long entries = 0;
        long keys = 0;
        long values = 0;
        try (RocksIterator it = rocks.newIterator(h)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                entries++;
                keys += it.key().length;
                values += it.value().length;
            }
            it.status();
        }
        long sst = rocks.getLongProperty(h, "rocksdb.total-sst-files-size");
        return new Family(name, entries, keys, values, sst);
    }
}
