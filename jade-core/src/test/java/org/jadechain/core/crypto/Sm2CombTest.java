package org.jadechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** Comb tables of every width give Bouncy Castle's s·G + t·Q, for random and edge-case scalars. */
class Sm2CombTest {
    private static final ECPoint G = Sm2.DOMAIN.getG();
    private static final BigInteger N = Sm2.DOMAIN.getN();
    private static final Sm2Comb G_WIDE = Sm2Comb.of(G);

    @Test
    void everyWidthGivesBouncyCastlesSum() {
        SecureRandom random = new SecureRandom();
        ECPoint q = G.multiply(new BigInteger(255, random).add(BigInteger.ONE)).normalize();
        List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                N.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(32),
                BigInteger.ONE.shiftLeft(52).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)));
        for (int i = 0; i < 6; i++) {
            scalars.add(new BigInteger(256, random));
        }
        for (int teeth = 1; teeth <= Sm2Comb.WIDE_TEETH; teeth++) {
            Sm2Comb qTable = Sm2Comb.of(q, teeth);
            assertThat(qTable.teeth()).isEqualTo(teeth);
            for (int i = 0; i < scalars.size(); i++) {
                BigInteger s = scalars.get(i);
                BigInteger t = scalars.get((i * 5 + teeth) % scalars.size());
                ECPoint expected = G.multiply(s).add(q.multiply(t)).normalize();
                assertThat(G_WIDE.sumOfTwoMultiplies(s, qTable, t).normalize())
                        .as("teeth %d, s %s, t %s", teeth, s, t).isEqualTo(expected);
            }
        }
    }

    @Test
    void theGeneratorsTableMustNotBeSpacedWiderThanTheKeys() {
        Sm2Comb small = Sm2Comb.of(G, Sm2Comb.SMALL_TEETH);
        assertThatThrownBy(() -> small.sumOfTwoMultiplies(BigInteger.ONE, G_WIDE, BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sm2Comb.of(G, 9)).isInstanceOf(IllegalArgumentException.class);
    }
}
