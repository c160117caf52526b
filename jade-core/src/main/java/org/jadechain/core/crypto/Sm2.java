package org.jadechain.core.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * SM2 on the recommended curve sm2p256v1 (GB/T 32918), built on Bouncy Castle's {@code SM2Signer} and
 * {@code SM2Engine}; verification of default-user-id signatures goes through {@link Sm2Verifier}. Thread-safe:
 * every operation creates its own signer or engine; the only shared state is the decoded-key cache.
 *
 * <p>Signatures are 64 bytes r||s over SM3(Z<sub>A</sub>||M) with the default user id. Signing is
 * deterministic: k is the RFC 6979 HMAC-SM3 nonce for (d, SM3(Z<sub>A</sub>||M)), fed to the signer through
 * {@link KCalculatorRandom} because {@code SM2Signer} accepts no {@code DSAKCalculator}.
 */
final class Sm2 {
    /** The default user id of GB/T 35276 / GM/T 0009: the ASCII text "1234567812345678". */
    static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    static final ECNamedDomainParameters DOMAIN = domain();
    static final int PUBLIC_KEY_LENGTH = 65;
    static final int SIGNATURE_LENGTH = 64;
    /**
     * Keys per generation of the decoded-key cache, which holds at most about 2 × 16,384 keys, each with its
     * Z<sub>A</sub> and small comb table (≈ 2.6 KB, so ≈ 85 MB at most; frequent senders' wide tables are
     * held apart, {@link Sm2KeyTables}; see ADR 0005).
     */
    static final int KEY_CACHE_GENERATION = 16_384;
    private static final DecodedKeyCache<SmPublicKey> KEYS = new DecodedKeyCache<>(KEY_CACHE_GENERATION);
    private static final BigInteger MAX_PRIVATE = DOMAIN.getN().subtract(BigInteger.TWO);

    private Sm2() {
    }

