package org.jadechain.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * SHA-256 from the JDK, for the {@code intl} suite: the same function as Bouncy Castle's {@code SHA256Digest},
 * but the JVM compiles it to the CPU's SHA instructions where there are some — about 5× the rate of Bouncy
 * Castle's pure-Java digest here (docs/PERFORMANCE.md). Hashing is most of the block producer's work (state
 * root, Merkle roots), so this matters for throughput. A {@link CryptoSuite.Hasher} is not thread-safe: one
 * per use; the static methods are.
 */
final class JdkSha256Hasher implements CryptoSuite.Hasher {
    private static final MessageDigest PROTOTYPE = create();
    /** One digest per thread for the one-shot {@link #hash} methods (each leaves it reset). */
    private static final ThreadLocal<MessageDigest> PER_THREAD = ThreadLocal.withInitial(JdkSha256Hasher::fresh);
    private final MessageDigest digest = fresh();

    private static MessageDigest create() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** A new digest: a clone of the prototype, which skips the provider look-up. */
    private static MessageDigest fresh() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return create();
        }
    }

    /** Hashes the concatenation of the parts. */
    static Hash hash(byte[]... parts) {
        MessageDigest d = PER_THREAD.get();
        try {
            for (byte[] part : parts) {
                d.update(part);
            }
        } catch (RuntimeException e) {
            d.reset(); // a part was null: leave no half-fed digest behind for the next hash on this thread
            throw e;
        }
        return Hash.wrap(d.digest());
    }

    static Hash hash(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        MessageDigest d = PER_THREAD.get();
        d.update(data, offset, length);
        return Hash.wrap(d.digest());
    }

    @Override
    public CryptoSuite.Hasher update(byte[] data) {
        digest.update(data);
        return this;
    }

    @Override
    public CryptoSuite.Hasher update(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        digest.update(data, offset, length);
        return this;
    }

    @Override
    public CryptoSuite.Hasher update(byte b) {
        digest.update(b);
        return this;
    }

    @Override
    public Hash digest() {
        return Hash.wrap(digest.digest());
    }
}
