package org.jadechain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jadechain.storage.ChainWriter.changes;
import static org.jadechain.storage.TestBlocks.SUITE;
import static org.jadechain.storage.TestBlocks.key;
import static org.jadechain.storage.TestBlocks.utf8;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.ledger.BlockCommit;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.ledger.TxLocation;
import org.jadechain.core.state.Bytes;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link LedgerStore} contract, run against every implementation by a subclass. */
abstract class LedgerStoreContractTest {
    protected LedgerStore store;

    /** A new, empty store keeping {@link TestBlocks#INDEXER}'s index; the suite closes it after each test. */
    protected abstract LedgerStore openEmpty();

    @BeforeEach
    void openStore() {
        store = openEmpty();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void emptyStoreHoldsNoBlocksAndNoState() {
        assertThat(store.lastHeight()).isEqualTo(-1);
        assertThat(store.block(0)).isNull();
        assertThat(store.block(-1)).isNull();
        assertThat(store.heightOf(TestBlocks.blockHash(0, 64))).isNull();
        assertThat(store.locate(TestBlocks.txHash(0, 0))).isNull();
        assertThat(store.get(key("a").unsafeArray())).isNull();
        assertThat(store.bucketHashes()).hasSize(StateKeys.BUCKETS).containsOnly(StateTree.emptyBucketHash(SUITE));
        List<byte[]> visited = new ArrayList<>();
        store.scanBucket(StateKeys.bucketOf(SUITE, key("a").unsafeArray()), (k, v) -> visited.add(k));
        assertThat(visited).isEmpty();
    }

    @Test
    void committedBlockReadsBackWithItsIndexesAndState() {
        ChainWriter chain = new ChainWriter(store);
        BlockCommit genesis = chain.commit(0, changes("alice", "100", "bob", "5"));
        BlockCommit first = chain.commit(3, changes("alice", "90", "carol", "10"));

        assertThat(store.lastHeight()).isEqualTo(1);
        TestBlocks.assertStored(genesis, store.block(0));
        TestBlocks.assertStored(first, store.block(1));
        assertThat(store.block(0).receiptBytes()).isEmpty();
        assertThat(store.block(2)).isNull();
        assertThat(store.heightOf(genesis.blockHash())).isEqualTo(0L);
        assertThat(store.heightOf(first.blockHash())).isEqualTo(1L);
        for (int i = 0; i < 3; i++) {
            assertThat(store.locate(TestBlocks.txHash(1, i))).isEqualTo(new TxLocation(1, i));
        }
        assertThat(store.locate(TestBlocks.txHash(1, 3))).isNull();
        assertThat(store.get(key("alice").unsafeArray())).isEqualTo(utf8("90"));
        assertThat(store.get(key("bob").unsafeArray())).isEqualTo(utf8("5"));
        assertThat(store.get(key("carol").unsafeArray())).isEqualTo(utf8("10"));
    }

    @Test
    void deletedStateIsGoneFromReadsAndScans() {
        ChainWriter chain = new ChainWriter(store);
        chain.commit(0, changes("alice", "100", "bob", "5"));
        chain.commit(1, changes("bob", null, "never-written", null, "alice", "99"));

        assertThat(store.get(key("bob").unsafeArray())).isNull();
        assertThat(store.get(key("never-written").unsafeArray())).isNull();
        assertThat(store.get(key("alice").unsafeArray())).isEqualTo(utf8("99"));
        List<byte[]> visited = new ArrayList<>();
        store.scanBucket(StateKeys.bucketOf(SUITE, key("bob").unsafeArray()), (k, v) -> visited.add(k));
        assertThat(visited).noneMatch(k -> Arrays.equals(k, key("bob").unsafeArray()));
        assertThat(store.bucketHashes()[StateKeys.bucketOf(SUITE, key("bob").unsafeArray())])
                .isEqualTo(StateTree.emptyBucketHash(SUITE));
    }

    @Test
    void scanBucketVisitsOnlyThatBucketInUnsignedKeyOrder() {
        Map<Integer, List<byte[]>> byBucket = new HashMap<>();
        TreeMap<Bytes, byte[]> first = new TreeMap<>();
        TreeMap<Bytes, byte[]> second = new TreeMap<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] fullKey = StateKeys.fullKey("scan", new byte[] {(byte) i, (byte) (i >>> 8), (byte) (i >>> 16)});
            byBucket.computeIfAbsent(StateKeys.bucketOf(SUITE, fullKey), b -> new ArrayList<>()).add(fullKey);
            (i % 2 == 0 ? first : second).put(Bytes.wrap(fullKey), utf8("v" + i));
        }
        int bucket = byBucket.entrySet().stream()
                .filter(e -> e.getValue().size() >= 3 && mixesHighAndLowFirstBytes(e.getValue()))
                .mapToInt(Map.Entry::getKey).min().orElseThrow();
        ChainWriter chain = new ChainWriter(store);
        chain.commit(0, first);
        chain.commit(0, second);

