package org.jadechain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jadechain.storage.ChainWriter.changes;
import static org.jadechain.storage.TestBlocks.SUITE;
import static org.jadechain.storage.TestBlocks.key;
import static org.jadechain.storage.TestBlocks.utf8;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.ledger.BlockCommit;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.ledger.TxLocation;
import org.jadechain.core.state.StateTree;
import org.jadechain.storage.RocksLedgerStore.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

class RocksLedgerStoreTest extends LedgerStoreContractTest {
    @TempDir
    Path tmp;

    private Path dir() {
        return tmp.resolve("ledger");
    }

    @Override
    protected LedgerStore openEmpty() {
        return RocksLedgerStore.open(dir(), SUITE, Mode.NODE, TestBlocks.INDEXER);
    }

    private RocksLedgerStore reopen(Path dir, Mode mode) {
        return RocksLedgerStore.open(dir, SUITE, mode, TestBlocks.INDEXER);
    }

    @Test
    void indexSurvivesACrashExactlyWithTheBlocksThatDid() throws IOException {
        ChainWriter chain = new ChainWriter(store);
        chain.commit(0, changes("alice", "1"));
        chain.commit(3, changes("alice", "2"));
        chain.commit(1, changes("alice", "3"));
        // the directory as a power cut would leave it: memtables lost, the synced log and table files kept
        copyTree(dir(), tmp.resolve("crashed"));

        try (RocksLedgerStore after = reopen(tmp.resolve("crashed"), Mode.NODE)) {
            assertThat(after.lastHeight()).isEqualTo(2);
            assertThat(page(after, 0, 0, 10)).containsExactly(indexKey(0, 2, 0), indexKey(0, 1, 0));
            assertThat(after.index().count(TestBlocks.indexCounter(0))).isEqualTo(2);
            assertThat(after.index().count(TestBlocks.indexCounter(2))).isEqualTo(1);
            // and the counters keep adding up after the restart (merge operands over a recovered value)
            new ChainWriter(after, chain.model()).commit(3, changes("bob", "1"));
            assertThat(after.index().count(TestBlocks.indexCounter(0))).isEqualTo(3);
            after.flush();
        }
        try (RocksLedgerStore audit = reopen(tmp.resolve("crashed"), Mode.VERIFY)) {
            assertThat(audit.index().count(TestBlocks.indexCounter(0))).isEqualTo(3);
            assertThat(page(audit, 0, 0, 1)).containsExactly(indexKey(0, 3, 0));
        }
    }

    @Test
    void failingIndexerFailsTheCommitAndWritesNothing() {
        store.close();
        java.util.concurrent.atomic.AtomicBoolean fail = new java.util.concurrent.atomic.AtomicBoolean();
        store = RocksLedgerStore.open(dir(), SUITE, Mode.NODE, (h, receipts, out) -> {
            TestBlocks.INDEXER.index(h, receipts, out);
            if (fail.get()) {
                throw new IllegalStateException("indexer refused block " + h);
            }
        });
        ChainWriter chain = new ChainWriter(store);
        chain.commit(1, changes("alice", "1"));
        fail.set(true);

        assertThatThrownBy(() -> chain.commit(2, changes("alice", "2"))).hasMessageContaining("indexer refused block 1");

        assertThat(store.lastHeight()).isZero();
        assertThat(store.block(1)).isNull();
        assertThat(store.index().count(TestBlocks.indexCounter(0))).isEqualTo(1);
        fail.set(false);
        store.close();
        store = reopen(dir(), Mode.NODE);
        assertThat(store.lastHeight()).isZero();
        assertThat(page(store, 0, 0, 10)).containsExactly(indexKey(0, 0, 0));
    }

    @Test
    void restartResumesAtTheLastCommittedHeight() {
        ChainWriter chain = new ChainWriter(store);
        List<BlockCommit> written = new ArrayList<>();
        written.add(chain.commit(0, changes("alice", "100", "bob", "5")));
        written.add(chain.commit(2, changes("alice", "90", "bob", null)));
        written.add(chain.commit(1, changes("carol", "3")));
        Hash[] hashes = store.bucketHashes();
        store.close();

        store = reopen(dir(), Mode.NODE);
        assertThat(store.lastHeight()).isEqualTo(2);
        for (BlockCommit c : written) {
            TestBlocks.assertStored(c, store.block(c.height()));
            assertThat(store.heightOf(c.blockHash())).isEqualTo(c.height());
        }
        assertThat(store.locate(TestBlocks.txHash(1, 1))).isEqualTo(new TxLocation(1, 1));
        assertThat(store.get(key("alice").unsafeArray())).isEqualTo(utf8("90"));
        assertThat(store.get(key("bob").unsafeArray())).isNull();
        assertThat(store.bucketHashes()).containsExactly(hashes);

        ChainWriter resumed = new ChainWriter(store, chain.model());
        assertThat(resumed.root()).isEqualTo(chain.root());
        BlockCommit next = resumed.commit(1, changes("dave", "8"));
        assertThat(next.height()).isEqualTo(3);
        store.close();

        store = reopen(dir(), Mode.NODE);
        assertThat(store.lastHeight()).isEqualTo(3);
        assertThat(new StateTree(SUITE, store.bucketHashes()).root()).isEqualTo(StateTree.rootOf(SUITE, resumed.model()));
    }

