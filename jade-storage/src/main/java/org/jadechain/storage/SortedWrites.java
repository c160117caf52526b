package org.jadechain.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The writes of one commit to one column family, added to a {@link WriteBatch} in key order. RocksDB inserts a
 * batch's records into the column family's memtable one by one, and its skip list reuses the position of the
 * previous insert when the next key comes after it: keys in ascending order cost far fewer comparisons (and cache
 * misses) than the random order of hashes and addresses in which a block produces them. What is written is
 * unchanged; only the order inside the batch, which is applied atomically, differs. Records with equal keys keep
 * the order they were added in.
 */
final class SortedWrites {
    private static final Comparator<Entry> BY_KEY = (a, b) -> Arrays.compareUnsigned(a.key, b.key);

    private enum Kind { PUT, DELETE, MERGE }

    private record Entry(byte[] key, byte[] value, Kind kind) {
    }

    private final List<Entry> entries;

    SortedWrites(int expected) {
        entries = new ArrayList<>(expected);
    }

    void put(byte[] key, byte[] value) {
        entries.add(new Entry(key, value, Kind.PUT));
    }

    void delete(byte[] key) {
        entries.add(new Entry(key, null, Kind.DELETE));
    }

    void merge(byte[] key, byte[] operand) {
        entries.add(new Entry(key, operand, Kind.MERGE));
    }

    /** Adds every record to {@code batch} for {@code family}, in ascending unsigned byte order of the keys. */
    void addTo(WriteBatch batch, ColumnFamilyHandle family) throws RocksDBException {
        entries.sort(BY_KEY);
        for (Entry e : entries) {
            switch (e.kind) {
                case PUT -> batch.put(family, e.key, e.value);
                case DELETE -> batch.delete(family, e.key);
                case MERGE -> batch.merge(family, e.key, e.value);
                default -> throw new IllegalStateException();
            }
        }
    }
}
