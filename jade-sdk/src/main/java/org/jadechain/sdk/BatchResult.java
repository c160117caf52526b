package org.jadechain.sdk;

import org.jadechain.sdk.json.JsonFields;

/** One transaction's outcome in a batch submission: accepted as pending, or refused with a code and message. */
public record BatchResult(String txHash, String status, String error, String message) {
    public boolean accepted() {
        return error == null;
    }

    static BatchResult from(JsonFields f) {
        return new BatchResult(f.optionalString("txHash"), f.optionalString("status"), f.optionalString("error"),
                f.optionalString("message"));
    }
}