    @Test
    void flushedStoreReopensFromTableFiles() throws IOException {
        ChainWriter chain = new ChainWriter(store);
        BlockCommit c = chain.commit(2, changes("alice", "1"));
        ((RocksLedgerStore) store).flush();
        store.close();
        assertThat(filesEndingWith(dir(), ".sst")).isNotEmpty();

        store = reopen(dir(), Mode.NODE);
        TestBlocks.assertStored(c, store.block(0));
        assertThat(store.get(key("alice").unsafeArray())).isEqualTo(utf8("1"));
    }

    @Test
    void verifyModeReadsAndChecksWithoutChangingAByte() throws IOException {
        ChainWriter chain = new ChainWriter(store);
        BlockCommit flushed = chain.commit(1, changes("alice", "1"));
        ((RocksLedgerStore) store).flush();
        BlockCommit logged = chain.commit(1, changes("alice", "2"));
        store.close();
        Map<String, String> before = fingerprint(dir());

        try (RocksLedgerStore audit = reopen(dir(), Mode.VERIFY)) {
            audit.verifyChecksums();
            assertThat(audit.lastHeight()).isEqualTo(1);
            TestBlocks.assertStored(flushed, audit.block(0));
            TestBlocks.assertStored(logged, audit.block(1));
            assertThat(audit.get(key("alice").unsafeArray())).isEqualTo(utf8("2"));
            BlockCommit next = TestBlocks.commit(2, 0, 64, changes(), new TreeMap<>());
            assertThatThrownBy(() -> audit.commit(next)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(audit::flush).isInstanceOf(IllegalStateException.class);
        }
        assertThat(fingerprint(dir())).isEqualTo(before);
    }

    @Test
    void verifyModeRefusesADirectoryWithoutDatabase() {
        assertThatThrownBy(() -> reopen(tmp.resolve("nothing-here"), Mode.VERIFY))
                .isInstanceOf(StorageException.class)
                .isNotInstanceOf(StorageCorruptionException.class);
        assertThat(tmp.resolve("nothing-here")).doesNotExist();
    }

    @Test
    void secondOpenOfALiveDirectoryFailsWithoutClaimingCorruption() {
        assertThatThrownBy(() -> reopen(dir(), Mode.NODE))
                .isInstanceOf(StorageException.class)
                .isNotInstanceOf(StorageCorruptionException.class);
    }

    @Test
    void tamperedTableFileIsNoticed() throws IOException {
        List<BlockCommit> written = writeBlocks(40);
        ((RocksLedgerStore) store).flush();
        store.close();
        Path victim = tamper(".sst");
        StorageCorruptionException e = assertTamperingNoticed(written);
        assertThat(e).as("the checksum check reports the damage").isNotNull();
        assertThat(e.getMessage()).contains(victim.getFileName().toString());
    }

    @Test
    void tamperedWriteAheadLogIsNoticed() throws IOException {
        List<BlockCommit> written = writeBlocks(40);
        store.close();
        Path victim = tamper(".log");
        StorageCorruptionException e = assertTamperingNoticed(written);
        assertThat(e).as("opening reports the damage").isNotNull();
        assertThat(e.getMessage()).contains(victim.getFileName().toString());
    }

    @Test
    void nodeModeAlsoRefusesADamagedLogBeforeItsTail() throws IOException {
        writeBlocks(40);
        store.close();
        tamper(".log");
        assertThatThrownBy(() -> reopen(tmp.resolve("copy"), Mode.NODE)).isInstanceOf(StorageCorruptionException.class);
    }

    @Test
    void undecodableValuesAreReportedAsCorruptionNamingColumnAndKey() throws Exception {
        new ChainWriter(store).commit(1, changes("alice", "1"));
        store.close();
        try (RocksTuning tuning = new RocksTuning(Mode.NODE)) {
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            try (RocksDB raw = RocksDB.open(tuning.dbOptions(), dir().toString(), tuning.descriptors(), handles)) {
                raw.put(handles.get(RocksColumn.RECEIPTS.ordinal() + 1), RocksCodec.u64(0), new byte[] {5, 1});
                raw.put(handles.get(RocksColumn.TX_INDEX.ordinal() + 1), TestBlocks.txHash(0, 0).unsafeBytes(), new byte[] {0});
            } finally {
                handles.forEach(ColumnFamilyHandle::close);
            }
        } catch (RocksDBException e) {
            throw new AssertionError(e);
        }

        store = reopen(dir(), Mode.NODE);
        assertThatThrownBy(() -> store.block(0))
                .isInstanceOf(StorageCorruptionException.class)
                .hasMessageContaining("receipts")
                .hasMessageContaining("0000000000000000");
        assertThatThrownBy(() -> store.locate(TestBlocks.txHash(0, 0)))
                .isInstanceOf(StorageCorruptionException.class)
                .hasMessageContaining("txIndex")
                .hasMessageContaining(TestBlocks.txHash(0, 0).hex());
    }

    private List<BlockCommit> writeBlocks(int count) {
        ChainWriter chain = new ChainWriter(store);
        List<BlockCommit> written = new ArrayList<>();
        for (int h = 0; h < count; h++) {
            written.add(chain.commit(3, 4096, changes("counter", Long.toString(h), "key-" + h, "value-" + h)));
        }
        return written;
    }

    /** Copies the closed store to "copy" and flips one byte in the middle of its largest file with that suffix. */
    private Path tamper(String suffix) throws IOException {
        Path copy = tmp.resolve("copy");
        copyTree(dir(), copy);
        Path victim = filesEndingWith(copy, suffix).stream()
                .max(Comparator.comparingLong(RocksLedgerStoreTest::size)).orElseThrow();
        long offset = size(victim) / 2;
        assertThat(offset).as("size of %s", victim).isPositive();
        try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0xff);
        }
        return victim;
    }

    /**
     * Checks that auditing the tampered copy notices: opening it, checking checksums or reading some block
     * throws {@link StorageCorruptionException} (returned), or some block reads back different from what
     * was written (null returned).
     */
    private StorageCorruptionException assertTamperingNoticed(List<BlockCommit> written) {
        boolean noticed = false;
        try (RocksLedgerStore audit = reopen(tmp.resolve("copy"), Mode.VERIFY)) {
            audit.verifyChecksums();
            for (BlockCommit c : written) {
                noticed |= !TestBlocks.matches(c, audit.block(c.height()));
            }
        } catch (StorageCorruptionException e) {
            return e;
        }
        assertThat(noticed).as("tampering noticed").isTrue();
        return null;
    }

    private static List<Path> filesEndingWith(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    /** Every file's name, with its size and a hash of its content. */
    private static Map<String, String> fingerprint(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) {
                    out.put(dir.relativize(p).toString(), Files.size(p) + " " + SUITE.hash(Files.readAllBytes(p)).hex());
                }
            }
        }
        return out;
    }

    @Test
    void checkpointThenReplaceRestoresTheCopiedChainInTheSameStoreObject() {
        RocksLedgerStore rocks = (RocksLedgerStore) store;
        ChainWriter chain = new ChainWriter(store);
        chain.commit(1, changes("alice", "100"));
        BlockCommit second = chain.commit(1, changes("bob", "7"));
        Hash[] atCheckpoint = store.bucketHashes();
        Path copy = tmp.resolve("copy");
        rocks.checkpoint(copy);
        chain.commit(1, changes("alice", "1", "carol", "2"));
        assertThat(store.lastHeight()).isEqualTo(2);

        rocks.replaceWith(copy);

        assertThat(store.lastHeight()).isEqualTo(1);
        TestBlocks.assertStored(second, store.block(1));
        assertThat(store.block(2)).isNull();
        assertThat(store.get(key("alice").unsafeArray())).isEqualTo(utf8("100"));
        assertThat(store.get(key("carol").unsafeArray())).isNull();
        assertThat(store.bucketHashes()).containsExactly(atCheckpoint);
        assertThat(Files.exists(tmp.resolve("ledger.incoming"))).isFalse();
        assertThat(Files.exists(tmp.resolve("ledger.old"))).isFalse();
        try (RocksLedgerStore again = reopen(copy, Mode.VERIFY)) {
            assertThat(again.lastHeight()).as("the checkpoint itself is left as it was").isEqualTo(1);
        }
        new ChainWriter(store, new java.util.TreeMap<>()).commit(1, changes("dave", "3"));
        store.close();
        store = reopen(dir(), Mode.NODE);
        assertThat(store.lastHeight()).isEqualTo(2);
    }

    @Test
    void replaceWithBuildsTheIndexAgainFromTheCopiedBlocksInsteadOfTakingTheCopysIndex() {
        RocksLedgerStore rocks = (RocksLedgerStore) store;
        ChainWriter chain = new ChainWriter(store);
        chain.commit(2, changes("alice", "1"));
        chain.commit(4, changes("bob", "2"));
        List<String> honest = wholeIndex(store);
        Path copy = tmp.resolve("copy");
        rocks.checkpoint(copy);
        // a peer's copy with the same certified blocks but an index that lies (the index is not certified)
        org.jadechain.core.contract.BlockIndexer lying = (h, receipts, out) -> {
            out.add(TestBlocks.indexKey(0, 99, 7));
            out.increment(TestBlocks.indexCounter(1));
        };
        try (RocksLedgerStore forged = RocksLedgerStore.open(copy, SUITE, Mode.NODE, lying)) {
            forged.rebuildIndex();
            assertThat(wholeIndex(forged)).isNotEqualTo(honest).contains("key " + indexKey(0, 99, 7));
        }
        chain.commit(1, changes("carol", "3"));

        rocks.replaceWith(copy);

        assertThat(store.lastHeight()).isEqualTo(1);
        assertThat(wholeIndex(store)).isEqualTo(honest);
        store.close();
        store = reopen(dir(), Mode.NODE);
        assertThat(wholeIndex(store)).as("after a restart").isEqualTo(honest);
    }

    @Test
    void rebuildIndexGivesTheIndexTheCommitsWrote() {
        ChainWriter chain = new ChainWriter(store);
        chain.commit(3, changes("alice", "1"));
        chain.commit(5, changes("bob", "2"));
        chain.commit(1, changes("carol", "3"));
        List<String> written = wholeIndex(store);

        ((RocksLedgerStore) store).rebuildIndex();

        assertThat(written).isNotEmpty();
        assertThat(wholeIndex(store)).isEqualTo(written);
    }

    /** Every key and counter of the store's index, as hex, in the order {@code scan} visits them. */
    private static List<String> wholeIndex(LedgerStore s) {
        List<String> out = new ArrayList<>();
        s.index().scan(new org.jadechain.core.ledger.IndexReader.Visitor() {
            @Override
            public void key(byte[] key) {
                out.add("key " + org.jadechain.core.crypto.Hex.encode(key));
            }

            @Override
            public void counter(byte[] key, long value) {
                out.add("counter " + org.jadechain.core.crypto.Hex.encode(key) + " = " + value);
            }
        });
        return out;
    }

    @Test
    void openFinishesASwapInterruptedBetweenTheTwoRenames() throws IOException {
        RocksLedgerStore rocks = (RocksLedgerStore) store;
        ChainWriter chain = new ChainWriter(store);
        chain.commit(1, changes("alice", "100"));
        Path copy = tmp.resolve("copy");
        rocks.checkpoint(copy);
        chain.commit(1, changes("bob", "5"));
        store.close();
        // the crash left: the old store moved aside, the new one complete beside it
        Files.move(dir(), tmp.resolve("ledger.old"));
        Files.move(copy, tmp.resolve("ledger.incoming"));

        store = reopen(dir(), Mode.NODE);

        assertThat(store.lastHeight()).isEqualTo(0);
        assertThat(Files.exists(tmp.resolve("ledger.incoming"))).isFalse();
        assertThat(Files.exists(tmp.resolve("ledger.old"))).isFalse();
    }

    @Test
    void openDropsAnIncompleteIncomingCopyAndKeepsTheOldStore() throws IOException {
        ChainWriter chain = new ChainWriter(store);
        chain.commit(1, changes("alice", "100"));
        store.close();
        Files.createDirectories(tmp.resolve("ledger.incoming"));
        Files.write(tmp.resolve("ledger.incoming").resolve("000001.sst"), new byte[] {1, 2});

        store = reopen(dir(), Mode.NODE);

        assertThat(store.lastHeight()).isEqualTo(0);
        assertThat(Files.exists(tmp.resolve("ledger.incoming"))).isFalse();
    }
}
