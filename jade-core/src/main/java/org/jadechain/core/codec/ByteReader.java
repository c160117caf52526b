package org.jadechain.core.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the canonical encoding written by {@link ByteWriter} and rejects every other byte string:
 * truncation, non-minimal varints, varints over 63 bits, lengths over the caller's limit, invalid UTF-8,
 * and (through {@link #expectEnd()}) trailing bytes. Not thread-safe.
 */
public final class ByteReader {
    private final byte[] buf;
    private final int end;
    private int pos;

    public ByteReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public ByteReader(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    private void need(int n, String what) throws DecodeException {
        if (n > end - pos) {
            throw new DecodeException("truncated: " + what + " needs " + n + " bytes, " + (end - pos) + " left");
        }
    }

    public int u8(String what) throws DecodeException {
        need(1, what);
        return buf[pos++] & 0xff;
    }

    public boolean bool(String what) throws DecodeException {
        int v = u8(what);
        if (v > 1) {
            throw new DecodeException(what + ": boolean must be 0 or 1, got " + v);
        }
        return v == 1;
    }

    /** An unsigned varint in minimal form, at most 63 bits. */
    public long varint(String what) throws DecodeException {
        long result = 0;
        int shift = 0;
        for (int i = 0; i < 10; i++) {
            need(1, what);
            int b = buf[pos++] & 0xff;
            if (shift == 63) {
                // nine 7-bit groups already carry 63 bits: a tenth byte could only make the value negative
                throw new DecodeException(what + ": varint exceeds 63 bits (negative or too large)");
            }
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new DecodeException(what + ": non-minimal varint");
                }
                return result;
            }
            shift += 7;
        }
        throw new DecodeException(what + ": varint longer than 10 bytes");
    }

    /** A varint that must lie in [0, max]. */
    public long varint(String what, long max) throws DecodeException {
        long v = varint(what);
        if (v > max) {
            throw new DecodeException(what + ": " + v + " exceeds the limit " + max);
        }
        return v;
    }

    public long i64(String what) throws DecodeException {
        need(8, what);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xff);
        }
        return v;
    }

    public byte[] raw(int n, String what) throws DecodeException {
        need(n, what);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** A length-prefixed byte string of at most {@code maxLength} bytes. */
    public byte[] bytes(String what, int maxLength) throws DecodeException {
        int n = (int) varint(what + " length", maxLength);
        return raw(n, what);
    }

    /** A length-prefixed UTF-8 string of at most {@code maxBytes} encoded bytes; malformed UTF-8 is rejected. */
    public String string(String what, int maxBytes) throws DecodeException {
        byte[] b = bytes(what, maxBytes);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new DecodeException(what + ": not valid UTF-8");
        }
    }

    /** @throws DecodeException when bytes remain */
    public void expectEnd(String what) throws DecodeException {
        if (pos != end) {
            throw new DecodeException(what + ": " + (end - pos) + " trailing bytes");
        }
    }
}