    private static ECNamedDomainParameters domain() {
        X9ECParameters x9 = CustomNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1);
        return new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, x9);
    }

    /**
     * Decodes 0x04||X||Y, rejecting any other length or prefix, coordinates not below p, and points not on
     * the curve. A key decoded before may come from a bounded cache ({@link DecodedKeyCache}) with its
     * Z<sub>A</sub> and point tables already computed; only valid keys are cached.
     */
    static SmPublicKey decodePublicKey(byte[] encoded) throws CryptoException {
        if (encoded == null || encoded.length != PUBLIC_KEY_LENGTH || encoded[0] != 0x04) {
            throw new CryptoException("an SM2 public key is 65 bytes: 0x04 || X || Y");
        }
        return KEYS.decode(encoded, Sm2::decodeUncached);
    }

    /** {@link #decodePublicKey} without the cache. */
    static SmPublicKey decodeUncached(byte[] encoded) throws CryptoException {
        if (encoded == null || encoded.length != PUBLIC_KEY_LENGTH || encoded[0] != 0x04) {
            throw new CryptoException("an SM2 public key is 65 bytes: 0x04 || X || Y");
        }
        try {
            ECPoint q = DOMAIN.getCurve().decodePoint(encoded);
            return new SmPublicKey(encoded, new ECPublicKeyParameters(q, DOMAIN));
        } catch (IllegalArgumentException e) {
            throw new CryptoException("not a point of sm2p256v1", e);
        }
    }

    /** @throws CryptoException when d is not in [1, n-2] */
    static KeyPair keyPair(BigInteger d) throws CryptoException {
        if (d.signum() <= 0 || d.compareTo(MAX_PRIVATE) > 0) {
            throw new CryptoException("an SM2 private key must be in [1, n-2]");
        }
        ECPoint q = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
        SmPublicKey publicKey = new SmPublicKey(q.getEncoded(false), new ECPublicKeyParameters(q, DOMAIN));
        SmPrivateKey privateKey = new SmPrivateKey(new ECPrivateKeyParameters(d, DOMAIN), publicKey,
                userHash(DOMAIN, DEFAULT_USER_ID, q));
        return new KeyPair(privateKey, publicKey);
    }

    static KeyPair generate(SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(DOMAIN, random));
        while (true) {
            AsymmetricCipherKeyPair pair = generator.generateKeyPair();
            BigInteger d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
            if (d.compareTo(MAX_PRIVATE) <= 0) {
                try {
                    return keyPair(d);
                } catch (CryptoException e) {
                    throw new IllegalStateException("generated key out of range", e);
                }
            }
        }
    }

    /** Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA) of GB/T 32918.2 section 5.5. */
    static byte[] userHash(ECDomainParameters domain, byte[] userId, ECPoint q) {
        SM3Digest digest = new SM3Digest();
        int bits = userId.length * 8;
        digest.update((byte) (bits >> 8));
        digest.update((byte) bits);
        digest.update(userId, 0, userId.length);
        ECPoint g = domain.getG().normalize();
        ECPoint a = q.normalize();
        for (ECFieldElement e : new ECFieldElement[] {domain.getCurve().getA(), domain.getCurve().getB(),
                g.getAffineXCoord(), g.getAffineYCoord(), a.getAffineXCoord(), a.getAffineYCoord()}) {
            byte[] b = e.getEncoded();
            digest.update(b, 0, b.length);
        }
        byte[] z = new byte[digest.getDigestSize()];
        digest.doFinal(z, 0);
        return z;
    }

    /** Deterministic signature with the default user id. */
    static byte[] sign(SmPrivateKey key, byte[] message) {
        SM3Digest digest = new SM3Digest();
        digest.update(key.userHash(), 0, key.userHash().length);
        digest.update(message, 0, message.length);
        byte[] e = new byte[digest.getDigestSize()];
        digest.doFinal(e, 0);
        HMacDSAKCalculator k = new HMacDSAKCalculator(new SM3Digest());
        BigInteger n = key.parameters().getParameters().getN();
        k.init(n, key.parameters().getD(), e);
        return sign(key.parameters(), DEFAULT_USER_ID, message, new KCalculatorRandom(k, n));
    }

    /** Signs with the nonce drawn from {@code kSource}; the path of {@link #sign(SmPrivateKey, byte[])}. */
    static byte[] sign(ECPrivateKeyParameters key, byte[] userId, byte[] message, SecureRandom kSource) {
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        signer.init(true, new ParametersWithID(new ParametersWithRandom(key, kSource), userId));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (org.bouncycastle.crypto.CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /**
     * Verifies r||s for a key on any SM2 domain and any user id with Bouncy Castle's {@code SM2Signer}, as
     * {@link SmSuite#verify} did before {@link Sm2Verifier}: the reference that the fast path is tested
     * against, and the path for the standard's examples on its test curve. Never throws.
     */
    static boolean verify(ECPublicKeyParameters key, byte[] userId, byte[] message, byte[] signature) {
        if (signature == null || message == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
            signer.init(false, new ParametersWithID(key, userId));
            signer.update(message, 0, message.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * SM2 public-key encryption (GB/T 32918.4), output C1 (65 bytes) || C3 (32) || C2.
     *
     * @throws IllegalArgumentException for an empty plaintext, which the standard cannot encrypt (its key
     *     stream would be empty, which step A5 rejects as all zero)
     */
    static byte[] encrypt(SmPublicKey recipient, byte[] plaintext, SecureRandom random) {
        if (plaintext.length == 0) {
            throw new IllegalArgumentException("SM2 cannot encrypt an empty message");
        }
        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(recipient.parameters(), random));
        try {
            return engine.processBlock(plaintext, 0, plaintext.length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM2 encryption failed", e);
        }
    }

    static byte[] decrypt(SmPrivateKey recipient, byte[] ciphertext) throws CryptoException {
        if (ciphertext == null || ciphertext.length < PUBLIC_KEY_LENGTH + 32) {
            throw new CryptoException("an SM2 ciphertext is at least 97 bytes");
        }
        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.init(false, recipient.parameters());
        try {
            return engine.processBlock(ciphertext, 0, ciphertext.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException("SM2 decryption failed: not for this key, or altered", e);
        }
    }
}
