package org.jadechain.core.crypto;

import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * An SM2 private key d in [1, n-2], with its public key and the user hash Z<sub>A</sub> for the default user
 * id (needed to derive the deterministic nonce). Immutable.
 */
final class SmPrivateKey extends PrivateKey {
    private final ECPrivateKeyParameters parameters;
    private final SmPublicKey publicKey;
    private final byte[] userHash;

    SmPrivateKey(ECPrivateKeyParameters parameters, SmPublicKey publicKey, byte[] userHash) {
        super(SuiteId.SM);
        this.parameters = parameters;
        this.publicKey = publicKey;
        this.userHash = userHash.clone();
    }

    ECPrivateKeyParameters parameters() {
        return parameters;
    }

    SmPublicKey publicKey() {
        return publicKey;
    }

    /** Z<sub>A</sub> for {@link Sm2#DEFAULT_USER_ID}; the backing array, not to be modified. */
    byte[] userHash() {
        return userHash;
    }
}
