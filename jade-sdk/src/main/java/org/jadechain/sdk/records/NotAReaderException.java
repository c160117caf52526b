package org.jadechain.sdk.records;

import org.jadechain.core.crypto.CryptoException;

/**
 * The key pair trying to open a record is not among the record's readers: the envelope holds no copy of
 * the content key for it, so nothing was decrypted. Distinct from {@link RecordDecryptionException}, which
 * means a reader's copy would not open.
 */
public final class NotAReaderException extends CryptoException {
    public NotAReaderException(String message) {
        super(message);
    }
}
