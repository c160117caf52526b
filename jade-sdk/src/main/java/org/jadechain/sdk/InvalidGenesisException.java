package org.jadechain.sdk;

import org.jadechain.sdk.json.JsonFormatException;

/** A genesis file that cannot be used; the message names the offending field, e.g. {@code validators[0].publicKey}. */
public class InvalidGenesisException extends JsonFormatException {
    public InvalidGenesisException(String field, String problem) {
        super(field, problem);
    }
}
