package org.jadechain.sdk;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.PublicKey;

/**
 * Controllable anonymity, client side. An operator opening a wallet keeps the customer's identity off the
 * ledger: it sends a salted commitment {@code H("jade-identity/1" || salt || identity)} (the contract's
 * {@code IdentityCommitment}) and the identity encrypted to the regulator's public key (SM2 encryption
 * for {@code sm}, X25519-ECIES for {@code intl}). The operator keeps the salt to prove later which
 * customer a wallet belongs to; only the regulator's private key opens the ciphertext, on the regulator's
 * machine.
 */
public record IdentityEnvelope(byte[] salt, Hash commitment, byte[] encryptedIdentity) {
    public static final int SALT_BYTES = 32;

    /** Seals an identity (e.g. {@code {"phone":"13800000002"}}) for the regulator. */
    public static IdentityEnvelope seal(CryptoSuite suite, String identity, PublicKey regulator, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Hash commitment = org.jadechain.contracts.currency.IdentityCommitment.compute(suite, salt, identity);
        byte[] ciphertext = suite.encryptTo(regulator, identity.getBytes(StandardCharsets.UTF_8), random);
        return new IdentityEnvelope(salt, commitment, ciphertext);
    }

    /**
     * Opens a wallet's encrypted identity with the regulator's key pair.
     *
     * @throws CryptoException when the key is not the one the identity was encrypted to, or the data was altered
     */
    public static String open(CryptoSuite suite, KeyPair regulator, byte[] encryptedIdentity) throws CryptoException {
        return new String(suite.decrypt(regulator, encryptedIdentity), StandardCharsets.UTF_8);
    }
}
