package org.jadechain.core.crypto;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat256;

/**
 * A fixed-base comb table of one point P on sm2p256v1 with T teeth S = ⌈256 / T⌉ bits apart, so that
 * s·G + t·Q (SM2 verification, step B6) is one chain of S doublings with at most one mixed addition per
 * step for each point — where Bouncy Castle's own fixed-point double multiplication
 * ({@code ECAlgorithms.sumOfTwoMultiplies} on promoted points) uses six teeth, 43 steps and a full Jacobian
 * addition per step. All point arithmetic and the table storage are Bouncy Castle's ({@link ECPoint#twice},
 * {@link ECPoint#add}, {@link ECCurve#normalizeAll}, {@link ECCurve#createCacheSafeLookupTable}); this class
 * only chooses which multiples to add.
 *
 * <p>Entry {@code i} (1…2<sup>T</sup> − 1) is Σ 2<sup>S·b</sup>·P over the set bits b of i; the index for
 * column {@code c} of a scalar is its bits c, S + c, 2S + c, …. Two widths are used:
 * <ul>
 *   <li>{@link #WIDE_TEETH} = 8 (S = 32): 255 affine points, 16 KB, built in ≈ 220 doublings and 255
 *       additions — the generator's table and a frequent sender's ({@link Sm2KeyTables});</li>
 *   <li>{@link #SMALL_TEETH} = 5 (S = 52): 31 points, 2 KB, built in ≈ 210 doublings and 26 additions,
 *       about one wNAF verification — every other key's, so that many senders fit in the heap.</li>
 * </ul>
 *
 * <p>Variable time, which is fine for verification: all its inputs are public. Immutable; thread-safe.
 */
final class Sm2Comb {
    static final int WIDE_TEETH = 8;
    static final int SMALL_TEETH = 5;
    private static final int SCALAR_BITS = 256;

    private final ECCurve curve;
    private final ECLookupTable table;
    private final int teeth;
    private final int spacing;

    private Sm2Comb(ECCurve curve, ECLookupTable table, int teeth, int spacing) {
        this.curve = curve;
        this.table = table;
        this.teeth = teeth;
        this.spacing = spacing;
    }

    /** The wide table of a point of order n (any valid public key or the generator). */
    static Sm2Comb of(ECPoint point) {
        return of(point, WIDE_TEETH);
    }

    /** The table with {@code teeth} teeth (1…8) of a point of order n. */
    static Sm2Comb of(ECPoint point, int teeth) {
        if (teeth < 1 || teeth > WIDE_TEETH) {
            throw new IllegalArgumentException("teeth must be 1 to 8: " + teeth);
        }
        int spacing = (SCALAR_BITS + teeth - 1) / teeth;
        int entries = (1 << teeth) - 1;
        ECCurve curve = point.getCurve();
        ECPoint[] bases = new ECPoint[teeth];
        bases[0] = point.normalize();
        for (int b = 1; b < teeth; b++) {
            bases[b] = bases[b - 1].timesPow2(spacing);
        }
        curve.normalizeAll(bases);
        ECPoint[] multiples = new ECPoint[entries];
        for (int i = 1; i <= entries; i++) {
            int top = 31 - Integer.numberOfLeadingZeros(i);
            int rest = i ^ (1 << top);
            multiples[i - 1] = rest == 0 ? bases[top] : multiples[rest - 1].add(bases[top]);
        }
        curve.normalizeAll(multiples);
        return new Sm2Comb(curve, curve.createCacheSafeLookupTable(multiples, 0, entries), teeth, spacing);
    }

    int teeth() {
        return teeth;
    }

    /**
     * s·G + t·Q for scalars in [0, 2<sup>256</sup>), G this table's point and Q {@code other}'s, in Jacobian
     * coordinates (not normalised). This table's spacing must not exceed {@code other}'s: the chain has
     * {@code other}'s length, and this table's additions fall in its last columns.
     */
    ECPoint sumOfTwoMultiplies(BigInteger s, Sm2Comb other, BigInteger t) {
        if (spacing > other.spacing) {
            throw new IllegalArgumentException("the first table's spacing exceeds the second's");
        }
        int[] sw = Nat256.fromBigInteger(s);
        int[] tw = Nat256.fromBigInteger(t);
        ECPoint r = curve.getInfinity();
        for (int column = other.spacing - 1; column >= 0; column--) {
            r = r.twice();
            if (column < spacing) {
                int si = index(sw, column);
                if (si != 0) {
                    r = r.add(table.lookupVar(si - 1));
                }
            }
            int ti = other.index(tw, column);
            if (ti != 0) {
                r = r.add(other.table.lookupVar(ti - 1));
            }
        }
        return r;
    }

    /** Bits column, spacing + column, 2·spacing + column, … of the little-endian words, as a table index + 1. */
    private int index(int[] words, int column) {
        int index = 0;
        for (int b = teeth - 1; b >= 0; b--) {
            int bit = b * spacing + column;
            index = (index << 1) | (bit < SCALAR_BITS ? (words[bit >>> 5] >>> (bit & 31)) & 1 : 0);
        }
        return index;
    }
}
