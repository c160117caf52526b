package org.jadechain.storage;

/**
 * The storage engine failed: an I/O error, a full disk, a database locked by another process. The
 * operation did not complete; a failed commit may or may not have reached the disk, so the store refuses
 * further commits and must be reopened, which settles it.
 */
public class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
