package org.jadechain.core.crypto;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * An SM2 public key: the 65-byte uncompressed encoding and the validated point, decoded once; the point
 * object also carries the multiplication tables Bouncy Castle precomputes for it, and the key its user hash
 * Z<sub>A</sub>, computed on first use. Immutable in value; thread-safe (two threads may both compute
 * Z<sub>A</sub> on first use, with equal results).
 */
final class SmPublicKey extends PublicKey {
    private final ECPublicKeyParameters parameters;
    private volatile byte[] userHash;

    SmPublicKey(byte[] encoded, ECPublicKeyParameters parameters) {
        super(SuiteId.SM, encoded);
        this.parameters = parameters;
    }

    ECPublicKeyParameters parameters() {
        return parameters;
    }

    /** Z<sub>A</sub> for {@link Sm2#DEFAULT_USER_ID}; the backing array, not to be modified. */
    byte[] userHash() {
        byte[] z = userHash;
        if (z == null) {
            z = Sm2.userHash(Sm2.DOMAIN, Sm2.DEFAULT_USER_ID, parameters.getQ());
            userHash = z;
        }
        return z;
    }
}
