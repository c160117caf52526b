package org.jadechain.storage;

/**
 * Stored data is damaged or was altered: a checksum mismatch, an unreadable log record, or a value
 * that does not decode. The message carries the storage engine's own diagnosis, which names the file
 * when the engine does, or the column family and key of the bad value. Never retried: the data on disk
 * will not heal, so the node must stop and an operator restore it.
 */
public class StorageCorruptionException extends StorageException {
    public StorageCorruptionException(String message) {
        super(message);
    }

    public StorageCorruptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
