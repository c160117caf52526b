package org.jadechain.core.crypto;

/** A key, signature or ciphertext that cannot be used: malformed, of the wrong suite, or failing authentication. */
public class CryptoException extends Exception {
    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
