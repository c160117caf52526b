package org.jadechain.core.crypto;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * An SM2 public key: the 65-byte uncompressed encoding and the validated point, decoded once; the point
 * object also carries the multiplication tables Bouncy Castle precomputes for it, and the key its user hash
 * Z<sub>A</sub>, computed on first use. Immutable in value; thread-safe (two threads may both compute
 * Z<sub>A</sub> on first use, with equal results). From its {@value #USES_BEFORE_COMB}th verification on (or
 * once {@link #prepare}d), the key also holds an {@link Sm2Comb} table of its point (16 KB), which makes each
 * verification cheaper.
 */
final class SmPublicKey extends PublicKey {
    private final ECPublicKeyParameters parameters;
    /** Verifications with a key before its comb table is built: a one-off key is not worth 16 KB. */
    static final int USES_BEFORE_COMB = 2;

    private volatile byte[] userHash;
    private volatile Sm2Comb comb;
    /** Verifications asked so far, counted without synchronisation: an approximate count is enough. */
    private int uses;

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

    /**
     * The key's comb table, built on the {@value #USES_BEFORE_COMB}th call and kept; null before that. Each
     * call counts as one use.
     */
    Sm2Comb comb() {
        Sm2Comb c = comb;
        if (c == null && ++uses >= USES_BEFORE_COMB) {
            c = buildComb();
        }
        return c;
    }

    /** Z<sub>A</sub> and the comb table, now, whatever the uses so far ({@link SmSuite#prepareToVerify}). */
    void prepare() {
        userHash();
        if (comb == null) {
            buildComb();
        }
    }

    /** Whether the comb table is built; for tests. */
    boolean hasComb() {
        return comb != null;
    }

    private synchronized Sm2Comb buildComb() {
        Sm2Comb c = comb;
        if (c == null) {
            c = Sm2Comb.of(parameters.getQ());
            comb = c;
        }
        return c;
    }
}
