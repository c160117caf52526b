package org.jadechain.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.SuiteId;
import org.junit.jupiter.api.Test;

/**
 * The incremental state tree against {@link StateTree#rootOf}, its slow reference. Writes come from
 * a small key universe so that overwrites, deletions of present keys and emptied buckets are common.
 * Tries are few because every fresh tree or {@code rootOf} hashes all 65,535 interior nodes (~80 ms);
 * each try still commits dozens of writes.
 */
class StateTreeTest {
    private static final CryptoSuite SUITE = CryptoSuites.of(SuiteId.INTL);

    /** A write: a null value deletes. */
    record Write(Bytes key, byte[] value) {
    }

    private static List<Bytes> universe(SplittableRandom random, int size) {
        List<Bytes> keys = new ArrayList<>();
        String[] namespaces = {"kv", "currency", "sys.nonce"};
        for (int i = 0; i < size; i++) {
            byte[] local = new byte[random.nextInt(6)];
            random.nextBytes(local);
            Bytes k = Bytes.wrap(StateKeys.fullKey(namespaces[i % namespaces.length], local));
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        return keys;
    }

    private static byte[] value(SplittableRandom random) {
        byte[] v = new byte[random.nextInt(5) == 0 ? 0 : random.nextInt(1, 24)];
        random.nextBytes(v);
        return v;
    }

    private static List<List<Write>> randomBatches(SplittableRandom random, List<Bytes> keys, int batches) {
        List<List<Write>> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<Write> batch = new ArrayList<>();
            int n = random.nextInt(0, 30);
            for (int i = 0; i < n; i++) {
                Bytes k = keys.get(random.nextInt(keys.size()));
                batch.add(new Write(k, random.nextInt(3) == 0 ? null : value(random)));
            }
            out.add(batch);
        }
        return out;
    }

    /** Commits each batch through preview and apply, returning the tree; the store ends with the state. */
    private static StateTree commitAll(MapStateStore store, List<List<Write>> batches) {
        StateTree tree = new StateTree(SUITE, store.bucketHashes());
        for (List<Write> batch : batches) {
            commit(store, tree, batch);
        }
        return tree;
    }

    private static StateTree.Update commit(MapStateStore store, StateTree tree, List<Write> batch) {
        StateOverlay overlay = new StateOverlay(store);
        for (Write w : batch) {
            if (w.value() == null) {
                overlay.delete(w.key().unsafeArray());
            } else {
                overlay.put(w.key().unsafeArray(), w.value());
            }
        }
        StateTree.Update update = tree.preview(store, overlay.changes());
        tree.apply(update);
        store.commit(overlay.changes(), update.bucketHashes());
        return update;
    }

    private static void applyToModel(TreeMap<Bytes, byte[]> model, List<Write> batch) {
        for (Write w : batch) {
            if (w.value() == null) {
                model.remove(w.key());
            } else {
                model.put(w.key(), w.value());
            }
        }
    }

