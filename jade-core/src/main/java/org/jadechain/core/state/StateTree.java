package org.jadechain.core.state;

import java.util.ArrayList;
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
 * a set of writes would give without changing the tree; {@link #apply} installs it. Not thread-safe.
 */
public final class StateTree {
    private final CryptoSuite suite;
    private final Hash[] nodes = new Hash[2 * StateKeys.BUCKETS];

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

    /** The result of applying a set of writes: new bucket hashes and the root they give. */
    public record Update(NavigableMap<Integer, Hash> bucketHashes, Map<Integer, Hash> changedNodes, Hash root) {
    }

    /**
     * Computes the new hash of every bucket the writes touch, reading the rest of each bucket from the
     * committed store, and the root that results. Does not change this tree.
     */
    public Update preview(StateStore committed, NavigableMap<Bytes, byte[]> changes) {
        TreeMap<Integer, TreeMap<Bytes, byte[]>> byBucket = new TreeMap<>();
        for (Map.Entry<Bytes, byte[]> e : changes.entrySet()) {
            int b = StateKeys.bucketOf(suite, e.getKey().unsafeArray());
            byBucket.computeIfAbsent(b, k -> new TreeMap<>()).put(e.getKey(), e.getValue());
        }
        TreeMap<Integer, Hash> newBuckets = new TreeMap<>();
        for (Map.Entry<Integer, TreeMap<Bytes, byte[]>> e : byBucket.entrySet()) {
            newBuckets.put(e.getKey(), hashBucket(committed, e.getKey(), e.getValue()));
        }
        Map<Integer, Hash> changedNodes = changedNodes(newBuckets);
        return new Update(newBuckets, changedNodes, changedNodes.isEmpty() ? root() : changedNodes.get(1));
    }

    private Hash hashBucket(StateStore committed, int bucket, TreeMap<Bytes, byte[]> changes) {
        TreeMap<Bytes, byte[]> merged = new TreeMap<>();
        committed.scanBucket(bucket, (k, v) -> merged.put(Bytes.wrap(k), v));
        for (Map.Entry<Bytes, byte[]> c : changes.entrySet()) {
            if (c.getValue() == null) {
                merged.remove(c.getKey());
            } else {
                merged.put(c.getKey(), c.getValue());
            }
        }
        return hashEntries(suite, merged);
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
        CryptoSuite.Hasher h = suite.newHasher().update((byte) 0x00);
        ByteWriter w = new ByteWriter(64);
        for (Map.Entry<Bytes, byte[]> e : entries.entrySet()) {
            w.reset();
            w.varint(e.getKey().length()).raw(e.getKey().unsafeArray()).varint(e.getValue().length);
            h.update(w.toByteArray());
            h.update(e.getValue());
        }
        return h.digest();
    }

    private Map<Integer, Hash> changedNodes(NavigableMap<Integer, Hash> newBuckets) {
        // Looked up and installed by index only, never iterated for a result: order cannot matter.
        Map<Integer, Hash> changed = new java.util.HashMap<>();
        if (newBuckets.isEmpty()) {
            return changed;
        }
        List<Integer> level = new ArrayList<>();
        for (Map.Entry<Integer, Hash> e : newBuckets.entrySet()) {
            int idx = StateKeys.BUCKETS + e.getKey();
            changed.put(idx, e.getValue());
            level.add(idx);
        }
        while (!(level.size() == 1 && level.get(0) == 1)) {
            List<Integer> parents = new ArrayList<>();
            for (int idx : level) {
                int p = idx >>> 1;
                if (parents.isEmpty() || parents.get(parents.size() - 1) != p) {
                    parents.add(p);
                }
            }
            for (int p : parents) {
                Hash l = changed.getOrDefault(2 * p, nodes[2 * p]);
                Hash r = changed.getOrDefault(2 * p + 1, nodes[2 * p + 1]);
                changed.put(p, node(l, r));
            }
            level = parents;
        }
        return changed;
    }

    /** Installs an update computed by {@link #preview} against this tree's current state. */
    public void apply(Update update) {
        for (Map.Entry<Integer, Hash> e : update.changedNodes().entrySet()) {
            nodes[e.getKey()] = e.getValue();
        }
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
