package org.jadechain.core.crypto;

class IntlSuiteContractTest extends CryptoSuiteContract {
    @Override
    CryptoSuite suite() {
        return CryptoSuites.of(SuiteId.INTL);
    }

    @Override
    CryptoSuite otherSuite() {
        return CryptoSuites.of(SuiteId.SM);
    }
}
