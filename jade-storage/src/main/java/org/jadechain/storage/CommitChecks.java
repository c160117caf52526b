package org.jadechain.storage;

import java.util.Map;
import java.util.Objects;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.ledger.BlockCommit;
import org.jadechain.core.state.StateKeys;

/** Checks a {@link BlockCommit} before any store writes it, so both stores refuse the same inputs. */
final class CommitChecks {
    private CommitChecks() {
    }

    /**
     * @throws IllegalArgumentException when the commit is not for the next height, has a missing part,
     *                                  or names a bucket out of range
     */
    static void check(BlockCommit c, long lastHeight) {
        Objects.requireNonNull(c, "commit");
        if (c.height() != lastHeight + 1) {
            throw new IllegalArgumentException("commit for height " + c.height() + ", expected " + (lastHeight + 1));
        }
        Objects.requireNonNull(c.blockHash(), "blockHash");
        Objects.requireNonNull(c.blockBytes(), "blockBytes");
        Objects.requireNonNull(c.certificateBytes(), "certificateBytes");
        Objects.requireNonNull(c.stateChanges(), "stateChanges");
        Objects.requireNonNull(c.bucketHashes(), "bucketHashes");
        for (Map.Entry<Integer, Hash> e : c.bucketHashes().entrySet()) {
            checkBucket(e.getKey());
            Objects.requireNonNull(e.getValue(), "hash of bucket " + e.getKey());
        }
    }

    static void checkBucket(int bucket) {
        if (bucket < 0 || bucket >= StateKeys.BUCKETS) {
            throw new IllegalArgumentException("bucket " + bucket + " out of range 0.." + (StateKeys.BUCKETS - 1));
        }
    }
}
