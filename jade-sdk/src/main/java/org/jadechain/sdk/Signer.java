package org.jadechain.sdk;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.Pem;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.crypto.SuiteId;

/**
 * A key holder that signs transaction bodies on the client. The private key stays inside: this class
 * has no accessor for it and never sends it anywhere; only signatures and the public key leave.
 * Thread-safe (the suites' signing is stateless and deterministic).
 */
public final class Signer {
    private final KeyPair keyPair;
    private final CryptoSuite suite;

    public Signer(KeyPair keyPair) {
        this.keyPair = keyPair;
        this.suite = CryptoSuites.of(keyPair.suite());
    }

    /** A signer with a fresh key pair. */
    public static Signer generate(SuiteId suite, SecureRandom random) {
        return new Signer(CryptoSuites.of(suite).generateKeyPair(random));
    }

    /** A signer with the key pair of a PKCS#8 PEM private-key file (see {@link Pem}). */
    public static Signer load(Path privateKeyFile) throws IOException, CryptoException {
        return new Signer(Pem.readKeyPair(privateKeyFile));
    }

    public SuiteId suite() {
        return suite.id();
    }

    public PublicKey publicKey() {
        return keyPair.publicKey();
    }

    /** The account address of the key: what nonces and balances are kept under. */
    public Address address() {
        return suite.address(keyPair.publicKey());
    }

    /** Signs the exact bytes given (for a transaction: {@link org.jadechain.core.model.Transaction#encodeBody}). */
    public byte[] sign(byte[] message) {
        return suite.sign(keyPair.privateKey(), message);
    }

    @Override
    public String toString() {
        return "signer " + address().hex() + " (" + suite.id().label() + ")";
    }
}
