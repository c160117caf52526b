package org.jadechain.core.contract;

import java.nio.charset.StandardCharsets;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateOverlay;
import org.jadechain.core.state.StateReader;

/** A contract's view of its own namespace; writes go to the current transaction's overlay. */
public final class ContractState {
    private final String namespace;
    private final StateReader reader;
    private final StateOverlay writer;

    public ContractState(String namespace, StateOverlay overlay) {
        this(namespace, overlay, overlay);
    }

    private ContractState(String namespace, StateReader reader, StateOverlay writer) {
        this.namespace = namespace;
        this.reader = reader;
        this.writer = writer;
    }

    /** A read-only view of a namespace. */
    public static ContractState readOnly(String namespace, StateReader reader) {
        return new ContractState(namespace, reader, null);
    }

    public String namespace() {
        return namespace;
    }

    public byte[] get(byte[] key) {
        byte[] v = reader.get(StateKeys.fullKey(namespace, key));
        return v == null ? null : v.clone();
    }

    public byte[] get(String key) {
        return get(key.getBytes(StandardCharsets.UTF_8));
    }

    public boolean has(byte[] key) {
        return reader.get(StateKeys.fullKey(namespace, key)) != null;
    }

    public void put(byte[] key, byte[] value) {
        if (writer == null) {
            throw new IllegalStateException("namespace " + namespace + " is read-only here");
        }
        writer.put(StateKeys.fullKey(namespace, key), value);
    }

    public void put(String key, byte[] value) {
        put(key.getBytes(StandardCharsets.UTF_8), value);
    }

    public void delete(byte[] key) {
        if (writer == null) {
            throw new IllegalStateException("namespace " + namespace + " is read-only here");
        }
        writer.delete(StateKeys.fullKey(namespace, key));
    }

    /** A stored 8-byte big-endian long, or {@code defaultValue} when absent. */
    public long getLong(byte[] key, long defaultValue) {
        byte[] v = get(key);
        if (v == null) {
            return defaultValue;
        }
        return java.nio.ByteBuffer.wrap(v).getLong();
    }

    public void putLong(byte[] key, long value) {
        put(key, java.nio.ByteBuffer.allocate(8).putLong(value).array());
    }
}
