package org.jadechain.core.crypto;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded cache of one suite's decoded public keys by their encoding, so that a sender's key is validated and
 * decoded once rather than for every transaction: for SM2 that is the point's check and its Z<sub>A</sub> and
 * point tables, for Ed25519 the point's decompression (a field exponentiation, about a tenth of a
 * verification). It only saves time: a key is put here after it was validated, and a hit returns an equal key.
 *
 * <p>Two generations approximate least-recently-used eviction without a lock on reads: keys go into the
 * current generation; when it holds {@code generationSize} keys it becomes the previous one (the old previous
 * is dropped); a hit in the previous generation is copied into the current one. At most about
 * {@code 2 × generationSize} keys are held (a few more while threads race at a generation change).
 * Thread-safe.
 */
final class DecodedKeyCache<K extends PublicKey> {
    private final int generationSize;
    private volatile ConcurrentHashMap<Encoding, K> current = new ConcurrentHashMap<>();
    private volatile ConcurrentHashMap<Encoding, K> previous = new ConcurrentHashMap<>();

    DecodedKeyCache(int generationSize) {
        if (generationSize < 1) {
            throw new IllegalArgumentException("generation size must be positive");
        }
        this.generationSize = generationSize;
    }

    /** Turns a validated encoding into a key, or refuses it. */
    @FunctionalInterface
    interface Decoder<K> {
        K decode(byte[] encoded) throws CryptoException;
    }

    /** The key with exactly this encoding: the cached one, or {@code decoder}'s, kept for next time (refusals are not). */
    K decode(byte[] encoded, Decoder<K> decoder) throws CryptoException {
        K key = get(encoded);
        if (key == null) {
            key = decoder.decode(encoded);
            put(key);
        }
        return key;
    }

    /** The cached key with exactly this encoding, or null. */
    K get(byte[] encoded) {
        Encoding e = new Encoding(encoded);
        K key = current.get(e);
        if (key == null) {
            key = previous.get(e);
            if (key != null) {
                put(key);
            }
        }
        return key;
    }

    void put(K key) {
        ConcurrentHashMap<Encoding, K> generation = current;
        generation.put(new Encoding(key.unsafeEncoded()), key);
        if (generation.size() >= generationSize) {
            synchronized (this) {
                if (current == generation) {
                    previous = generation;
                    current = new ConcurrentHashMap<>();
                }
            }
        }
    }

    /** Keys held now, for tests. */
    int size() {
        return current.size() + previous.size();
    }

    /** Compares the bytes; holds the array without copying (callers pass arrays nobody modifies). */
    private static final class Encoding {
        private final byte[] bytes;
        private final int hash;

        Encoding(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Encoding e && e.hash == hash && Arrays.equals(e.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
