package org.jadechain.core.model;

import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Hex;

/**
 * Checks principle 6 of STYLE.md on one valid encoding: decoding accepts only canonical bytes. A
 * single-byte mutation at every position (several values each, see {@link #replacements}) must either
 * be refused with a {@link DecodeException} or decode to a value that re-encodes to exactly the mutated
 * bytes (so no value has two encodings); every proper prefix and any appended byte must be refused.
 * No other exception may escape.
 */
public final class CanonicalForm {
    /** Decodes and re-encodes from the decoded fields alone. */
    @FunctionalInterface
    public interface Recoder {
        byte[] recode(byte[] bytes) throws DecodeException;
    }

    private CanonicalForm() {
    }

    public static void assertOnlyCanonicalBytesDecode(byte[] valid, long seed, Recoder recoder) {
        byte[] again = outcome(valid, recoder);
        if (again == null || !Arrays.equals(again, valid)) {
            fail("a valid encoding does not round-trip: " + Hex.encode(valid));
        }
        byte[] m = valid.clone();
        SplittableRandom random = new SplittableRandom(seed);
        for (int p = 0; p < m.length; p++) {
            byte original = m[p];
            for (int v : replacements(original, random)) {
                m[p] = (byte) v;
                byte[] out = outcome(m, recoder);
                if (out != null && !Arrays.equals(out, m)) {
                    fail("byte " + p + " set to " + v + " decodes to a value encoded differently:\n  mutated "
                            + Hex.encode(m) + "\n  re-encoded " + Hex.encode(out));
                }
            }
            m[p] = original;
        }
        for (int len = 0; len < valid.length; len++) {
            if (outcome(Arrays.copyOf(valid, len), recoder) != null) {
                fail("the " + len + "-byte prefix of " + Hex.encode(valid) + " decodes");
            }
        }
        for (int v : new int[] {0x00, 0x01, 0x7f, 0x80, 0xff}) {
            byte[] longer = Arrays.copyOf(valid, valid.length + 1);
            longer[valid.length] = (byte) v;
            if (outcome(longer, recoder) != null) {
                fail("an appended byte " + v + " is accepted after " + Hex.encode(valid));
            }
        }
    }

    /**
     * The other values tried at one position: those that flip a varint's continuation bit, the lowest bit,
     * every bit, the extremes, the neighbours, and two random values. Trying all 255 costs 25 times as much
     * for little more (decoding failures are exceptions with stack traces).
     */
    private static int[] replacements(byte original, SplittableRandom random) {
        int o = original & 0xff;
        return IntStream.of(o ^ 0x80, o ^ 0x01, o ^ 0xff, o ^ 0x40, 0x00, 0x01, 0x7f, 0x80, 0xff,
                        (o + 1) & 0xff, (o - 1) & 0xff, random.nextInt(256), random.nextInt(256))
                .filter(v -> v != o).distinct().toArray();
    }

    /** The re-encoding, or null when decoding refused the bytes with a DecodeException. */
    private static byte[] outcome(byte[] bytes, Recoder recoder) {
        try {
            return recoder.recode(bytes);
        } catch (DecodeException e) {
            return null;
        } catch (RuntimeException e) {
            throw new AssertionError("decoding " + Hex.encode(bytes) + " threw " + e + " instead of DecodeException", e);
        }
    }
}
