package org.jadechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** For random keys and messages of both suites: signatures verify, and one flipped bit breaks them. */
class SignaturePropertyTest {

    @Property(tries = 200)
    void aSignatureVerifiesAndAnyFlippedBitBreaksIt(@ForAll SuiteId id,
                                                    @ForAll @Size(32) byte[] keyMaterial,
                                                    @ForAll @Size(min = 1, max = 300) byte[] message,
                                                    @ForAll @IntRange(min = 0, max = 511) int signatureBit,
                                                    @ForAll @IntRange(min = 0, max = 2399) int messageBit) throws CryptoException {
        CryptoSuite suite = CryptoSuites.of(id);
        KeyPair pair = keyPair(id, keyMaterial);

        byte[] signature = suite.sign(pair.privateKey(), message);

        assertThat(suite.verify(pair.publicKey(), message, signature)).isTrue();
        assertThat(suite.verify(pair.publicKey(), message, flip(signature, signatureBit))).isFalse();
        assertThat(suite.verify(pair.publicKey(), flip(message, messageBit % (message.length * 8)), signature)).isFalse();
    }

    private static KeyPair keyPair(SuiteId id, byte[] material) throws CryptoException {
        return switch (id) {
            case INTL -> IntlSuite.keyPair(material);
            case SM -> SmSuite.keyPair(new BigInteger(1, material)
                    .mod(Sm2.DOMAIN.getN().subtract(BigInteger.TWO)).add(BigInteger.ONE));
        };
    }

    private static byte[] flip(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
