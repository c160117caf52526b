package org.jadechain.core.crypto;

import java.util.Arrays;

/**
 * A public key of one suite, held in its canonical encoding (Ed25519: 32 raw bytes; SM2: 65-byte
 * uncompressed point 0x04||X||Y). Instances are created by {@link CryptoSuite#decodePublicKey}, which
 * validates the encoding, so a {@code PublicKey} is always usable. Suites may attach a decoded form.
 */
public abstract class PublicKey {
    private final SuiteId suite;
    private final byte[] encoded;
    // the address under this key's own suite, computed on first use; a benign race, as with String's hash:
    // Address is immutable (final fields), so any thread sees either null or a complete, equal value
    private Address address;

    protected PublicKey(SuiteId suite, byte[] encoded) {
        this.suite = suite;
        this.encoded = encoded.clone();
    }

    public SuiteId suite() {
        return suite;
    }

    public byte[] encoded() {
        return encoded.clone();
    }

    /** The backing array, not to be modified. */
    public byte[] unsafeEncoded() {
        return encoded;
    }

    Address cachedAddress() {
        return address;
    }

    void cacheAddress(Address a) {
        address = a;
    }

    public String hex() {
        return Hex.encode(encoded);
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof PublicKey k && k.suite == suite && Arrays.equals(encoded, k.encoded);
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(encoded) * 31 + suite.hashCode();
    }

    @Override
    public String toString() {
        return suite.label() + ":" + hex();
    }
}
