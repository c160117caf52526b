package org.jadechain.core.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;

/**
 * The state root: an RFC 9162 Merkle tree over {@link StateKeys#BUCKETS} buckets, where bucket i's
 * leaf data is the canonical encoding of its entries in key order ({@code varint klen, key, varint vlen,
 * value} each). Two states have the same root exactly when they hold the same entries (up to hash
 * collisions). See ADR 0002 for the cost per write.
 *
 * <p>The tree keeps every node in memory (2 × 65,536 hashes, 4 MiB). {@link #preview} computes the root
 * a set of writes would give without changing the tree; {@link #apply} installs it. It also keeps the
 * committed entries of recently touched buckets (at most {@link #MAX_CACHED_ENTRIES} entries in all), so a
 * bucket written again need not be read back from the store; the cache only ever holds what the store
 * holds, so the roots do not depend on it. Not thread-safe.
 */
public final class StateTree {
    /** Entries of committed buckets kept in memory between blocks; past it the cache starts again empty. */
    public static final int MAX_CACHED_ENTRIES = 1 << 17;

    private final CryptoSuite suite;
    private final Hash[] nodes = new Hash[2 * StateKeys.BUCKETS];
    // Looked up by bucket only, never iterated for a result: order cannot matter.
    private final Map<Integer, NavigableMap<Bytes, byte[]>> cachedBuckets = new HashMap<>();
    private int cachedEntries;

    /** Builds the tree from stored bucket hashes (as returned by {@link StateStore#bucketHashes()}). */
    public StateTree(CryptoSuite suite, Hash[] bucketHashes) {
        if (bucketHashes.length != StateKeys.BUCKETS) {
            throw new IllegalArgumentException("expected " + StateKeys.BUCKETS + " bucket hashes");
        }
        this.suite = suite;
        System.arraycopy(bucketHashes, 0, nodes, StateKeys.BUCKETS, StateKeys.BUCKETS);
        Hash lastLeft = null;
        Hash lastRight = null;
        Hash lastParent = null;
        for (int i = StateKeys.BUCKETS - 1; i >= 1; i--) {
            Hash l = nodes[2 * i];
            Hash r = nodes[2 * i + 1];
            // runs of empty buckets share one Hash instance, so an empty tree costs 16 hashes, not 65,535
            if (l != lastLeft || r != lastRight) {
                lastParent = node(l, r);
                lastLeft = l;
                lastRight = r;
            }
            nodes[i] = lastParent;
        }
    }

    /** The hash of an empty bucket: H(0x00). */
    public static Hash emptyBucketHash(CryptoSuite suite) {
        return suite.hash(new byte[] {0x00});
    }

    public static Hash[] emptyBuckets(CryptoSuite suite) {
        Hash[] out = new Hash[StateKeys.BUCKETS];
        java.util.Arrays.fill(out, emptyBucketHash(suite));
        return out;
    }

    public Hash root() {
        return nodes[1];
    }

    public Hash bucketHash(int bucket) {
        return nodes[StateKeys.BUCKETS + bucket];
    }

    private Hash node(Hash l, Hash r) {
        return suite.hash(new byte[] {0x01}, l.unsafeBytes(), r.unsafeBytes());
    }

    /**
     * The result of applying a set of writes: the writes themselves in key order (a null value deletes),
     * new bucket hashes, the tree nodes that change (parallel arrays of node index and hash) and the root
     * they give.
     */
    public static final class Update {
        private final NavigableMap<Bytes, byte[]> changes;
        private final NavigableMap<Integer, Hash> bucketHashes;
        private final Map<Integer, NavigableMap<Bytes, byte[]>> bucketEntries;
        private final int[] changedIndexes;
        private final Hash[] changedHashes;
        private final Hash root;

        private Update(NavigableMap<Bytes, byte[]> changes, NavigableMap<Integer, Hash> bucketHashes,
                       Map<Integer, NavigableMap<Bytes, byte[]>> bucketEntries, int[] changedIndexes,
                       Hash[] changedHashes, Hash root) {
            this.changes = changes;
            this.bucketHashes = bucketHashes;
            this.bucketEntries = bucketEntries;
            this.changedIndexes = changedIndexes;
            this.changedHashes = changedHashes;
            this.root = root;
        }

