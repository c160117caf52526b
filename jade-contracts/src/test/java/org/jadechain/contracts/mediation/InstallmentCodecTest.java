package org.jadechain.contracts.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.junit.jupiter.api.Test;

class InstallmentCodecTest {

    @Provide
    Arbitrary<List<Installment>> schedules() {
        return Arbitraries.longs().between(1, Long.MAX_VALUE / 64).list().ofMinSize(1)
                .ofMaxSize(MediationContract.MAX_INSTALLMENTS).flatMap(amounts -> Arbitraries.longs()
                        .between(1, 1L << 40).list().ofSize(amounts.size()).map(gaps -> {
                            List<Installment> out = new ArrayList<>();
                            long due = 1_764_000_000_000L;
                            for (int i = 0; i < amounts.size(); i++) {
                                due += gaps.get(i);
                                out.add(new Installment(amounts.get(i), due));
                            }
                            return out;
                        }));
    }

    @Property(tries = 300)
    void schedulesRoundTripAndAnyExtraByteIsRejected(@ForAll("schedules") List<Installment> schedule)
            throws Exception {
        byte[] bytes = InstallmentCodec.encode(schedule);

        assertThat(InstallmentCodec.decode(bytes)).isEqualTo(schedule);
        assertThatThrownBy(() -> InstallmentCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> InstallmentCodec.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void invalidSchedulesAreRejected() {
        assertRejected(new ByteWriter().varint(0).toByteArray(), "at least one");
        assertRejected(new ByteWriter().varint(1).varint(0).varint(5).toByteArray(), "positive amount");
        assertRejected(new ByteWriter().varint(2).varint(1).varint(5).varint(1).varint(5).toByteArray(),
                "not due after");
        assertRejected(new ByteWriter().varint(2).varint(1).varint(6).varint(1).varint(5).toByteArray(),
                "not due after");
        assertRejected(new byte[] {1, (byte) 0x81, 0x00, 5}, "non-minimal");
        ByteWriter many = new ByteWriter().varint(MediationContract.MAX_INSTALLMENTS + 1);
        for (int i = 0; i <= MediationContract.MAX_INSTALLMENTS; i++) {
            many.varint(1).varint(i + 1);
        }
        assertRejected(many.toByteArray(), "exceeds the limit");
        assertThatThrownBy(() -> InstallmentCodec.encode(List.of(new Installment(1, 5), new Installment(1, 5))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(byte[] bytes, String message) {
        assertThatThrownBy(() -> InstallmentCodec.decode(bytes)).isInstanceOf(DecodeException.class)
                .hasMessageContaining(message);
    }
}
