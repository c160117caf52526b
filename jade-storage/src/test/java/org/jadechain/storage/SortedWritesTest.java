package org.jadechain.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

class SortedWritesTest {
    @TempDir
    Path tmp;

    @Test
    void addsRecordsInUnsignedKeyOrderKeepingTheOrderOfEqualKeys() throws RocksDBException {
        RocksDB.loadLibrary();
        SortedWrites w = new SortedWrites(4);
        w.put(bytes("ff01"), bytes("01"));
        w.merge(bytes("10"), bytes("02"));
        w.delete(bytes("7f"));
        w.merge(bytes("10"), bytes("03"));
        w.put(bytes("0001"), bytes("04"));
        try (Options o = new Options().setCreateIfMissing(true);
             RocksDB db = RocksDB.open(o, tmp.toString());
             WriteBatch batch = new WriteBatch()) {
            w.addTo(batch, db.getDefaultColumnFamily());
            assertThat(records(batch)).containsExactly(
                    "put 0001=04", "merge 10=02", "merge 10=03", "delete 7f", "put ff01=01");
        }
    }

    private static List<String> records(WriteBatch batch) throws RocksDBException {
        List<String> out = new ArrayList<>();
        try (WriteBatch.Handler h = new WriteBatch.Handler() {
            @Override
            public void put(int family, byte[] key, byte[] value) {
                out.add("put " + hex(key) + "=" + hex(value));
            }

            @Override
            public void put(byte[] key, byte[] value) {
                put(0, key, value);
            }

            @Override
            public void merge(int family, byte[] key, byte[] value) {
                out.add("merge " + hex(key) + "=" + hex(value));
            }

            @Override
            public void merge(byte[] key, byte[] value) {
                merge(0, key, value);
            }

            @Override
            public void delete(int family, byte[] key) {
                out.add("delete " + hex(key));
            }

            @Override
            public void delete(byte[] key) {
                delete(0, key);
            }

            @Override
            public void singleDelete(int family, byte[] key) {
            }

            @Override
            public void singleDelete(byte[] key) {
            }

            @Override
            public void deleteRange(int family, byte[] begin, byte[] end) {
            }

            @Override
            public void deleteRange(byte[] begin, byte[] end) {
            }

            @Override
            public void logData(byte[] blob) {
            }

            @Override
            public void putBlobIndex(int family, byte[] key, byte[] value) {
            }

            @Override
            public void markBeginPrepare() {
            }

            @Override
            public void markEndPrepare(byte[] xid) {
            }

            @Override
            public void markNoop(boolean emptyBatch) {
            }

            @Override
            public void markRollback(byte[] xid) {
            }

            @Override
            public void markCommit(byte[] xid) {
            }

            @Override
            public void markCommitWithTimestamp(byte[] xid, byte[] ts) {
            }
        }) {
            batch.iterate(h);
        }
        return out;
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
