package org.jadechain.core.crypto;

/**
 * The crypto suites a chain can be created with. The code is the byte written into transactions and
 * headers; the name is what genesis files, the CLI and the API use.
 */
public enum SuiteId {
    /** SM2 signatures (SM3 digest, default user id), SM3 hashing, SM4-GCM. */
    SM(1, "sm"),
    /** Ed25519 signatures, SHA-256 hashing, AES-256-GCM. */
    INTL(2, "intl");

    private final int code;
    private final String label;

    SuiteId(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static SuiteId fromCode(int code) {
        for (SuiteId s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown crypto suite code " + code);
    }

    public static SuiteId fromLabel(String label) {
        for (SuiteId s : values()) {
            if (s.label.equalsIgnoreCase(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown crypto suite '" + label + "' (expected sm or intl)");
    }
}