        List<String> expected = byBucket.get(bucket).stream()
                .sorted(Arrays::compareUnsigned).map(Hex::encode).toList();
        List<String> visited = new ArrayList<>();
        store.scanBucket(bucket, (k, v) -> {
            visited.add(Hex.encode(k));
            assertThat(v).isEqualTo(chain.model().get(Bytes.wrap(k)));
        });
        assertThat(visited).containsExactlyElementsOf(expected);
    }

    private static boolean mixesHighAndLowFirstBytes(List<byte[]> fullKeys) {
        int localStart = 1 + "scan".length();
        boolean high = fullKeys.stream().anyMatch(k -> (k[localStart] & 0xff) >= 0x80);
        boolean low = fullKeys.stream().anyMatch(k -> (k[localStart] & 0xff) < 0x80);
        return high && low;
    }

    @Test
    void bucketHashesFollowTheCommittedState() {
        ChainWriter chain = new ChainWriter(store);
        chain.commit(0, changes("alice", "100", "bob", "5", "carol", "7"));
        BlockCommit last = chain.commit(2, changes("bob", null, "dave", "1"));

        Hash[] hashes = store.bucketHashes();
        last.bucketHashes().forEach((bucket, hash) -> assertThat(hashes[bucket]).isEqualTo(hash));
        assertThat(new StateTree(SUITE, hashes).root())
                .isEqualTo(chain.root())
                .isEqualTo(StateTree.rootOf(SUITE, chain.model()));

        Arrays.fill(hashes, Hash.ZERO);
        assertThat(store.bucketHashes()[0]).isNotEqualTo(Hash.ZERO);
    }

    @Test
    void commitMustBeForTheNextHeight() {
        BlockCommit early = TestBlocks.commit(1, 0, 64, changes(), new TreeMap<>());
        assertThatThrownBy(() -> store.commit(early)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.lastHeight()).isEqualTo(-1);

        ChainWriter chain = new ChainWriter(store);
        BlockCommit genesis = chain.commit(0, changes("alice", "1"));
        assertThatThrownBy(() -> store.commit(genesis)).isInstanceOf(IllegalArgumentException.class);
        BlockCommit gap = TestBlocks.commit(2, 0, 64, changes("alice", "2"), new TreeMap<>());
        assertThatThrownBy(() -> store.commit(gap)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.lastHeight()).isEqualTo(0);
        assertThat(store.get(key("alice").unsafeArray())).isEqualTo(utf8("1"));
    }

    @Test
    void readersNeverSeeAPartlyCommittedBlock() throws Exception {
        int blocks = 200;
        ChainWriter chain = new ChainWriter(store);
        List<BlockCommit> written = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong reads = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    while (!done.get() && failure.get() == null) {
                        long h = store.lastHeight();
                        if (h < 0) {
                            continue;
                        }
                        assertThat(store.block(h)).as("block at lastHeight %d", h).isNotNull();
                        assertThat(store.heightOf(TestBlocks.blockHash(h, 64))).isEqualTo(h);
                        assertThat(store.locate(TestBlocks.txHash(h, 0))).isEqualTo(new TxLocation(h, 0));
                        byte[] counter = store.get(key("counter").unsafeArray());
                        assertThat(Long.parseLong(new String(counter, StandardCharsets.UTF_8))).isGreaterThanOrEqualTo(h);
                        reads.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "reader-" + r);
            t.start();
            readers.add(t);
        }
        start.countDown();
        try {
            for (int h = 0; h < blocks && failure.get() == null; h++) {
                written.add(chain.commit(1, changes("counter", Long.toString(h), "key-" + h, "value-" + h)));
            }
        } finally {
            done.set(true);
            for (Thread t : readers) {
                t.join();
            }
        }
        if (failure.get() != null) {
            throw new AssertionError("a reader failed", failure.get());
        }
        assertThat(reads.get()).isPositive();
        assertThat(store.lastHeight()).isEqualTo(blocks - 1);
        for (BlockCommit c : written) {
            TestBlocks.assertStored(c, store.block(c.height()));
        }
    }

    @Test
    void scanBucketRejectsBucketsOutOfRange() {
        assertThatThrownBy(() -> store.scanBucket(-1, (k, v) -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.scanBucket(StateKeys.BUCKETS, (k, v) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closedStoreRefusesCallsAndClosesOnlyOnce() {
        new ChainWriter(store).commit(0, changes("alice", "1"));
        store.close();
        store.close();
        assertThatThrownBy(() -> store.lastHeight()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.block(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.get(key("alice").unsafeArray())).isInstanceOf(IllegalStateException.class);
        BlockCommit next = TestBlocks.commit(1, 0, 64, changes(), new TreeMap<>());
        assertThatThrownBy(() -> store.commit(next)).isInstanceOf(IllegalStateException.class);
    }

    // --- the derived index (ADR 0011) ---

    /** The index's keys of a wallet, newest first, as hex for readable failures. */
    static List<String> page(LedgerStore store, int wallet, long skip, int limit) {
        List<String> out = new ArrayList<>();
        for (byte[] k : store.index().newestFirst(TestBlocks.indexCounter(wallet), TestBlocks.indexCounter(wallet), skip,
                limit).keys()) {
            out.add(Hex.encode(k));
        }
        return out;
    }

    static String indexKey(int wallet, long height, int index) {
        return Hex.encode(TestBlocks.indexKey(wallet, height, index));
    }

    @Test
    void indexIsWrittenWithEachCommitAndPagedNewestFirst() {
        ChainWriter chain = new ChainWriter(store);
        chain.commit(0, changes("alice", "1"));
        chain.commit(4, changes("alice", "2"));
        chain.commit(2, changes("alice", "3"));

        // block 1: receipts 0..3 → wallets 0,1,2,0; block 2: receipts 0,1 → wallets 0,1
        assertThat(store.index().count(TestBlocks.indexCounter(0))).isEqualTo(3);
        assertThat(store.index().count(TestBlocks.indexCounter(1))).isEqualTo(2);
        assertThat(store.index().count(TestBlocks.indexCounter(2))).isEqualTo(1);
        assertThat(store.index().count(TestBlocks.indexCounter(7))).isZero();
        assertThat(page(store, 0, 0, 10)).containsExactly(indexKey(0, 2, 0), indexKey(0, 1, 3), indexKey(0, 1, 0));
        assertThat(page(store, 0, 1, 1)).containsExactly(indexKey(0, 1, 3));
        assertThat(page(store, 0, 3, 10)).isEmpty();
        assertThat(page(store, 7, 0, 10)).isEmpty();
        assertThat(store.index().newestFirst(TestBlocks.indexCounter(1), TestBlocks.indexCounter(1), 0, 10).total())
                .isEqualTo(2);

        List<String> scanned = new ArrayList<>();
        store.index().scan(new org.jadechain.core.ledger.IndexReader.Visitor() {
            @Override
            public void key(byte[] key) {
                scanned.add("k" + Hex.encode(key));
            }

            @Override
            public void counter(byte[] key, long value) {
                scanned.add("c" + Hex.encode(key) + "=" + value);
            }
        });
        assertThat(scanned).containsExactly("k" + indexKey(0, 1, 0), "k" + indexKey(0, 1, 3), "k" + indexKey(0, 2, 0),
                "k" + indexKey(1, 1, 1), "k" + indexKey(1, 2, 1), "k" + indexKey(2, 1, 2),
                "c" + Hex.encode(TestBlocks.indexCounter(0)) + "=3", "c" + Hex.encode(TestBlocks.indexCounter(1)) + "=2",
                "c" + Hex.encode(TestBlocks.indexCounter(2)) + "=1");
    }

    @Test
    void refusedCommitAddsNothingToTheIndex() {
        ChainWriter chain = new ChainWriter(store);
        chain.commit(0, changes("alice", "1"));
        BlockCommit skipped = TestBlocks.commit(5, 3, 64, changes("bob", "2"), new TreeMap<>());

        assertThatThrownBy(() -> store.commit(skipped)).isInstanceOf(IllegalArgumentException.class);

        assertThat(store.index().count(TestBlocks.indexCounter(0))).isZero();
        assertThat(page(store, 0, 0, 10)).isEmpty();
        chain.commit(1, changes("alice", "2"));
        assertThat(page(store, 0, 0, 10)).containsExactly(indexKey(0, 1, 0));
    }

    @Test
    void readerSeesTheIndexOfEveryBlockItSees() throws Exception {
        ChainWriter chain = new ChainWriter(store);
        chain.commit(0, changes("alice", "0"));
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> problem = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get() && problem.get() == null) {
                long last = store.lastHeight();
                org.jadechain.core.ledger.IndexReader.Page p = store.index().newestFirst(TestBlocks.indexCounter(0),
                        TestBlocks.indexCounter(0), 0, 1000);
                if (p.keys().size() != p.total()) {
                    problem.set("counter " + p.total() + " but " + p.keys().size() + " keys");
                } else if (p.total() < last) {
                    problem.set("height " + last + " seen before its index (" + p.total() + " entries)");
                }
            }
        });
        reader.start();
        for (int i = 0; i < 200; i++) {
            chain.commit(1, changes("alice", Integer.toString(i)));
        }
        done.set(true);
        reader.join();
        assertThat(problem.get()).isNull();
        assertThat(store.index().count(TestBlocks.indexCounter(0))).isEqualTo(200);
    }
}