    private static void assertSameEntries(NavigableMap<Bytes, byte[]> actual, NavigableMap<Bytes, byte[]> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<Bytes, byte[]> e : expected.entrySet()) {
            assertThat(actual.get(e.getKey())).as(Hex.encode(e.getKey().unsafeArray())).isEqualTo(e.getValue());
        }
    }

    @Property(tries = 6)
    void everyIncrementalRootEqualsTheRootOfAllEntries(@ForAll long seed,
                                                       @ForAll @IntRange(min = 1, max = 5) int batches) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Bytes> keys = universe(random, 1 + random.nextInt(40));
        MapStateStore store = new MapStateStore(SUITE);
        StateTree tree = new StateTree(SUITE, store.bucketHashes());
        TreeMap<Bytes, byte[]> model = new TreeMap<>();
        for (List<Write> batch : randomBatches(random, keys, batches)) {
            StateOverlay overlay = new StateOverlay(store);
            for (Write w : batch) {
                if (w.value() == null) {
                    overlay.delete(w.key().unsafeArray());
                } else {
                    overlay.put(w.key().unsafeArray(), w.value());
                }
            }
            applyToModel(model, batch);
            Hash before = tree.root();
            StateTree.Update update = tree.preview(store, overlay.changes());
            assertThat(tree.root()).as("preview leaves the tree alone").isEqualTo(before);
            assertThat(update.root()).isEqualTo(StateTree.rootOf(SUITE, model));
            for (Map.Entry<Integer, Hash> b : update.bucketHashes().entrySet()) {
                TreeMap<Bytes, byte[]> bucket = new TreeMap<>();
                model.forEach((k, v) -> {
                    if (StateKeys.bucketOf(SUITE, k.unsafeArray()) == b.getKey()) {
                        bucket.put(k, v);
                    }
                });
                assertThat(b.getValue()).isEqualTo(StateTree.hashEntries(SUITE, bucket));
            }
            tree.apply(update);
            store.commit(overlay.changes(), update.bucketHashes());
            assertThat(tree.root()).isEqualTo(update.root());
        }
        assertSameEntries(store.entries(), model);
        assertThat(new StateTree(SUITE, store.bucketHashes()).root())
                .as("a tree rebuilt from the stored bucket hashes").isEqualTo(tree.root());
    }

    @Property(tries = 5)
    void equalStatesHaveEqualRootsHoweverTheirWritesWereOrderedAndBatched(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Bytes> keys = universe(random, 1 + random.nextInt(40));
        TreeMap<Bytes, byte[]> target = new TreeMap<>();
        for (Bytes k : keys) {
            if (random.nextBoolean()) {
                target.put(k, value(random));
            }
        }
        Hash[] roots = new Hash[3];
        for (int history = 0; history < roots.length; history++) {
            // a different history each time: random noise, then every key set to its target in random order
            List<Write> writes = new ArrayList<>();
            for (List<Write> noise : randomBatches(random, keys, random.nextInt(3))) {
                writes.addAll(noise);
            }
            List<Bytes> order = new ArrayList<>(keys);
            for (int i = order.size() - 1; i > 0; i--) {
                java.util.Collections.swap(order, i, random.nextInt(i + 1));
            }
            for (Bytes k : order) {
                writes.add(new Write(k, target.get(k)));
            }
            List<List<Write>> batches = new ArrayList<>();
            int at = 0;
            while (at < writes.size()) {
                int n = history == 0 ? writes.size() : 1 + random.nextInt(history == 1 ? 3 : 15);
                batches.add(writes.subList(at, Math.min(writes.size(), at + n)));
                at += n;
            }
            MapStateStore store = new MapStateStore(SUITE);
            roots[history] = commitAll(store, batches).root();
            assertSameEntries(store.entries(), target);
        }
        assertThat(roots[1]).isEqualTo(roots[0]);
        assertThat(roots[2]).isEqualTo(roots[0]);
        assertThat(roots[0]).isEqualTo(StateTree.rootOf(SUITE, target));
    }

    @Property(tries = 10)
    void differentStatesHaveDifferentRoots(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Bytes> keys = universe(random, 2 + random.nextInt(30));
        MapStateStore store = new MapStateStore(SUITE);
        StateTree tree = commitAll(store, randomBatches(random, keys, 2));
        // every single-key change of the committed state, and the state itself: all roots distinct
        Map<Hash, String> seen = new HashMap<>();
        seen.put(tree.root(), "unchanged");
        for (Bytes k : keys) {
            byte[] current = store.get(k.unsafeArray());
            List<byte[]> alternatives = new ArrayList<>();
            alternatives.add(null);
            alternatives.add(new byte[0]);
            alternatives.add(current == null ? new byte[] {1} : Arrays.copyOf(current, current.length + 1));
            if (current != null && current.length > 0) {
                byte[] flipped = current.clone();
                flipped[0] ^= 1;
                alternatives.add(flipped);
            }
            for (byte[] alt : alternatives) {
                if (Arrays.equals(alt, current)) {
                    continue;
                }
                StateOverlay overlay = new StateOverlay(store);
                if (alt == null) {
                    if (current == null) {
                        continue;
                    }
                    overlay.delete(k.unsafeArray());
                } else {
                    overlay.put(k.unsafeArray(), alt);
                }
                Hash root = tree.preview(store, overlay.changes()).root();
                String what = Hex.encode(k.unsafeArray()) + " -> " + (alt == null ? "deleted" : Hex.encode(alt));
                assertThat(seen.put(root, what)).as("%s gives the root of another state", what).isNull();
            }
        }
    }

    @Test
    void anEmptyTreeHasEmptyBucketsAndWritingNothingKeepsTheRoot() {
        MapStateStore store = new MapStateStore(SUITE);
        StateTree tree = new StateTree(SUITE, store.bucketHashes());
        assertThat(tree.root()).isEqualTo(StateTree.rootOf(SUITE, new TreeMap<>()));
        assertThat(tree.bucketHash(12_345)).isEqualTo(SUITE.hash(new byte[] {0}));
        StateTree.Update nothing = tree.preview(store, new TreeMap<>());
        assertThat(nothing.root()).isEqualTo(tree.root());
        assertThat(nothing.bucketHashes()).isEmpty();
    }

    @Test
    void anEmptyValueIsStateDistinctFromAnAbsentKey() {
        MapStateStore store = new MapStateStore(SUITE);
        StateTree tree = new StateTree(SUITE, store.bucketHashes());
        Bytes key = Bytes.wrap(StateKeys.fullKey("kv", "k"));
        StateOverlay overlay = new StateOverlay(store);
        overlay.put(key.unsafeArray(), new byte[0]);
        assertThat(tree.preview(store, overlay.changes()).root()).isNotEqualTo(tree.root());
    }

    @Test
    void theBoundaryBetweenKeyAndValueIsPartOfTheHash() {
        TreeMap<Bytes, byte[]> a = new TreeMap<>();
        a.put(Bytes.wrap(new byte[] {1, 2}), new byte[] {3});
        TreeMap<Bytes, byte[]> b = new TreeMap<>();
        b.put(Bytes.wrap(new byte[] {1}), new byte[] {2, 3});
        assertThat(StateTree.hashEntries(SUITE, a)).isNotEqualTo(StateTree.hashEntries(SUITE, b));
        TreeMap<Bytes, byte[]> two = new TreeMap<>();
        two.put(Bytes.wrap(new byte[] {1}), new byte[] {2});
        two.put(Bytes.wrap(new byte[] {3}), new byte[] {4});
        TreeMap<Bytes, byte[]> one = new TreeMap<>();
        one.put(Bytes.wrap(new byte[] {1}), new byte[] {2, 1, 3, 1, 4});
        assertThat(StateTree.hashEntries(SUITE, two)).isNotEqualTo(StateTree.hashEntries(SUITE, one));
    }

    @Test
    void aBucketWrittenAgainIsHashedFromItsCachedEntriesAndADiscardedPreviewLeavesNoTrace() {
        // four keys that share one bucket, so later blocks rebuild that bucket from the tree's cache
        List<Bytes> same = new ArrayList<>();
        int bucket = StateKeys.bucketOf(SUITE, StateKeys.fullKey("kv", "k0"));
        for (int i = 0; same.size() < 4; i++) {
            byte[] k = StateKeys.fullKey("kv", "k" + i);
            if (StateKeys.bucketOf(SUITE, k) == bucket) {
                same.add(Bytes.wrap(k));
            }
        }
        MapStateStore store = new MapStateStore(SUITE);
        StateTree tree = new StateTree(SUITE, store.bucketHashes());
        TreeMap<Bytes, byte[]> model = new TreeMap<>();
        List<List<Write>> blocks = List.of(
                List.of(new Write(same.get(0), new byte[] {1}), new Write(same.get(1), new byte[] {2})),
                List.of(new Write(same.get(2), new byte[] {3})),
                List.of(new Write(same.get(0), null), new Write(same.get(3), new byte[] {4})));
        for (List<Write> batch : blocks) {
            StateOverlay discarded = new StateOverlay(store);
            discarded.put(same.get(1).unsafeArray(), new byte[] {9});
            discarded.delete(same.get(2).unsafeArray());
            tree.preview(store, discarded.changes());

            commit(store, tree, batch);
            applyToModel(model, batch);
            assertThat(tree.root()).isEqualTo(StateTree.rootOf(SUITE, model));
            assertThat(new StateTree(SUITE, store.bucketHashes()).root()).isEqualTo(tree.root());
        }
    }
}
