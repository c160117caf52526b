package org.jadechain.core.codec;

/**
 * Documented size limits of the canonical encoding. Decoding rejects anything larger with a
 * {@link DecodeException}; they are part of the chain format.
 */
public final class Limits {
    /** A whole encoded transaction. */
    public static final int MAX_TX_BYTES = 64 * 1024;
    public static final int MAX_CHAIN_ID_BYTES = 64;
    public static final int MAX_PUBLIC_KEY_BYTES = 65;
    public static final int MAX_SIGNATURE_BYTES = 64;
    public static final int MAX_NAME_BYTES = 64;
    public static final int MAX_ARGS_BYTES = 48 * 1024;
    public static final int MAX_ARGS_COUNT = 64;
    public static final int MAX_TXS_PER_BLOCK = 100_000;
    public static final int MAX_MESSAGE_BYTES = 1024;
    public static final int MAX_EVENTS_PER_RECEIPT = 64;
    public static final int MAX_ATTRIBUTES = 64;
    public static final int MAX_ATTRIBUTE_VALUE_BYTES = 8 * 1024;
    public static final int MAX_VALIDATORS = 256;
    /** An organisation's display name, in UTF-8 bytes. */
    public static final int MAX_ORGANISATION_NAME_BYTES = 256;
    public static final int MAX_ADMIN_KEYS = 64;
    /** Nonces are below 2^53 so they survive any JSON client unchanged. */
    public static final long MAX_NONCE = (1L << 53) - 1;

    private Limits() {
    }
}
