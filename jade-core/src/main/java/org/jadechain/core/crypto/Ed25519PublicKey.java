package org.jadechain.core.crypto;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/** An Ed25519 public key: the 32-byte encoding and the validated point, decoded once. Immutable. */
final class Ed25519PublicKey extends PublicKey {
    private final Ed25519PublicKeyParameters parameters;

    Ed25519PublicKey(byte[] encoded, Ed25519PublicKeyParameters parameters) {
        super(SuiteId.INTL, encoded);
        this.parameters = parameters;
    }

    Ed25519PublicKeyParameters parameters() {
        return parameters;
    }
}
