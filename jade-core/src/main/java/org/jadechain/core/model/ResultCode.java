package org.jadechain.core.model;

/**
 * Machine-readable outcome of a transaction or trigger, written into its receipt. Codes are stable
 * strings; contracts may use any of them.
 */
public enum ResultCode {
    OK,
    /** The bytes are not a canonical transaction. */
    MALFORMED,
    WRONG_CHAIN,
    WRONG_SUITE,
    BAD_SIGNATURE,
    /** The nonce is not the sender's next nonce (a replay, or out of order). */
    BAD_NONCE,
    UNKNOWN_CONTRACT,
    UNKNOWN_METHOD,
    NOT_AUTHORISED,
    INVALID_ARGUMENT,
    NOT_FOUND,
    ALREADY_EXISTS,
    INSUFFICIENT_FUNDS,
    LIMIT_EXCEEDED,
    FROZEN,
    INVALID_STATE,
    OVERFLOW,
    /** A contract failed unexpectedly; deterministic, so every node records the same. */
    INTERNAL_ERROR;

    public static ResultCode parse(String name) {
        return valueOf(name);
    }
}
