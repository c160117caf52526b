package org.jadechain.core.crypto;

import java.util.Arrays;

/**
 * A bounded cache of one suite's decoded public keys by their encoding, so that a sender's key is validated and
 * decoded once rather than for every transaction: for SM2 that is the point's check and its Z<sub>A</sub> and
 * comb table, for Ed25519 the point's decompression (a field exponentiation, about a tenth of a
 * verification). It only saves time: a key is put here after it was validated, and a hit returns an equal key.
 * At most about {@code 2 × generationSize} keys are held ({@link GenerationalCache}). Thread-safe.
 */
final class DecodedKeyCache<K extends PublicKey> {
    private final GenerationalCache<Encoding, K> keys;

    DecodedKeyCache(int generationSize) {
        this.keys = new GenerationalCache<>(generationSize);
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
        return keys.get(new Encoding(encoded));
    }

    void put(K key) {
        keys.put(new Encoding(key.unsafeEncoded()), key);
    }

    /** Keys held now, for tests. */
    int size() {
        return keys.size();
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
