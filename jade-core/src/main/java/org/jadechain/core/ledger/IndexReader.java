package org.jadechain.core.ledger;

import java.util.List;

/**
 * Reads the index a {@link LedgerStore} keeps through its {@link BlockIndexer}. Each call sees one commit
 * entirely or not at all; thread-safe like the store.
 */
public interface IndexReader {
    /** An index that holds nothing (a store without an indexer). */
    IndexReader EMPTY = new IndexReader() {
        @Override
        public long count(byte[] counterKey) {
            return 0;
        }

        @Override
        public Page newestFirst(byte[] counterKey, byte[] prefix, long skip, int limit) {
            return new Page(0, List.of());
        }

        @Override
        public void scan(Visitor visitor) {
        }
    };

    /** A counter and, read at the same commit, keys under a prefix. */
    record Page(long total, List<byte[]> keys) {
        public Page {
            keys = List.copyOf(keys);
        }
    }

    /** Visits the whole index: every key, then every counter, each in unsigned byte order. */
    interface Visitor {
        void key(byte[] key);

        void counter(byte[] key, long value);
    }

    /** The counter under that key; 0 when it was never incremented. */
    long count(byte[] counterKey);

    /**
     * The counter under {@code counterKey} and, read at the same commit, up to {@code limit} keys starting with
     * {@code prefix} in descending unsigned order (for keys that end in a height, newest first) after skipping
     * the first {@code skip} of them. Costs O(skip + limit).
     */
    Page newestFirst(byte[] counterKey, byte[] prefix, long skip, int limit);

    /** For audits: visits every key and counter (see {@link Visitor}). */
    void scan(Visitor visitor);
}
