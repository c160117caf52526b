package org.jadechain.core.state;

/** Point reads of state by full key (see {@link StateKeys}). */
public interface StateReader {
    /** The value, or null when the key is absent. The caller must not modify the returned array. */
    byte[] get(byte[] fullKey);
}
