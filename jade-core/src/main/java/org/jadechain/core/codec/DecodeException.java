package org.jadechain.core.codec;

/** Bytes that are not a canonical encoding: truncated, trailing data, non-minimal, out of range or over a limit. */
public class DecodeException extends Exception {
    public DecodeException(String message) {
        super(message);
    }
}
