package org.jadechain.sdk;

import org.jadechain.sdk.json.JsonFields;

/**
 * An account's nonces: {@code nonce} is the next one after the committed chain, {@code pendingNonce} the
 * next one counting the node's mempool, which a new transaction should use.
 */
public record NonceInfo(String address, long nonce, long pendingNonce) {
    static NonceInfo from(JsonFields f) {
        return new NonceInfo(f.string("address"), f.nonNegative("nonce"), f.nonNegative("pendingNonce"));
    }
}
