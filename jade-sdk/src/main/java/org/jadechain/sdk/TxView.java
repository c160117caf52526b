package org.jadechain.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import org.jadechain.sdk.json.JsonFields;

/**
 * A transaction as {@code GET /v1/transactions/{hash}} shows it. Pending transactions have height, index
 * and timestamp -1 and no receipt. {@code json} is the whole answer, for the fields not mapped here.
 */
public record TxView(String txHash, String status, long height, int index, long timestamp, ReceiptView receipt,
                     JsonNode json) {
    public static final String PENDING = "PENDING";
    public static final String COMMITTED = "COMMITTED";

    public boolean committed() {
        return COMMITTED.equals(status);
    }

    static TxView from(JsonFields f) {
        return new TxView(f.string("txHash"), f.string("status"),
                f.optionalInteger("height", 0, Long.MAX_VALUE, -1),
                (int) f.optionalInteger("index", 0, Integer.MAX_VALUE, -1),
                f.optionalInteger("timestamp", 0, Long.MAX_VALUE, -1),
                f.has("receipt") ? ReceiptView.from(f.object("receipt")) : null, f.node());
    }
}
