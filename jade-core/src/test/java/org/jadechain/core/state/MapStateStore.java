package org.jadechain.core.state;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;

/**
 * A committed state in a {@link TreeMap}, with an index by bucket and the bucket hashes that commits
 * hand it (from {@link StateTree.Update#bucketHashes()}), as a storage module would keep them.
 */
public final class MapStateStore implements StateStore {
    private final CryptoSuite suite;
    private final TreeMap<Bytes, byte[]> entries = new TreeMap<>();
    private final TreeMap<Integer, TreeMap<Bytes, byte[]>> byBucket = new TreeMap<>();
    private final Hash[] bucketHashes;

    public MapStateStore(CryptoSuite suite) {
        this.suite = suite;
        this.bucketHashes = StateTree.emptyBuckets(suite);
    }

    @Override
    public byte[] get(byte[] fullKey) {
        return entries.get(Bytes.wrap(fullKey));
    }

    @Override
    public void scanBucket(int bucket, BiConsumer<byte[], byte[]> visitor) {
        for (Map.Entry<Bytes, byte[]> e : byBucket.getOrDefault(bucket, new TreeMap<>()).entrySet()) {
            visitor.accept(e.getKey().toArray(), e.getValue().clone());
        }
    }

    @Override
    public Hash[] bucketHashes() {
        return bucketHashes.clone();
    }

    /** Applies writes (null = delete) and the new hashes of the buckets they touched. */
    public void commit(NavigableMap<Bytes, byte[]> changes, Map<Integer, Hash> newBucketHashes) {
        for (Map.Entry<Bytes, byte[]> e : changes.entrySet()) {
            int bucket = StateKeys.bucketOf(suite, e.getKey().unsafeArray());
            TreeMap<Bytes, byte[]> b = byBucket.computeIfAbsent(bucket, k -> new TreeMap<>());
            if (e.getValue() == null) {
                entries.remove(e.getKey());
                b.remove(e.getKey());
            } else {
                entries.put(e.getKey(), e.getValue().clone());
                b.put(e.getKey(), e.getValue().clone());
            }
        }
        for (Map.Entry<Integer, Hash> e : newBucketHashes.entrySet()) {
            bucketHashes[e.getKey()] = e.getValue();
        }
    }

    /** Every entry, in key order. */
    public NavigableMap<Bytes, byte[]> entries() {
        return Collections.unmodifiableNavigableMap(entries);
    }
}
