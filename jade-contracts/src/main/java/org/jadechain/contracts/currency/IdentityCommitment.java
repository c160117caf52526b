package org.jadechain.contracts.currency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;

/**
 * The salted commitment to a wallet holder's identity that the ledger stores instead of the identity
 * ("controllable anonymity"). The ledger holds only this 32-byte value and a copy of the identity encrypted
 * to the regulator's key; it never sees the identity, the salt or any private key.
 *
 * <p>Client side (the SDK, or the operator's KYC system), when a wallet is opened:
 * <ol>
 *   <li>draw a fresh random salt of {@value #MIN_SALT_BYTES}..{@value #MAX_SALT_BYTES} bytes;</li>
 *   <li>{@code commitment = H("jade-identity/1" || u8 len(salt) || salt || UTF-8(identity))}, with the
 *       chain's hash (SM3 for {@code sm}, SHA-256 for {@code intl}) — {@link #compute};</li>
 *   <li>{@code encryptedIdentity = suite.encryptTo(regulatorKey, UTF-8(identity), random)}
 *       ({@link CryptoSuite#encryptTo}: SM2 encryption for {@code sm}, ECIES for {@code intl});</li>
 *   <li>submit {@code currency.openWallet(ownerKey, class, commitment, encryptedIdentity)}.</li>
 * </ol>
 * The salt's length byte makes the split between salt and identity unambiguous, so an operator cannot
 * reveal a different (e.g. truncated) identity for the same commitment. The operator keeps the salt; by
 * revealing salt and identity it proves which customer a wallet belongs to, which anyone checks with
 * {@link #verify}. The regulator decrypts {@code encryptedIdentity} on its own side with its key pair.
 *
 * <p>Deterministic and stateless; thread-safe.
 */
public final class IdentityCommitment {
    public static final int MIN_SALT_BYTES = 16;
    public static final int MAX_SALT_BYTES = 32;
    /** The length of a commitment: one hash of the chain's suite. */
    public static final int LENGTH = Hash.LENGTH;
    private static final byte[] DOMAIN = "jade-identity/1".getBytes(StandardCharsets.US_ASCII);

    private IdentityCommitment() {
    }

    /**
     * The commitment to {@code identity} under {@code salt}.
     *
     * @throws IllegalArgumentException when the salt is not {@value #MIN_SALT_BYTES}..{@value #MAX_SALT_BYTES}
     *     bytes or the identity is empty
     */
    public static Hash compute(CryptoSuite suite, byte[] salt, String identity) {
        if (salt == null || salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
            throw new IllegalArgumentException("the identity salt must be " + MIN_SALT_BYTES + ".." + MAX_SALT_BYTES
                    + " bytes");
        }
        if (identity == null || identity.isEmpty()) {
            throw new IllegalArgumentException("the identity is empty");
        }
        return suite.hash(DOMAIN, new byte[] {(byte) salt.length}, salt, identity.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * True when {@code commitment} (as stored in the wallet's {@link WalletIdentity}) is the commitment to
     * {@code identity} under {@code salt}; false for any mismatch or unusable input. Never throws.
     */
    public static boolean verify(CryptoSuite suite, byte[] commitment, byte[] salt, String identity) {
        if (commitment == null || commitment.length != LENGTH || salt == null || salt.length < MIN_SALT_BYTES
                || salt.length > MAX_SALT_BYTES || identity == null || identity.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(commitment, compute(suite, salt, identity).unsafeBytes());
    }
}
