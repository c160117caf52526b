package org.jadechain.core.state;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Committed state as the thread that executes blocks reads it: values read or written recently are kept in
 * memory (at most {@link #MAX_ENTRIES} keys, absent keys included; past it the cache starts again empty), the
 * rest comes from the store. {@link #committed} must be told every committed write set and {@link #clear}
 * any change to the store made behind this cache's back, so the cache only ever holds what the store holds.
 * Values are shared with callers, who must not change them (as with {@link StateOverlay}). Not thread-safe:
 * one thread executes and commits blocks.
 */
public final class CommittedStateCache implements StateReader {
    public static final int MAX_ENTRIES = 1 << 17;
    private static final byte[] ABSENT = new byte[0];

    private final StateReader store;
    // Point lookups only, never iterated: order cannot matter.
    private final Map<Bytes, byte[]> values = new HashMap<>();

    public CommittedStateCache(StateReader store) {
        this.store = store;
    }

    @Override
    public byte[] get(byte[] fullKey) {
        byte[] v = values.get(Bytes.wrap(fullKey));
        if (v == null) {
            v = store.get(fullKey);
            remember(Bytes.copyOf(fullKey), v);
            return v;
        }
        return v == ABSENT ? null : v;
    }

    /** Records a committed write set (a null value deleted its key). */
    public void committed(NavigableMap<Bytes, byte[]> changes) {
        for (Map.Entry<Bytes, byte[]> e : changes.entrySet()) {
            remember(e.getKey(), e.getValue());
        }
    }

    /** Forgets everything, e.g. after the store's contents were replaced. */
    public void clear() {
        values.clear();
    }

    private void remember(Bytes key, byte[] value) {
        if (values.size() >= MAX_ENTRIES && !values.containsKey(key)) {
            values.clear();
        }
        values.put(key, value == null ? ABSENT : value);
    }
}
