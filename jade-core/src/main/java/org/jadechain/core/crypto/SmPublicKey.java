package org.jadechain.core.crypto;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * An SM2 public key: the 65-byte uncompressed encoding and the validated point, decoded once; the key also
 * keeps its user hash Z<sub>A</sub> and its small {@link Sm2Comb} table (2 KB), each computed on first use, and
 * the stamp of its last verification, from which {@link Sm2KeyTables} judges whether the key is worth a wide
 * table. Immutable in value; thread-safe (two threads may both compute Z<sub>A</sub> on first use, with equal
 * results; the table is built once).
 */
final class SmPublicKey extends PublicKey {
    /** {@link #swapLastVerification}'s answer for a key not verified before. */
    static final long NEVER_VERIFIED = Long.MIN_VALUE;

    private final ECPublicKeyParameters parameters;
    private volatile byte[] userHash;
    private volatile Sm2Comb smallComb;
    /** Written without synchronisation: an approximate stamp is enough. */
    private long lastVerification = NEVER_VERIFIED;

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

    /** The key's small comb table, built on first call and kept. */
    Sm2Comb smallComb() {
        Sm2Comb c = smallComb;
        return c != null ? c : buildSmallComb();
    }

    /** Whether the small table is built; for tests. */
    boolean hasSmallComb() {
        return smallComb != null;
    }

    /** Records a verification at {@code stamp}; returns the previous stamp, or {@link #NEVER_VERIFIED}. */
    long swapLastVerification(long stamp) {
        long previous = lastVerification;
        lastVerification = stamp;
        return previous;
    }

    private synchronized Sm2Comb buildSmallComb() {
        Sm2Comb c = smallComb;
        if (c == null) {
            c = Sm2Comb.of(parameters.getQ(), Sm2Comb.SMALL_TEETH);
            smallComb = c;
        }
        return c;
    }
}
