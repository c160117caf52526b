package org.jadechain.core.state;

import java.util.Arrays;

/** An immutable byte string ordered by unsigned lexicographic comparison; a map key for state. */
public final class Bytes implements Comparable<Bytes> {
    private final byte[] value;
    private final int hash;

    private Bytes(byte[] value) {
        this.value = value;
        this.hash = Arrays.hashCode(value);
    }

    public static Bytes copyOf(byte[] value) {
        return new Bytes(value.clone());
    }

    /** Takes ownership without copying. */
    public static Bytes wrap(byte[] value) {
        return new Bytes(value);
    }

    public byte[] unsafeArray() {
        return value;
    }

    public byte[] toArray() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && hash == b.hash && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(Bytes o) {
        return Arrays.compareUnsigned(value, o.value);
    }
}
