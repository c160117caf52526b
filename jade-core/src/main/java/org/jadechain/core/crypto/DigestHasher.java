package org.jadechain.core.crypto;

import java.util.Objects;
import org.bouncycastle.crypto.Digest;

/** A {@link CryptoSuite.Hasher} over a Bouncy Castle 32-byte digest. Not thread-safe: one per use. */
final class DigestHasher implements CryptoSuite.Hasher {
    private final Digest digest;

    DigestHasher(Digest digest) {
        if (digest.getDigestSize() != Hash.LENGTH) {
            throw new IllegalArgumentException(digest.getAlgorithmName() + " does not give a 32-byte digest");
        }
        this.digest = digest;
    }

    /** Hashes the concatenation of the parts with a fresh digest. */
    static Hash hash(Digest digest, byte[]... parts) {
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        return finish(digest);
    }

    static Hash hash(Digest digest, byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        digest.update(data, offset, length);
        return finish(digest);
    }

    private static Hash finish(Digest digest) {
        byte[] out = new byte[Hash.LENGTH];
        digest.doFinal(out, 0);
        return Hash.wrap(out);
    }

    @Override
    public CryptoSuite.Hasher update(byte[] data) {
        digest.update(data, 0, data.length);
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
        return finish(digest);
    }
}
