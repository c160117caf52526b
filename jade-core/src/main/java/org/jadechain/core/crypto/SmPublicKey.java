package org.jadechain.core.crypto;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/** An SM2 public key: the 65-byte uncompressed encoding and the validated point, decoded once. Immutable. */
final class SmPublicKey extends PublicKey {
    private final ECPublicKeyParameters parameters;

    SmPublicKey(byte[] encoded, ECPublicKeyParameters parameters) {
        super(SuiteId.SM, encoded);
        this.parameters = parameters;
    }

    ECPublicKeyParameters parameters() {
        return parameters;
    }
}