        /** The writes this update was computed from, in key order; a null value means deleted. */
        public NavigableMap<Bytes, byte[]> changes() {
            return changes;
        }

        /** The new hash of every bucket the writes touch. */
        public NavigableMap<Integer, Hash> bucketHashes() {
            return bucketHashes;
        }

        public Hash root() {
            return root;
        }
    }

    /**
     * Computes the new hash of every bucket the writes touch, reading the rest of each bucket from the
     * committed store (or this tree's cache of it), and the root that results. Does not change this tree.
     *
     * @param changes the writes in key order, a null value deleting the key
     */
    public Update preview(StateStore committed, NavigableMap<Bytes, byte[]> changes) {
        // the writes ordered by (bucket, key): they come in key order, and sorting (bucket << 32 | position)
        // keeps that order within a bucket
        int size = changes.size();
        Bytes[] keys = new Bytes[size];
        byte[][] values = new byte[size][];
        long[] order = new long[size];
        int i = 0;
        for (Map.Entry<Bytes, byte[]> e : changes.entrySet()) {
            keys[i] = e.getKey();
            values[i] = e.getValue();
            order[i] = ((long) StateKeys.bucketOf(suite, e.getKey().unsafeArray()) << 32) | i;
            i++;
        }
        java.util.Arrays.sort(order);
        TreeMap<Integer, Hash> newBuckets = new TreeMap<>();
        Map<Integer, NavigableMap<Bytes, byte[]>> entries = new HashMap<>();
        for (int from = 0; from < size; ) {
            int bucket = (int) (order[from] >>> 32);
            int to = from + 1;
            while (to < size && (int) (order[to] >>> 32) == bucket) {
                to++;
            }
            NavigableMap<Bytes, byte[]> merged = merged(committed, bucket, keys, values, order, from, to);
            entries.put(bucket, merged);
            newBuckets.put(bucket, hashEntries(suite, merged));
            from = to;
        }
        int n = newBuckets.size();
        int[] level = new int[n];
        Hash[] levelHashes = new Hash[n];
        i = 0;
        for (Map.Entry<Integer, Hash> e : newBuckets.entrySet()) {
            level[i] = StateKeys.BUCKETS + e.getKey();
            levelHashes[i++] = e.getValue();
        }
        int[] changedIndexes = new int[2 * n + StateKeys.BUCKET_BITS];
        Hash[] changedHashes = new Hash[changedIndexes.length];
        int changed = 0;
        Hash root = root();
        while (n > 0) {
            if (changed + n > changedIndexes.length) {
                int grown = Math.max(changedIndexes.length * 2, changed + n);
                changedIndexes = java.util.Arrays.copyOf(changedIndexes, grown);
                changedHashes = java.util.Arrays.copyOf(changedHashes, grown);
            }
            System.arraycopy(level, 0, changedIndexes, changed, n);
            System.arraycopy(levelHashes, 0, changedHashes, changed, n);
            changed += n;
            if (level[0] == 1) {
                root = levelHashes[0];
                break;
            }
            // level is sorted ascending; so are the parents, and a node's sibling, if changed too, is next to it
            int m = 0;
            for (int j = 0; j < n; m++) {
                int idx = level[j];
                Hash l;
                Hash r;
                if ((idx & 1) == 0) {
                    l = levelHashes[j];
                    if (j + 1 < n && level[j + 1] == idx + 1) {
                        r = levelHashes[j + 1];
                        j += 2;
                    } else {
                        r = nodes[idx + 1];
                        j++;
                    }
                } else {
                    l = nodes[idx - 1];
                    r = levelHashes[j];
                    j++;
                }
                level[m] = idx >>> 1;
                levelHashes[m] = node(l, r);
            }
            n = m;
        }
        return new Update(changes, newBuckets, entries, java.util.Arrays.copyOf(changedIndexes, changed),
                java.util.Arrays.copyOf(changedHashes, changed), root);
    }

