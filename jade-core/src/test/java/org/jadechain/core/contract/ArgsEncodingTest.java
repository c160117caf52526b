package org.jadechain.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.model.CanonicalForm;
import org.jadechain.core.model.ModelArbitraries;
import org.jadechain.core.model.ResultCode;
import org.junit.jupiter.api.Test;

class ArgsEncodingTest {

    @Provide
    Arbitrary<List<Object>> values() {
        return ModelArbitraries.argumentValues();
    }

    static byte[] encode(List<Object> values) {
        Args.Builder b = Args.builder();
        for (Object v : values) {
            if (v instanceof Long l) {
                b.int64(l);
            } else if (v instanceof byte[] bytes) {
                b.bytes(bytes);
            } else if (v instanceof String s) {
                b.string(s);
            } else {
                b.bool((Boolean) v);
            }
        }
        return b.encode();
    }

    /** Args.decode refuses with INVALID_ARGUMENT; any other code is a failure of this test. */
    static byte[] recode(byte[] bytes) throws DecodeException {
        try {
            return encode(Args.decode(bytes).values());
        } catch (ContractException e) {
            if (e.code() != ResultCode.INVALID_ARGUMENT) {
                throw new AssertionError("refused with " + e.code(), e);
            }
            throw new DecodeException(e.getMessage());
        }
    }

    @Property(tries = 200)
    void argumentsDecodeToTheSameTypedValuesAndReEncodeIdentically(@ForAll("values") List<Object> values)
            throws ContractException {
        byte[] encoded = encode(values);
        Args args = Args.decode(encoded);
        assertThat(args.size()).isEqualTo(values.size());
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Long l) {
                assertThat(args.int64(i)).isEqualTo(l);
            } else if (v instanceof byte[] b) {
                assertThat(args.bytes(i)).isEqualTo(b);
            } else if (v instanceof String s) {
                assertThat(args.string(i)).isEqualTo(s);
            } else {
                assertThat(args.bool(i)).isEqualTo(v);
            }
        }
        assertThat(encode(args.values())).isEqualTo(encoded);
    }

    @Property(tries = 100)
    void noArgumentListHasTwoEncodings(@ForAll("values") List<Object> values, @ForAll long seed) {
        CanonicalForm.assertOnlyCanonicalBytesDecode(encode(values), seed, ArgsEncodingTest::recode);
    }

    @Test
    void aCallerReadingTheWrongTypeOrAMissingArgumentGetsInvalidArgument() throws ContractException {
        Args args = Args.decode(Args.builder().string("bob").int64(5).encode());
        args.expectCount(2);
        assertThatThrownBy(() -> args.int64(0)).isInstanceOf(ContractException.class)
                .extracting(e -> ((ContractException) e).code()).isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThatThrownBy(() -> args.string(2)).isInstanceOf(ContractException.class)
                .hasMessageContaining("missing argument 2");
        assertThatThrownBy(() -> args.expectCount(3)).isInstanceOf(ContractException.class);
    }

    @Test
    void unknownTypeTagsNonBooleanBoolsAndTooManyArgumentsAreInvalid() {
        byte[] unknownTag = new ByteWriter().varint(1).u8(5).toByteArray();
        byte[] boolTwo = new ByteWriter().varint(1).u8(Args.BOOL).u8(2).toByteArray();
        ByteWriter many = new ByteWriter().varint(65);
        for (int i = 0; i < 65; i++) {
            many.u8(Args.BOOL).u8(0);
        }
        for (byte[] bytes : List.of(unknownTag, boolTwo, many.toByteArray(), new byte[] {1, Args.INT, 0})) {
            assertThatThrownBy(() -> Args.decode(bytes)).isInstanceOf(ContractException.class)
                    .extracting(e -> ((ContractException) e).code()).isEqualTo(ResultCode.INVALID_ARGUMENT);
        }
    }

    @Test
    void anEmptyArgumentListIsASingleZeroByte() throws ContractException {
        assertThat(Args.empty()).containsExactly(0);
        assertThat(Args.decode(Args.empty()).size()).isZero();
    }
}
