package org.jadechain.core.state;

import java.util.function.BiConsumer;
import org.jadechain.core.crypto.Hash;

/**
 * Committed state as the ledger needs it: point reads, the entries of one bucket in key order, and
 * the stored hash of every bucket. Implemented by the storage module; reads see the last commit.
 */
public interface StateStore extends StateReader {
    /** Visits the entries of a bucket in unsigned key order. */
    void scanBucket(int bucket, BiConsumer<byte[], byte[]> visitor);

    /** The stored bucket hashes, indexed by bucket; an array of {@link StateKeys#BUCKETS} entries. */
    Hash[] bucketHashes();
}