    /** The bucket's committed entries with the writes {@code order[from..to)} (positions in keys/values) applied. */
    private NavigableMap<Bytes, byte[]> merged(StateStore committed, int bucket, Bytes[] keys, byte[][] values,
                                               long[] order, int from, int to) {
        NavigableMap<Bytes, byte[]> cached = cachedBuckets.get(bucket);
        TreeMap<Bytes, byte[]> merged;
        if (cached != null) {
            merged = new TreeMap<>(cached);
        } else {
            merged = new TreeMap<>();
            committed.scanBucket(bucket, (k, v) -> merged.put(Bytes.wrap(k), v));
        }
        for (int j = from; j < to; j++) {
            int at = (int) order[j];
            if (values[at] == null) {
                merged.remove(keys[at]);
            } else {
                merged.put(keys[at], values[at]);
            }
        }
        return merged;
    }

    /**
     * Installs an update computed by {@link #preview} against this tree's current state, once its writes are
     * committed to the store the preview read from.
     */
    public void apply(Update update) {
        for (int i = 0; i < update.changedIndexes.length; i++) {
            nodes[update.changedIndexes[i]] = update.changedHashes[i];
        }
        for (Map.Entry<Integer, NavigableMap<Bytes, byte[]>> e : update.bucketEntries.entrySet()) {
            NavigableMap<Bytes, byte[]> old = cachedBuckets.put(e.getKey(), e.getValue());
            cachedEntries += e.getValue().size() - (old == null ? 0 : old.size());
        }
        if (cachedEntries > MAX_CACHED_ENTRIES) {
            cachedBuckets.clear();
            cachedEntries = 0;
        }
    }

    /**
     * Recomputes one bucket's leaf hash from the entries a store holds in it, trusting nothing stored about
     * it; returns null when the bucket holds a key that belongs to another bucket.
     */
    public static Hash recomputeBucket(CryptoSuite suite, StateStore store, int bucket) {
        TreeMap<Bytes, byte[]> entries = new TreeMap<>();
        boolean[] misplaced = new boolean[1];
        store.scanBucket(bucket, (k, v) -> {
            if (StateKeys.bucketOf(suite, k) != bucket) {
                misplaced[0] = true;
            }
            entries.put(Bytes.copyOf(k), v.clone());
        });
        return misplaced[0] ? null : hashEntries(suite, entries);
    }

    /** The leaf hash of a bucket holding exactly these entries. */
    public static Hash hashEntries(CryptoSuite suite, NavigableMap<Bytes, byte[]> entries) {
        ByteWriter w = new ByteWriter(128);
        w.u8(0x00);
        for (Map.Entry<Bytes, byte[]> e : entries.entrySet()) {
            w.varint(e.getKey().length()).raw(e.getKey().unsafeArray()).varint(e.getValue().length).raw(e.getValue());
        }
        return suite.hash(w.toByteArray());
    }

    /** The root of a state given as all its entries; a slow reference for verification and tests. */
    public static Hash rootOf(CryptoSuite suite, NavigableMap<Bytes, byte[]> allEntries) {
        List<TreeMap<Bytes, byte[]>> buckets = new ArrayList<>(StateKeys.BUCKETS);
        for (int i = 0; i < StateKeys.BUCKETS; i++) {
            buckets.add(null);
        }
        for (Map.Entry<Bytes, byte[]> e : allEntries.entrySet()) {
            int b = StateKeys.bucketOf(suite, e.getKey().unsafeArray());
            if (buckets.get(b) == null) {
                buckets.set(b, new TreeMap<>());
            }
            buckets.get(b).put(e.getKey(), e.getValue());
        }
        Hash empty = emptyBucketHash(suite);
        Hash[] hashes = new Hash[StateKeys.BUCKETS];
        for (int i = 0; i < StateKeys.BUCKETS; i++) {
            hashes[i] = buckets.get(i) == null ? empty : hashEntries(suite, buckets.get(i));
        }
        return new StateTree(suite, hashes).root();
    }
}
