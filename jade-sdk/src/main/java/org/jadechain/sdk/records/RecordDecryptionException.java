package org.jadechain.sdk.records;

import org.jadechain.core.crypto.CryptoException;

/**
 * A record's content cannot be decrypted although the key is listed as a reader: the private key does not
 * match the listed public key, the envelope or ciphertext was altered, it was moved from another record
 * (the associated data differs), or the decrypted document does not match the record's hash. No plaintext
 * is ever returned in these cases.
 */
public final class RecordDecryptionException extends CryptoException {
    public RecordDecryptionException(String message) {
        super(message);
    }

    public RecordDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
