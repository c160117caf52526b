package org.jadechain.core.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The international suite: SHA-256 hashing (the JDK's, {@link JdkSha256Hasher}), Ed25519 signatures (RFC 8032, pure, 32-byte keys, 64-byte
 * signatures, deterministic by design), AES-256-GCM, and {@link Ecies25519} public-key encryption. Uses
 * Bouncy Castle's low-level Ed25519, never the JDK provider. Thread-safe; the only shared state is a bounded
 * cache of decoded public keys ({@link DecodedKeyCache}), which changes speed only.
 */
public final class IntlSuite implements CryptoSuite {
    private static final int PUBLIC_KEY_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;
    private static final int SIGNATURE_LENGTH = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;
    private static final int AES_KEY_LENGTH = 32;
    /**
     * Keys per generation of the decoded-key cache, which holds at most about 2 × 16,384 keys of a few hundred
     * bytes each (the encoding and Bouncy Castle's decompressed point), ≈ 10 MB at most.
     */
    static final int KEY_CACHE_GENERATION = 16_384;
    private static final DecodedKeyCache<Ed25519PublicKey> KEYS = new DecodedKeyCache<>(KEY_CACHE_GENERATION);

    @Override
    public SuiteId id() {
        return SuiteId.INTL;
    }

    @Override
    public Hash hash(byte[]... parts) {
        return JdkSha256Hasher.hash(parts);
    }

    @Override
    public Hash hash(byte[] data, int offset, int length) {
        return JdkSha256Hasher.hash(data, offset, length);
    }

    @Override
    public Hasher newHasher() {
        return new JdkSha256Hasher();
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        return keyPair(new Ed25519PrivateKeyParameters(random).getEncoded());
    }

    /** The key pair of an RFC 8032 32-byte private key (seed). */
    static KeyPair keyPair(byte[] seed) {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key is 32 bytes");
        }
        Ed25519PrivateKeyParameters privateParameters = new Ed25519PrivateKeyParameters(seed);
        Ed25519PublicKeyParameters publicParameters = privateParameters.generatePublicKey();
        Ed25519PublicKey publicKey = new Ed25519PublicKey(publicParameters.getEncoded(), publicParameters);
        return new KeyPair(new Ed25519PrivateKey(privateParameters), publicKey);
    }

    /**
     * Accepts exactly the canonical encodings of curve points other than the eight of small order: wrong
     * lengths, y not below p, x = 0 with the sign bit set, points off the curve, the identity and the other
     * torsion points are rejected. Points with a torsion component (mixed order) are accepted, as RFC 8032
     * allows; rejecting them too ({@code Ed25519.validatePublicKeyFullExport}) costs a scalar multiplication,
     * as much as a verification, on every decode. A key decoded before comes from a bounded cache
     * ({@link DecodedKeyCache}) with its point already decompressed; only valid keys are cached.
     */
    @Override
    public PublicKey decodePublicKey(byte[] encoded) throws CryptoException {
        if (encoded == null || encoded.length != PUBLIC_KEY_LENGTH) {
            throw new CryptoException("an Ed25519 public key is 32 bytes");
        }
        return KEYS.decode(encoded, IntlSuite::decodeUncached);
    }

    /** {@link #decodePublicKey} without the cache; the caller has checked the length. */
    static Ed25519PublicKey decodeUncached(byte[] encoded) throws CryptoException {
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(encoded, 0);
        if (point == null) {
            throw new CryptoException("not a valid Ed25519 public key (not on the curve, non-canonical, or of small order)");
        }
        Ed25519PublicKeyParameters parameters = new Ed25519PublicKeyParameters(point);
        if (!Arrays.equals(parameters.getEncoded(), encoded)) {
            throw new CryptoException("not the canonical encoding of an Ed25519 public key");
        }
        return new Ed25519PublicKey(encoded, parameters);
    }

    /** @throws IllegalArgumentException when the key is not an Ed25519 key */
    @Override
    public byte[] sign(PrivateKey key, byte[] message) {
        if (!(key instanceof Ed25519PrivateKey k)) {
            throw new IllegalArgumentException("not an intl private key: " + key);
        }
        byte[] signature = new byte[SIGNATURE_LENGTH];
        k.parameters().sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        return signature;
    }

    @Override
    public boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (!(key instanceof Ed25519PublicKey k) || message == null || signature == null
                || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            return k.parameters().verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public int publicKeyLength() {
        return PUBLIC_KEY_LENGTH;
    }

    @Override
    public int signatureLength() {
        return SIGNATURE_LENGTH;
    }

    @Override
    public int symmetricKeyLength() {
        return AES_KEY_LENGTH;
    }

    /** @throws IllegalArgumentException when the key is not 32 bytes or the nonce not 12 */
    @Override
    public byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        return Gcm.seal(AESEngine.newInstance(), AES_KEY_LENGTH, key, nonce, plaintext, associatedData);
    }

    @Override
    public byte[] open(byte[] key, byte[] nonce, byte[] ciphertext, byte[] associatedData) throws CryptoException {
        return Gcm.open(AESEngine.newInstance(), AES_KEY_LENGTH, key, nonce, ciphertext, associatedData);
    }

    /**
     * {@link Ecies25519}: 48 bytes longer than the plaintext.
     *
     * @throws IllegalArgumentException when the key is not an Ed25519 key
     */
    @Override
    public byte[] encryptTo(PublicKey recipient, byte[] plaintext, SecureRandom random) {
        if (!(recipient instanceof Ed25519PublicKey k)) {
            throw new IllegalArgumentException("not an intl public key: " + recipient);
        }
        return Ecies25519.encrypt(k, plaintext, random);
    }

    @Override
    public byte[] decrypt(KeyPair recipient, byte[] ciphertext) throws CryptoException {
        if (!(recipient.privateKey() instanceof Ed25519PrivateKey k) || !(recipient.publicKey() instanceof Ed25519PublicKey p)) {
            throw new CryptoException("not an intl key pair");
        }
        return Ecies25519.decrypt(k, p, ciphertext);
    }
}
