package org.jadechain.core.crypto;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded map that approximates least-recently-used eviction without a lock on reads, in two generations:
 * entries go into the current generation; when it holds {@code generationSize} entries it becomes the previous
 * one (the old previous is dropped); a hit in the previous generation is copied into the current one. At most
 * about {@code 2 × generationSize} entries are held (a few more while threads race at a generation change).
 * It only ever saves work: callers keep in it what they could compute again. Thread-safe.
 */
final class GenerationalCache<K, V> {
    private final int generationSize;
    private volatile ConcurrentHashMap<K, V> current = new ConcurrentHashMap<>();
    private volatile ConcurrentHashMap<K, V> previous = new ConcurrentHashMap<>();

    GenerationalCache(int generationSize) {
        if (generationSize < 1) {
            throw new IllegalArgumentException("generation size must be positive");
        }
        this.generationSize = generationSize;
    }

    /** The value held for this key, or null; a hit in the previous generation moves to the current one. */
    V get(K key) {
        V value = current.get(key);
        if (value == null) {
            value = previous.get(key);
            if (value != null) {
                put(key, value);
            }
        }
        return value;
    }

    void put(K key, V value) {
        ConcurrentHashMap<K, V> generation = current;
        generation.put(key, value);
        if (generation.size() >= generationSize) {
            synchronized (this) {
                if (current == generation) {
                    previous = generation;
                    current = new ConcurrentHashMap<>();
                }
            }
        }
    }

    /** Entries held now, for tests. */
    int size() {
        return current.size() + previous.size();
    }
}
