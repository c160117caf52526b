package org.jadechain.sdk;

import org.jadechain.sdk.json.JsonFormatException;

/** A receipt bundle whose JSON lacks a field or has one of the wrong type; the message names the field. */
public class InvalidBundleException extends JsonFormatException {
    public InvalidBundleException(String field, String problem) {
        super(field, problem);
    }
}
