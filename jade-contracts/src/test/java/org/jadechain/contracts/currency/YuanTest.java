package org.jadechain.contracts.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YuanTest {

    @ParameterizedTest
    @CsvSource({
        "1000000.00, 100000000", "'1,000,000.00', 100000000", "0.5, 50", "12, 1200", "0, 0", "0.01, 1",
        "'999,999', 99999900", "007.10, 710", "'92,233,720,368,547,758.07', 9223372036854775807",
    })
    void parsesExactly(String text, long fen) {
        assertThat(Yuan.parse(text)).isEqualTo(fen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1.00", "+1", "1.001", "1.", ".5", "1e3", "1 000", " 1", "abc", "1,00", "1,0000",
        ",100", "1,000,", "1.0.0", "1,000.5,0", "92233720368547758.08", "100000000000000000000", "１２"})
    void rejectsAnythingInexact(String text) {
        assertThatThrownBy(() -> Yuan.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formats() {
        assertThat(Yuan.format(100_000_000L)).isEqualTo("1,000,000.00");
        assertThat(Yuan.formatPlain(100_000_000L)).isEqualTo("1000000.00");
        assertThat(Yuan.format(5)).isEqualTo("0.05");
        assertThat(Yuan.format(0)).isEqualTo("0.00");
        assertThat(Yuan.format(99_999)).isEqualTo("999.99");
        assertThat(Yuan.format(-150_000)).isEqualTo("-1,500.00");
        assertThat(Yuan.format(Long.MAX_VALUE)).isEqualTo("92,233,720,368,547,758.07");
        assertThat(Yuan.format(Long.MIN_VALUE)).isEqualTo("-92,233,720,368,547,758.08");
    }

    @Property(tries = 300)
    void formatAndParseRoundTrip(@ForAll long fen) {
        long f = fen == Long.MIN_VALUE ? 0 : Math.abs(fen);
        assertThat(Yuan.parse(Yuan.format(f))).isEqualTo(f);
        assertThat(Yuan.parse(Yuan.formatPlain(f))).isEqualTo(f);
        assertThat(new BigDecimal(Yuan.formatPlain(fen))).isEqualTo(BigDecimal.valueOf(fen, 2));
    }
}
