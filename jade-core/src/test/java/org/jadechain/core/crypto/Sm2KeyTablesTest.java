package org.jadechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Which table verifies a key: wide only for a sender that comes back soon, and never more than the bound. */
class Sm2KeyTablesTest {
    private static final SmSuite SM = new SmSuite();

    @Test
    void aKeySeenAgainWithinTheReuseDistanceGetsAWideTable() throws CryptoException {
        Sm2KeyTables tables = new Sm2KeyTables(8, 3);
        SmPublicKey busy = newKey();
        SmPublicKey[] others = {newKey(), newKey(), newKey(), newKey()};

        assertThat(tables.forVerification(busy).teeth()).isEqualTo(Sm2Comb.SMALL_TEETH);
        tables.forVerification(others[0]);
        assertThat(tables.forVerification(busy).teeth()).isEqualTo(Sm2Comb.WIDE_TEETH);
        for (SmPublicKey other : others) {
            tables.forVerification(other);
        }
        assertThat(tables.forVerification(busy).teeth()).as("kept once made").isEqualTo(Sm2Comb.WIDE_TEETH);
    }

    @Test
    void aKeySeenSeldomKeepsItsSmallTable() throws CryptoException {
        Sm2KeyTables tables = new Sm2KeyTables(8, 3);
        SmPublicKey seldom = newKey();
        SmPublicKey[] others = {newKey(), newKey(), newKey(), newKey()};
        for (int round = 0; round < 3; round++) {
            assertThat(tables.forVerification(seldom).teeth()).isEqualTo(Sm2Comb.SMALL_TEETH);
            for (SmPublicKey other : others) {
                tables.forVerification(other);
            }
        }
        assertThat(tables.hasWide(seldom)).isFalse();
        assertThat(seldom.hasSmallComb()).isTrue();
    }

    @Test
    void wideTablesStayBounded() throws CryptoException {
        Sm2KeyTables tables = new Sm2KeyTables(2, Long.MAX_VALUE);
        SmPublicKey[] keys = new SmPublicKey[10];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = newKey();
            tables.prepare(keys[i]);
        }
        assertThat(tables.wideHeld()).isBetween(1, 4);
        assertThat(tables.hasWide(keys[9])).isTrue();
        assertThat(tables.hasWide(keys[0])).isFalse();
    }

    private static SmPublicKey newKey() throws CryptoException {
        return Sm2.decodeUncached(SM.generateKeyPair(new SecureRandom()).publicKey().unsafeEncoded());
    }
}
