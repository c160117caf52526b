package org.jadechain.core.crypto;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat256;

/**
 * A fixed-base comb table of one point on sm2p256v1, eight teeth 32 bits apart, so that s·G + t·Q (SM2
 * verification, step B6) is one chain of 32 doublings with at most two mixed additions per step — where
 * Bouncy Castle's own fixed-point double multiplication ({@code ECAlgorithms.sumOfTwoMultiplies} on promoted
 * points) uses six teeth, 43 steps and a full Jacobian addition per step. All point arithmetic and the table
 * storage are Bouncy Castle's ({@link ECPoint#twice}, {@link ECPoint#add}, {@link ECCurve#normalizeAll},
 * {@link ECCurve#createCacheSafeLookupTable}); this class only chooses which multiples to add.
 *
 * <p>Entry {@code i} (1…255) is Σ 2<sup>32·b</sup>·P over the set bits b of i. Because the teeth are one
 * 32-bit word apart, the index for column {@code c} of a scalar is bit c of each of its eight little-endian
 * words. A table is 255 affine points, 16 KB; it is built in ≈ 220 doublings and 255 additions, so it pays
 * for itself after a few verifications with the same key (see {@link SmPublicKey#comb()}).
 *
 * <p>Variable time, which is fine for verification: all its inputs are public. Immutable; thread-safe.
 */
final class Sm2Comb {
    private static final int TEETH = 8;
    private static final int SPACING = 32;
    private static final int ENTRIES = (1 << TEETH) - 1;

    private final ECCurve curve;
    private final ECLookupTable table;

    private Sm2Comb(ECCurve curve, ECLookupTable table) {
        this.curve = curve;
        this.table = table;
    }

    /** The table of a point of order n (any valid public key or the generator). */
    static Sm2Comb of(ECPoint point) {
        ECCurve curve = point.getCurve();
        ECPoint[] teeth = new ECPoint[TEETH];
        teeth[0] = point.normalize();
        for (int b = 1; b < TEETH; b++) {
            teeth[b] = teeth[b - 1].timesPow2(SPACING);
        }
        curve.normalizeAll(teeth);
        ECPoint[] entries = new ECPoint[ENTRIES];
        for (int i = 1; i <= ENTRIES; i++) {
            int top = 31 - Integer.numberOfLeadingZeros(i);
            int rest = i ^ (1 << top);
            entries[i - 1] = rest == 0 ? teeth[top] : entries[rest - 1].add(teeth[top]);
        }
        curve.normalizeAll(entries);
        return new Sm2Comb(curve, curve.createCacheSafeLookupTable(entries, 0, ENTRIES));
    }

    /**
     * s·G + t·Q for scalars in [0, 2<sup>256</sup>), G this table's point and Q {@code other}'s, in Jacobian
     * coordinates (not normalised).
     */
    ECPoint sumOfTwoMultiplies(BigInteger s, Sm2Comb other, BigInteger t) {
        int[] sw = Nat256.fromBigInteger(s);
        int[] tw = Nat256.fromBigInteger(t);
        ECPoint r = curve.getInfinity();
        for (int column = SPACING - 1; column >= 0; column--) {
            int si = 0;
            int ti = 0;
            for (int b = TEETH - 1; b >= 0; b--) {
                si = (si << 1) | ((sw[b] >>> column) & 1);
                ti = (ti << 1) | ((tw[b] >>> column) & 1);
            }
            r = r.twice();
            if (si != 0) {
                r = r.add(table.lookupVar(si - 1));
            }
            if (ti != 0) {
                r = r.add(other.table.lookupVar(ti - 1));
            }
        }
        return r;
    }
}
