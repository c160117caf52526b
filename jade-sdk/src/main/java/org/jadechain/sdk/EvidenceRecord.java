package org.jadechain.sdk;

import org.jadechain.sdk.json.JsonFields;

/** A recorded document hash as {@code GET /v1/evidence/{documentHash}} shows it. */
public record EvidenceRecord(String documentHash, String recorder, String metadata, long height, String txHash,
                             long timestamp) {
    static EvidenceRecord from(JsonFields f) {
        return new EvidenceRecord(f.string("documentHash"), f.string("recorder"),
                f.has("metadata") ? f.string("metadata") : "", f.nonNegative("height"), f.string("txHash"),
                f.nonNegative("timestamp"));
    }
}
