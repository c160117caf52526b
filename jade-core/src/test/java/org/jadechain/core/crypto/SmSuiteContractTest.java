package org.jadechain.core.crypto;

class SmSuiteContractTest extends CryptoSuiteContract {
    @Override
    CryptoSuite suite() {
        return CryptoSuites.of(SuiteId.SM);
    }

    @Override
    CryptoSuite otherSuite() {
        return CryptoSuites.of(SuiteId.INTL);
    }
}
