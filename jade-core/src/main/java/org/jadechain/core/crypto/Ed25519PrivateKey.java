package org.jadechain.core.crypto;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** An Ed25519 private key: the RFC 8032 32-byte seed, with its public key cached by Bouncy Castle. Immutable. */
final class Ed25519PrivateKey extends PrivateKey {
    private final Ed25519PrivateKeyParameters parameters;

    Ed25519PrivateKey(Ed25519PrivateKeyParameters parameters) {
        super(SuiteId.INTL);
        this.parameters = parameters;
    }

    Ed25519PrivateKeyParameters parameters() {
        return parameters;
    }
}
