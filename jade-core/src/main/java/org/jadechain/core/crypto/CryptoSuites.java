package org.jadechain.core.crypto;

/** Looks up the implementation of a suite. */
public final class CryptoSuites {
    private static final CryptoSuite SM = new SmSuite();
    private static final CryptoSuite INTL = new IntlSuite();

    private CryptoSuites() {
    }

    public static CryptoSuite of(SuiteId id) {
        return switch (id) {
            case SM -> SM;
            case INTL -> INTL;
        };
    }

    public static CryptoSuite of(String label) {
        return of(SuiteId.fromLabel(label));
    }
}
