package org.jadechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** A key's address is computed once and kept on the key; it is always the suite's hash of the encoding. */
class PublicKeyAddressTest {
    @Test
    void theKeptAddressIsTheDefinedOneForEverySuite() {
        for (SuiteId id : SuiteId.values()) {
            CryptoSuite suite = CryptoSuites.of(id);
            PublicKey key = suite.generateKeyPair(new SecureRandom()).publicKey();
            Address expected = Address.fromHash(suite.hash(key.encoded()));
            assertThat(suite.address(key)).isEqualTo(expected);
            assertThat(suite.address(key)).as("second call, from the key's cache").isEqualTo(expected);
            assertThat(key.cachedAddress()).isEqualTo(expected);
        }
    }

    @Test
    void anotherSuitesAddressOfAKeyIsNotTakenFromOrPutIntoItsCache() {
        CryptoSuite sm = CryptoSuites.of(SuiteId.SM);
        CryptoSuite intl = CryptoSuites.of(SuiteId.INTL);
        PublicKey key = intl.generateKeyPair(new SecureRandom()).publicKey();
        Address underSm = sm.address(key);
        assertThat(underSm).isEqualTo(Address.fromHash(sm.hash(key.encoded())));
        assertThat(key.cachedAddress()).isNull();
        assertThat(intl.address(key)).isEqualTo(Address.fromHash(intl.hash(key.encoded()))).isNotEqualTo(underSm);
    }
}
