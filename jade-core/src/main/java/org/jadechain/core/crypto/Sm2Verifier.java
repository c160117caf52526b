package org.jadechain.core.crypto;

import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

/**
 * SM2 signature verification on sm2p256v1 with the default user id (GB/T 32918.2 section 7), with exactly
 * the accept/reject decisions of Bouncy Castle's {@code SM2Signer} but less work per call:
 *
 * <ul>
 *   <li>Z<sub>A</sub> comes from the key ({@link SmPublicKey#userHash()}, computed once per key).</li>
 *   <li>s·G + t·Q (step B6) is one doubling chain over two {@link Sm2Comb} tables: the generator's, built
 *       once, and the key's — its small table (52 doublings), kept on the key, which {@link DecodedKeyCache}
 *       keeps, or for a frequent sender a wide one (32 doublings; {@link Sm2KeyTables}).
 *       {@code SM2Signer} instead multiplies twice, by 256-bit scalars.</li>
 *   <li>Step B7 is checked without normalising: x<sub>1</sub> ≡ r − e (mod n) with x<sub>1</sub> &lt; p leaves
 *       the candidates c = (r − e) mod n and c + n; each is compared with X / Z² as c·Z² = X (Jacobian
 *       coordinates, which {@code SM2P256V1Curve} uses), saving the field inversion.</li>
 * </ul>
 *
 * <p>Variable time, which is fine: every input of a verification is public. Stateless; thread-safe (Bouncy
 * Castle synchronises the precomputation stored on a point).
 */
final class Sm2Verifier {
    private static final ECCurve CURVE = Sm2.DOMAIN.getCurve();
    private static final ECPoint G = Sm2.DOMAIN.getG();
    private static final BigInteger N = Sm2.DOMAIN.getN();
    private static final BigInteger P = CURVE.getField().getCharacteristic();
    /** The generator's comb table, built once. */
    private static final Sm2Comb G_COMB = Sm2Comb.of(G);
    /** Which table verifies each key: the node's one choice for all its keys. */
    static final Sm2KeyTables TABLES = Sm2KeyTables.standard();

    static {
        if (CURVE.getCoordinateSystem() != ECCurve.COORD_JACOBIAN) {
            throw new IllegalStateException("Bouncy Castle's sm2p256v1 no longer uses Jacobian coordinates");
        }
    }

    private Sm2Verifier() {
    }

    /** True exactly when {@code SM2Signer} with the default user id would accept; never throws for bad input. */
    static boolean verify(SmPublicKey key, byte[] message, byte[] signature) {
        return verify(key, message, signature, TABLES);
    }

    /** {@link #verify(SmPublicKey, byte[], byte[])} with the key's table chosen by {@code tables}. */
    static boolean verify(SmPublicKey key, byte[] message, byte[] signature, Sm2KeyTables tables) {
        if (message == null || signature == null || signature.length != Sm2.SIGNATURE_LENGTH) {
            return false;
        }
        BigInteger r = new BigInteger(1, signature, 0, 32);
        BigInteger s = new BigInteger(1, signature, 32, 32);
        // B1, B2: r, s in [1, n-1]
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        // B3, B4: e = SM3(Z_A || M)
        BigInteger e = new BigInteger(1, digest(key.userHash(), message));
        // B5: t = (r + s) mod n, not zero
        BigInteger t = r.add(s).mod(N);
        if (t.signum() == 0) {
            return false;
        }
        // B6, B7: (x1, y1) = s·G + t·Q; accept when (e + x1) mod n = r
        ECPoint sum = G_COMB.sumOfTwoMultiplies(s, tables.forVerification(key), t);
        return !sum.isInfinity() && affineXMatches(sum, r.subtract(e).mod(N));
    }

    /** Whether the affine x of the Jacobian point (X, Y, Z), a value below p, is ≡ c (mod n), for c in [0, n). */
    static boolean affineXMatches(ECPoint jacobian, BigInteger c) {
        ECFieldElement x = jacobian.getRawXCoord();
        ECFieldElement zz = jacobian.getZCoord(0).square();
        if (CURVE.fromBigInteger(c).multiply(zz).equals(x)) {
            return true;
        }
        BigInteger c2 = c.add(N);
        return c2.compareTo(P) < 0 && CURVE.fromBigInteger(c2).multiply(zz).equals(x);
    }

    private static byte[] digest(byte[] userHash, byte[] message) {
        SM3Digest digest = new SM3Digest();
        digest.update(userHash, 0, userHash.length);
        digest.update(message, 0, message.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
