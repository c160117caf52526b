package org.jadechain.core.crypto;

/**
 * A private key of one suite. Never encoded into transactions or sent to a node; it only leaves memory
 * as a PKCS#8 PEM file written by {@link Pem}.
 */
public abstract class PrivateKey {
    private final SuiteId suite;

    protected PrivateKey(SuiteId suite) {
        this.suite = suite;
    }

    public SuiteId suite() {
        return suite;
    }

    @Override
    public String toString() {
        return suite.label() + " private key";
    }
}
