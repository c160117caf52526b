package org.jadechain.core.genesis;

import org.jadechain.core.crypto.PublicKey;

/** A validator: an id, the organisation that runs it, and the key that signs commit certificates. */
public record ValidatorInfo(String id, String organisation, PublicKey publicKey) {
}
