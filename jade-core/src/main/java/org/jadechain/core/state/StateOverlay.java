package org.jadechain.core.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Uncommitted writes layered over a reader. Deletions are kept as tombstones so they shadow the base.
 * The writes are held in a hash map for fast point access and are never iterated in its order: a child's
 * writes are moved into its parent key by key (order cannot matter), and {@link #changes()} hands them out
 * sorted by key, so anything derived from them is deterministic. Not thread-safe.
 */
public final class StateOverlay implements StateReader {
    private static final byte[] TOMBSTONE = new byte[0];

    private final StateReader base;
    private final HashMap<Bytes, byte[]> writes = new HashMap<>();

    public StateOverlay(StateReader base) {
        this.base = base;
    }

    @Override
    public byte[] get(byte[] fullKey) {
        byte[] v = writes.get(Bytes.wrap(fullKey));
        if (v == null) {
            return base.get(fullKey);
        }
        return v == TOMBSTONE ? null : v;
    }

    public void put(byte[] fullKey, byte[] value) {
        if (value.length > StateKeys.MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("state value over " + StateKeys.MAX_VALUE_BYTES + " bytes");
        }
        writes.put(Bytes.copyOf(fullKey), value.length == 0 ? new byte[0] : value.clone());
    }

    public void delete(byte[] fullKey) {
        writes.put(Bytes.copyOf(fullKey), TOMBSTONE);
    }

    /** Moves the other overlay's writes into this one (the other must have been layered on this). */
    public void absorb(StateOverlay child) {
        writes.putAll(child.writes);
    }

    public boolean isEmpty() {
        return writes.isEmpty();
    }

    public int size() {
        return writes.size();
    }

    /** The writes in key order; a null value means the key is deleted. */
    public NavigableMap<Bytes, byte[]> changes() {
        TreeMap<Bytes, byte[]> out = new TreeMap<>();
        for (Map.Entry<Bytes, byte[]> e : writes.entrySet()) {
            out.put(e.getKey(), e.getValue() == TOMBSTONE ? null : e.getValue());
        }
        return Collections.unmodifiableNavigableMap(out);
    }
}
