package org.jadechain.sdk;

/** A submitted transaction once committed: where it is and its receipt (which may be a refusal). */
public record SubmitResult(String txHash, long height, int index, long timestamp, ReceiptView receipt) {
    /** True when the receipt's code is {@code OK}. */
    public boolean ok() {
        return receipt != null && receipt.ok();
    }
}
