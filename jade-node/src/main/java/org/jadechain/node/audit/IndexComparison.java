package org.jadechain.node.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.jadechain.core.ledger.IndexReader;

/**
 * Compares a store's derived index (ADR 0011: e.g. the wallet history) with the one a replay of its blocks built,
 * in one pass over each: counts of keys and counters, and a SHA-256 over every key and counter in order. The
 * digest is a local comparison aid, not a chain format.
 */
final class IndexComparison {
    private IndexComparison() {
    }

    private static final class Summary implements IndexReader.Visitor {
        private final MessageDigest digest;
        long keys;
        long counters;

        Summary() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void key(byte[] key) {
            keys++;
            digest.update((byte) 'k');
            length(key.length);
            digest.update(key);
        }

        @Override
        public void counter(byte[] key, long value) {
            counters++;
            digest.update((byte) 'c');
            length(key.length);
            digest.update(key);
            for (int i = 7; i >= 0; i--) {
                digest.update((byte) (value >>> (8 * i)));
            }
        }

        private void length(int n) {
            digest.update((byte) (n >>> 8));
            digest.update((byte) n);
        }
    }

    /** Null when both hold the same keys and counters, else what differs. */
    static String compare(IndexReader stored, IndexReader replayed) {
        Summary s = new Summary();
        stored.scan(s);
        Summary r = new Summary();
        replayed.scan(r);
        if (s.keys != r.keys || s.counters != r.counters) {
            return "the derived index (wallet history) holds " + s.keys + " entries and " + s.counters
                    + " counters; the blocks give " + r.keys + " and " + r.counters;
        }
        if (!Arrays.equals(s.digest.digest(), r.digest.digest())) {
            return "the derived index (wallet history) differs from the one the blocks give (same sizes, other contents)";
        }
        return null;
    }
}
