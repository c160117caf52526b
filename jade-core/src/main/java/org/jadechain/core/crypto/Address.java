package org.jadechain.core.crypto;

import java.util.Arrays;

/**
 * An account address: the first 20 bytes of the chain's hash of the encoded public key. Shown as 40
 * lower-case hex digits.
 */
public final class Address implements Comparable<Address> {
    public static final int LENGTH = 20;

    private final byte[] bytes;

    private Address(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Address of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an address is 20 bytes, got " + bytes.length);
        }
        return new Address(bytes.clone());
    }

    /** @throws IllegalArgumentException when the text is not 40 hex digits */
    public static Address fromHex(String hex) {
        byte[] b = Hex.decode(hex);
        if (b.length != LENGTH) {
            throw new IllegalArgumentException("an address is 40 hex digits, got " + hex.length());
        }
        return new Address(b);
    }

    public static Address fromHash(Hash hash) {
        return new Address(Arrays.copyOf(hash.unsafeBytes(), LENGTH));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Address o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
