package org.jadechain.core.crypto;

import java.security.SecureRandom;

/**
 * The cryptography of one chain, fixed at genesis: hashing, signatures, symmetric authenticated
 * encryption, and public-key encryption to a recipient. Implementations are stateless and thread-safe.
 *
 * <p>{@link #hash}, {@link #verify} and {@link #address} are deterministic and used by the ledger core.
 * Signing is deterministic too (Ed25519 by design; SM2 with an HMAC-derived nonce), so the same key and
 * message always give the same signature. Key generation and {@link #encryptTo} take their randomness as a
 * parameter and are only used on the client side.
 */
public interface CryptoSuite {

    SuiteId id();

    /** The chain's 32-byte hash (SM3 or SHA-256) of the concatenation of the given parts. */
    Hash hash(byte[]... parts);

    /** Hashes {@code length} bytes of {@code data} from {@code offset}. */
    Hash hash(byte[] data, int offset, int length);

    /** A new hasher for incremental input; not thread-safe, one per use. */
    Hasher newHasher();

    KeyPair generateKeyPair(SecureRandom random);

    /**
     * Validates and decodes a canonical public-key encoding.
     *
     * @throws CryptoException when the bytes are not a valid key of this suite (wrong length, not on the curve)
     */
    PublicKey decodePublicKey(byte[] encoded) throws CryptoException;

    /** Signs the exact message bytes. The signature has {@link #signatureLength()} bytes. */
    byte[] sign(PrivateKey key, byte[] message);

    /** True exactly when the signature is valid for the key and message; never throws for bad input. */
    boolean verify(PublicKey key, byte[] message, byte[] signature);

    /**
     * Does now the one-off work that a key's first verifications would otherwise do, for a caller that knows the
     * key will sign soon (a node, when a wallet is opened for it). Changes speed only, never a result. For SM2 that
     * is Z<sub>A</sub> and the key's comb table (about six verifications' work, otherwise spread over its first two
     * uses); the default does nothing (an Ed25519 key needs nothing beyond its decoding).
     */
    default void prepareToVerify(PublicKey key) {
    }

    /** The address of a public key: the first 20 bytes of {@code hash(key.encoded())}. */
    default Address address(PublicKey key) {
        if (key.suite() != id()) {
            return Address.fromHash(hash(key.unsafeEncoded()));
        }
        Address a = key.cachedAddress();
        if (a == null) {
            a = Address.fromHash(hash(key.unsafeEncoded()));
            key.cacheAddress(a);
        }
        return a;
    }

    int publicKeyLength();

    int signatureLength();

    /** Key length of the symmetric cipher (SM4: 16, AES-256: 32). */
    int symmetricKeyLength();

    /** Authenticated encryption (SM4-GCM or AES-256-GCM, 12-byte nonce, 16-byte tag appended). */
    byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData);

    /** @throws CryptoException when the key, nonce or associated data are wrong or the ciphertext was altered */
    byte[] open(byte[] key, byte[] nonce, byte[] ciphertext, byte[] associatedData) throws CryptoException;

    /**
     * Encrypts to a recipient's public key: SM2 public-key encryption (C1C3C2) for {@code sm}; for
     * {@code intl} an ECIES construction (X25519 with the key converted from Ed25519, HKDF-SHA-256,
     * AES-256-GCM).
     */
    byte[] encryptTo(PublicKey recipient, byte[] plaintext, SecureRandom random);

    /** @throws CryptoException when the ciphertext was not made for this key or was altered */
    byte[] decrypt(KeyPair recipient, byte[] ciphertext) throws CryptoException;

    /** An incremental hash computation. */
    interface Hasher {
        Hasher update(byte[] data);

        Hasher update(byte[] data, int offset, int length);

        Hasher update(byte b);

        /** Returns the digest and resets the hasher. */
        Hash digest();
    }
}
