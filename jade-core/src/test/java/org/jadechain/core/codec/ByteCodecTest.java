package org.jadechain.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteCodecTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static long readVarint(byte[] encoded) throws DecodeException {
        ByteReader r = new ByteReader(encoded);
        long v = r.varint("v");
        r.expectEnd("test");
        return v;
    }

    @Test
    void varintsAtTheBoundariesHaveTheirMinimalLeb128Form() throws DecodeException {
        assertThat(new ByteWriter().varint(0).toByteArray()).containsExactly(bytes(0x00));
        assertThat(new ByteWriter().varint(127).toByteArray()).containsExactly(bytes(0x7f));
        assertThat(new ByteWriter().varint(128).toByteArray()).containsExactly(bytes(0x80, 0x01));
        assertThat(new ByteWriter().varint(300).toByteArray()).containsExactly(bytes(0xac, 0x02));
        assertThat(new ByteWriter().varint(Long.MAX_VALUE).toByteArray())
                .containsExactly(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f));
        for (long v : new long[] {0, 1, 127, 128, 16_383, 16_384, Limits.MAX_NONCE, Long.MAX_VALUE}) {
            assertThat(readVarint(new ByteWriter().varint(v).toByteArray())).isEqualTo(v);
        }
    }

    @Property(tries = 300)
    void everyNonNegativeLongRoundTripsAsAVarintOfMinimalLength(@ForAll @LongRange(min = 0) long v)
            throws DecodeException {
        byte[] encoded = new ByteWriter().varint(v).toByteArray();
        int bits = 64 - Long.numberOfLeadingZeros(v);
        assertThat(encoded).hasSize(Math.max(1, (bits + 6) / 7));
        assertThat(readVarint(encoded)).isEqualTo(v);
    }

    @Test
    void writingANegativeVarintIsRefused() {
        assertThatThrownBy(() -> new ByteWriter().varint(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void i64IsEightBytesBigEndianAndRoundTripsEveryLong(@ForAll long v) throws DecodeException {
        byte[] encoded = new ByteWriter().i64(v).toByteArray();
        assertThat(encoded).hasSize(8);
        assertThat(encoded[0]).isEqualTo((byte) (v >>> 56));
        assertThat(encoded[7]).isEqualTo((byte) v);
        ByteReader r = new ByteReader(encoded);
        assertThat(r.i64("v")).isEqualTo(v);
        r.expectEnd("test");
    }

    @Property(tries = 200)
    void byteStringsRoundTripWithTheirLengthPrefix(@ForAll @Size(max = 300) byte[] value) throws DecodeException {
        byte[] encoded = new ByteWriter().bytes(value).toByteArray();
        ByteReader r = new ByteReader(encoded);
        assertThat(r.bytes("b", 300)).containsExactly(value);
        r.expectEnd("test");
    }

    @Provide
    Arbitrary<String> wellFormedStrings() {
        // Code points of every plane, surrogates excluded: only well-formed text has a UTF-8 encoding.
        Arbitrary<Integer> codePoint = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 0x7f),
                Arbitraries.integers().between(0x80, 0xd7ff),
                Arbitraries.integers().between(0xe000, 0x10ffff));
        return codePoint.list().ofMaxSize(40)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }

    @Property(tries = 200)
    void stringsRoundTripAsUtf8(@ForAll("wellFormedStrings") String s) throws DecodeException {
        byte[] encoded = new ByteWriter().string(s).toByteArray();
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        assertThat(encoded).hasSize(new ByteWriter().varint(utf8.length).size() + utf8.length);
        ByteReader r = new ByteReader(encoded);
        assertThat(r.string("s", 1000)).isEqualTo(s);
        r.expectEnd("test");
    }

    @Test
    void aBoolIsExactlyZeroOrOne() throws DecodeException {
        assertThat(new ByteReader(bytes(0)).bool("b")).isFalse();
        assertThat(new ByteReader(bytes(1)).bool("b")).isTrue();
        assertThatThrownBy(() -> new ByteReader(bytes(2)).bool("b")).isInstanceOf(DecodeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8000", "ff00", "808000", "ff8000", "8180808000"})
    void nonMinimalVarintsAreRejected(String hex) {
        assertThatThrownBy(() -> readVarint(org.jadechain.core.crypto.Hex.decode(hex)))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("non-minimal");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ffffffffffffffffff7f", // 2^63 - 1 with an extra zero continuation: 10 bytes
            "80808080808080808002", // 2^64
            "ffffffffffffffffffff01", // 11 bytes
            "8080808080808080808080808000"})
    void varintsOfMoreThan63BitsAreRejected(String hex) {
        assertThatThrownBy(() -> readVarint(org.jadechain.core.crypto.Hex.decode(hex)))
                .isInstanceOf(DecodeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "80808080808080808001", // exactly 2^63
            "ffffffffffffffffff01"}) // 2^64 - 1
    void tenByteVarintsAtOrAbove2To63AreRejectedRatherThanReadAsNegative(String hex) {
        assertThatThrownBy(() -> readVarint(org.jadechain.core.crypto.Hex.decode(hex)))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void truncatedInputIsRejectedForEveryKindOfValue() {
        assertThatThrownBy(() -> new ByteReader(new byte[0]).u8("u8")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> new ByteReader(bytes(0x80)).varint("v")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> new ByteReader(new byte[7]).i64("i")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> new ByteReader(bytes(3, 'a', 'b')).bytes("b", 10)).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> new ByteReader(bytes(3, 'a', 'b')).string("s", 10)).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> new ByteReader(bytes()).bytes("b", 10)).isInstanceOf(DecodeException.class);
    }

    @Property(tries = 100)
    void everyProperPrefixOfAnEncodingIsRejected(@ForAll @LongRange(min = 0) long n, @ForAll long i,
                                                 @ForAll @Size(max = 40) byte[] b) {
        byte[] encoded = new ByteWriter().varint(n).i64(i).bytes(b).toByteArray();
        for (int len = 0; len < encoded.length; len++) {
            ByteReader r = new ByteReader(encoded, 0, len);
            assertThatThrownBy(() -> {
                r.varint("n");
                r.i64("i");
                r.bytes("b", 40);
                r.expectEnd("test");
            }).as("prefix of %d bytes", len).isInstanceOf(DecodeException.class);
        }
    }

    @Test
    void lengthsOverTheCallersLimitAreRejectedBeforeReading() {
        byte[] ten = new ByteWriter().bytes(new byte[10]).toByteArray();
        assertThatThrownBy(() -> new ByteReader(ten).bytes("b", 9))
                .isInstanceOf(DecodeException.class).hasMessageContaining("exceeds the limit 9");
        byte[] claimsHuge = new ByteWriter().varint(Integer.MAX_VALUE).toByteArray();
        assertThatThrownBy(() -> new ByteReader(claimsHuge).bytes("b", 1024)).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> new ByteReader(new ByteWriter().varint(65).toByteArray()).varint("n", 64))
                .isInstanceOf(DecodeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "80",       // lone continuation byte
            "c0af",     // overlong '/'
            "e080af",   // overlong, three bytes
            "eda080",   // encoded surrogate U+D800
            "f4908080", // above U+10FFFF
            "ff",       // never valid
            "e282"})    // truncated sequence
    void invalidUtf8IsRejected(String hex) {
        byte[] raw = org.jadechain.core.crypto.Hex.decode(hex);
        byte[] encoded = new ByteWriter().bytes(raw).toByteArray();
        assertThatThrownBy(() -> new ByteReader(encoded).string("s", 100))
                .isInstanceOf(DecodeException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void trailingBytesAreRejected() throws DecodeException {
        ByteReader r = new ByteReader(bytes(0x05, 0x00));
        assertThat(r.varint("v")).isEqualTo(5);
        assertThatThrownBy(() -> r.expectEnd("value")).isInstanceOf(DecodeException.class)
                .hasMessageContaining("1 trailing bytes");
    }

    @Test
    void aReaderOverASliceStopsAtTheSliceEnd() throws DecodeException {
        byte[] buf = bytes(0xaa, 0x01, 0x02, 0xbb);
        ByteReader r = new ByteReader(buf, 1, 2);
        assertThat(r.u8("a")).isEqualTo(1);
        assertThat(r.u8("b")).isEqualTo(2);
        assertThat(r.remaining()).isZero();
        r.expectEnd("slice");
        assertThatThrownBy(() -> r.u8("c")).isInstanceOf(DecodeException.class);
    }
}
