package org.jadechain.core.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * Public-key encryption to an Ed25519 key, version 1: the recipient's Ed25519 key is converted to X25519
 * (as libsodium's {@code crypto_sign_ed25519_pk_to_curve25519} / {@code _sk_to_curve25519}), agreed with a
 * fresh ephemeral X25519 key, and the shared secret expanded by HKDF-SHA-256 (salt = ephemeral public key ||
 * recipient X25519 public key, info = "jadechain-ecies-v1") into a 32-byte AES key and a 12-byte nonce for
 * AES-256-GCM without associated data. Output: ephemeral public key (32) || ciphertext || tag (16).
 *
 * <p>Client-side only: the Edwards-to-Montgomery map uses {@link BigInteger} and is not constant time in the
 * public key (which is public). Stateless and thread-safe.
 */
final class Ecies25519 {
    static final int OVERHEAD = X25519PublicKeyParameters.KEY_SIZE + Gcm.TAG_LENGTH;
    private static final byte[] INFO = "jadechain-ecies-v1".getBytes(StandardCharsets.UTF_8);
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    private static final int AES_KEY_LENGTH = 32;

    private Ecies25519() {
    }

    static byte[] encrypt(Ed25519PublicKey recipient, byte[] plaintext, SecureRandom random) {
        X25519PublicKeyParameters recipientX = toX25519(recipient);
        X25519PrivateKeyParameters ephemeral = new X25519PrivateKeyParameters(random);
        byte[] ephemeralPublic = ephemeral.generatePublicKey().getEncoded();
        byte[] okm;
        try {
            okm = derive(ephemeral, recipientX, ephemeralPublic, recipientX.getEncoded());
        } catch (CryptoException e) {
            throw new IllegalStateException("a validated Ed25519 key cannot give a zero shared secret", e);
        }
        byte[] sealed = Gcm.seal(AESEngine.newInstance(), AES_KEY_LENGTH, Arrays.copyOf(okm, AES_KEY_LENGTH),
                Arrays.copyOfRange(okm, AES_KEY_LENGTH, okm.length), plaintext, null);
        Arrays.fill(okm, (byte) 0);
        byte[] out = Arrays.copyOf(ephemeralPublic, ephemeralPublic.length + sealed.length);
        System.arraycopy(sealed, 0, out, ephemeralPublic.length, sealed.length);
        return out;
    }

    /** @throws CryptoException when the ciphertext is short, altered, or not for this key pair */
    static byte[] decrypt(Ed25519PrivateKey recipient, Ed25519PublicKey recipientPublic, byte[] ciphertext)
            throws CryptoException {
        if (ciphertext == null || ciphertext.length < OVERHEAD) {
            throw new CryptoException("an ECIES ciphertext is at least " + OVERHEAD + " bytes");
        }
        byte[] ephemeralPublic = Arrays.copyOf(ciphertext, X25519PublicKeyParameters.KEY_SIZE);
        byte[] okm = derive(toX25519(recipient), new X25519PublicKeyParameters(ephemeralPublic), ephemeralPublic,
                toX25519(recipientPublic).getEncoded());
        try {
            return Gcm.open(AESEngine.newInstance(), AES_KEY_LENGTH, Arrays.copyOf(okm, AES_KEY_LENGTH),
                    Arrays.copyOfRange(okm, AES_KEY_LENGTH, okm.length),
                    Arrays.copyOfRange(ciphertext, X25519PublicKeyParameters.KEY_SIZE, ciphertext.length), null);
        } finally {
            Arrays.fill(okm, (byte) 0);
        }
    }

    private static byte[] derive(X25519PrivateKeyParameters own, X25519PublicKeyParameters peer,
                                 byte[] ephemeralPublic, byte[] recipientPublic) throws CryptoException {
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(own);
        byte[] shared = new byte[agreement.getAgreementSize()];
        try {
            agreement.calculateAgreement(peer, shared, 0);
        } catch (IllegalStateException e) {
            throw new CryptoException("the ephemeral key is of small order", e);
        }
        byte[] salt = Arrays.copyOf(ephemeralPublic, ephemeralPublic.length + recipientPublic.length);
        System.arraycopy(recipientPublic, 0, salt, ephemeralPublic.length, recipientPublic.length);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(shared, salt, INFO));
        byte[] okm = new byte[AES_KEY_LENGTH + Gcm.NONCE_LENGTH];
        hkdf.generateBytes(okm, 0, okm.length);
        Arrays.fill(shared, (byte) 0);
        return okm;
    }

    /** The Montgomery u = (1 + y) / (1 - y) mod p of an Edwards point y (y != 1 for a validated key). */
    static X25519PublicKeyParameters toX25519(Ed25519PublicKey key) {
        byte[] le = key.unsafeEncoded().clone();
        le[31] &= 0x7f;
        BigInteger y = new BigInteger(1, reverse(le));
        BigInteger oneMinusY = BigInteger.ONE.subtract(y).mod(P);
        BigInteger u = BigInteger.ONE.add(y).multiply(oneMinusY.modInverse(P)).mod(P);
        return new X25519PublicKeyParameters(reverse(BigIntegers.asUnsignedByteArray(32, u)));
    }

    /** The first 32 bytes of SHA-512(seed); X25519 clamps them when used, as libsodium does here. */
    static X25519PrivateKeyParameters toX25519(Ed25519PrivateKey key) {
        byte[] seed = key.parameters().getEncoded();
        SHA512Digest sha512 = new SHA512Digest();
        sha512.update(seed, 0, seed.length);
        byte[] h = new byte[sha512.getDigestSize()];
        sha512.doFinal(h, 0);
        X25519PrivateKeyParameters x = new X25519PrivateKeyParameters(h, 0);
        Arrays.fill(h, (byte) 0);
        Arrays.fill(seed, (byte) 0);
        return x;
    }

    private static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }
}
