package org.jadechain.core.crypto;

/** A private key with its public key. */
public record KeyPair(PrivateKey privateKey, PublicKey publicKey) {
    public SuiteId suite() {
        return publicKey.suite();
    }
}
