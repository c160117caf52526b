package org.jadechain.core.ledger;

/** A block that must not be committed: wrong height, link, timestamp, roots or certificate. */
public class BlockRejectedException extends Exception {
    private final long height;

    public BlockRejectedException(long height, String message) {
        super("block " + height + ": " + message);
        this.height = height;
    }

    public long height() {
        return height;
    }
}
