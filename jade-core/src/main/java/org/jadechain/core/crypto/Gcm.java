package org.jadechain.core.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * GCM over a 128-bit block cipher (SM4 or AES) with a 12-byte nonce and a 16-byte tag appended to the
 * ciphertext. Stateless: every call builds its own cipher. A {@code null} associated data means none.
 */
final class Gcm {
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;

    private Gcm() {
    }

    /** @throws IllegalArgumentException when the key or nonce has the wrong length */
    static byte[] seal(BlockCipher engine, int keyLength, byte[] key, byte[] nonce, byte[] plaintext,
                       byte[] associatedData) {
        checkLengths(keyLength, key, nonce);
        GCMModeCipher gcm = init(engine, true, key, nonce, associatedData);
        byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail authentication", e);
        }
        return out;
    }

    /** @throws CryptoException on a wrong key, nonce or associated data, or an altered or truncated ciphertext */
    static byte[] open(BlockCipher engine, int keyLength, byte[] key, byte[] nonce, byte[] ciphertext,
                       byte[] associatedData) throws CryptoException {
        try {
            checkLengths(keyLength, key, nonce);
        } catch (IllegalArgumentException e) {
            throw new CryptoException(e.getMessage(), e);
        }
        if (ciphertext == null || ciphertext.length < TAG_LENGTH) {
            throw new CryptoException("ciphertext is shorter than the 16-byte tag");
        }
        GCMModeCipher gcm = init(engine, false, key, nonce, associatedData);
        byte[] out = new byte[gcm.getOutputSize(ciphertext.length)];
        try {
            int n = gcm.processBytes(ciphertext, 0, ciphertext.length, out, 0);
            n += gcm.doFinal(out, n);
            return n == out.length ? out : Arrays.copyOf(out, n);
        } catch (InvalidCipherTextException e) {
            throw new CryptoException("authentication failed: wrong key, nonce or associated data, or altered ciphertext", e);
        }
    }

    private static void checkLengths(int keyLength, byte[] key, byte[] nonce) {
        if (key == null || key.length != keyLength) {
            throw new IllegalArgumentException("the key must be " + keyLength + " bytes");
        }
        if (nonce == null || nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("the nonce must be " + NONCE_LENGTH + " bytes");
        }
    }

    private static GCMModeCipher init(BlockCipher engine, boolean encrypt, byte[] key, byte[] nonce, byte[] ad) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(engine);
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce, ad));
        return gcm;
    }
}
