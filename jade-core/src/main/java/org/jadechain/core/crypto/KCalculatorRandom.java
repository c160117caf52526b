package org.jadechain.core.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.bouncycastle.util.BigIntegers;

/**
 * Presents a {@link DSAKCalculator} as the {@link SecureRandom} that Bouncy Castle's {@code SM2Signer} draws
 * its nonce from.
 *
 * <p>{@code SM2Signer} (1.87) has no constructor taking a {@code DSAKCalculator}: its calculator is a private
 * {@code RandomDSAKCalculator}, which draws each candidate k as one {@code nextBytes} call of the byte length
 * of the group order and keeps it when {@code 0 < k < n}. Answering each such call with the next k of an
 * RFC 6979 {@code HMacDSAKCalculator} (always in range) makes the signer use exactly that k sequence. Any
 * other request means Bouncy Castle changed how it draws k; this class then throws rather than silently
 * produce a different nonce. Not thread-safe: one instance per signature.
 */
final class KCalculatorRandom extends SecureRandom {
    private final transient DSAKCalculator calculator;
    private final int length;

    /** @param calculator already initialised with the order, private key and message digest */
    KCalculatorRandom(DSAKCalculator calculator, BigInteger order) {
        super(null, null);
        this.calculator = calculator;
        this.length = BigIntegers.getUnsignedByteLength(order);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        if (bytes.length != length) {
            throw new IllegalStateException("the signer asked for " + bytes.length + " random bytes, expected a "
                    + length + "-byte nonce candidate");
        }
        byte[] k = BigIntegers.asUnsignedByteArray(length, calculator.nextK());
        System.arraycopy(k, 0, bytes, 0, length);
    }

    @Override
    public void setSeed(byte[] seed) {
        throw new UnsupportedOperationException("a deterministic nonce source takes no seed");
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        throw new UnsupportedOperationException("a deterministic nonce source gives no seed");
    }
}
