package org.jadechain.core.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;

/**
 * The Chinese national suite: SM3 hashing, SM2 signatures (SM3, default user id "1234567812345678", 64-byte
 * r||s, deterministic nonce), SM4-GCM, and SM2 public-key encryption in C1C3C2 order. Public keys are
 * 65-byte uncompressed points. Thread-safe; decoded public keys are kept in a bounded cache
 * ({@link DecodedKeyCache}) and verified by {@link Sm2Verifier}, which changes speed only.
 */
public final class SmSuite implements CryptoSuite {
    private static final int SM4_KEY_LENGTH = 16;

    @Override
    public SuiteId id() {
        return SuiteId.SM;
    }

    @Override
    public Hash hash(byte[]... parts) {
        return DigestHasher.hash(new SM3Digest(), parts);
    }

    @Override
    public Hash hash(byte[] data, int offset, int length) {
        return DigestHasher.hash(new SM3Digest(), data, offset, length);
    }

    @Override
    public Hasher newHasher() {
        return new DigestHasher(new SM3Digest());
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        return Sm2.generate(random);
    }

    /** The key pair of the private scalar d, which must be in [1, n-2]. */
    static KeyPair keyPair(BigInteger d) throws CryptoException {
        return Sm2.keyPair(d);
    }

    @Override
    public PublicKey decodePublicKey(byte[] encoded) throws CryptoException {
        return Sm2.decodePublicKey(encoded);
    }

    /** @throws IllegalArgumentException when the key is not an SM2 key */
    @Override
    public byte[] sign(PrivateKey key, byte[] message) {
        if (!(key instanceof SmPrivateKey k)) {
            throw new IllegalArgumentException("not an sm private key: " + key);
        }
        return Sm2.sign(k, message);
    }

    @Override
    public boolean verify(PublicKey key, byte[] message, byte[] signature) {
        return key instanceof SmPublicKey k && Sm2Verifier.verify(k, message, signature);
    }

    /** Z<sub>A</sub> and the key's comb tables (small and wide), now; ignores a key of another suite. */
    @Override
    public void prepareToVerify(PublicKey key) {
        if (key instanceof SmPublicKey k) {
            k.userHash();
            Sm2Verifier.TABLES.prepare(k);
        }
    }

    @Override
    public int publicKeyLength() {
        return Sm2.PUBLIC_KEY_LENGTH;
    }

    @Override
    public int signatureLength() {
        return Sm2.SIGNATURE_LENGTH;
    }

    @Override
    public int symmetricKeyLength() {
        return SM4_KEY_LENGTH;
    }

    /** @throws IllegalArgumentException when the key is not 16 bytes or the nonce not 12 */
    @Override
    public byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        return Gcm.seal(new SM4Engine(), SM4_KEY_LENGTH, key, nonce, plaintext, associatedData);
    }

    @Override
    public byte[] open(byte[] key, byte[] nonce, byte[] ciphertext, byte[] associatedData) throws CryptoException {
        return Gcm.open(new SM4Engine(), SM4_KEY_LENGTH, key, nonce, ciphertext, associatedData);
    }

    /**
     * SM2 encryption: C1 (65-byte point) || C3 (32-byte SM3) || C2, 97 bytes longer than the plaintext.
     *
     * @throws IllegalArgumentException when the key is not an SM2 key or the plaintext is empty (which SM2
     *     encryption does not define)
     */
    @Override
    public byte[] encryptTo(PublicKey recipient, byte[] plaintext, SecureRandom random) {
        if (!(recipient instanceof SmPublicKey k)) {
            throw new IllegalArgumentException("not an sm public key: " + recipient);
        }
        return Sm2.encrypt(k, plaintext, random);
    }

    @Override
    public byte[] decrypt(KeyPair recipient, byte[] ciphertext) throws CryptoException {
        if (!(recipient.privateKey() instanceof SmPrivateKey k)) {
            throw new CryptoException("not an sm key pair");
        }
        return Sm2.decrypt(k, ciphertext);
    }
}
