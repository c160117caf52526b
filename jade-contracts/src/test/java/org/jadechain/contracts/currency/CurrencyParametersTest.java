package org.jadechain.contracts.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CurrencyParametersTest {

    @Test
    void defaultsFollowThePublishedTiersInFen() {
        CurrencyParameters p = CurrencyParameters.defaults();

        assertThat(p.code()).isEqualTo("CNY");
        assertThat(p.limits(1)).isEqualTo(new ClassLimits(1, -1, -1, -1));
        assertThat(p.limits(2)).isEqualTo(new ClassLimits(2, 50_000_000, 5_000_000, 10_000_000));
        assertThat(p.limits(3)).isEqualTo(new ClassLimits(3, 1_000_000, 500_000, 1_000_000));
        assertThat(p.limits(4)).isEqualTo(new ClassLimits(4, 1_000_000, 200_000, 500_000));
        assertThat(p.largePayment()).isEqualTo(5_000_000);
        assertThat(p.structuringCount()).isEqualTo(3);
        assertThat(CurrencyParameters.decode(p.encode())).isEqualTo(p);
    }

    @Test
    void genesisParametersOverrideDefaults() {
        TreeMap<String, String> m = new TreeMap<>();
        m.put("currency.code", "HKD");
        m.put("currency.class.2.maxDaily", "-1");
        m.put("currency.alert.largePayment", "-1");
        m.put("currency.alert.structuring.count", "5");
        m.put("court.something", "ignored");

        CurrencyParameters p = CurrencyParameters.from(m);

        assertThat(p.code()).isEqualTo("HKD");
        assertThat(p.limits(2).maxDaily()).isEqualTo(ClassLimits.NO_CAP);
        assertThat(p.limits(2).maxPayment()).isEqualTo(5_000_000);
        assertThat(p.largePayment()).isEqualTo(-1);
        assertThat(p.structuringCount()).isEqualTo(5);
        assertThat(CurrencyParameters.decode(p.encode())).isEqualTo(p);
    }

    @ParameterizedTest
    @CsvSource({"currency.class.4.maxbalance, 1", "currency.class.5.maxBalance, 1", "currency.class.4.maxBalance, -2",
        "currency.class.4.maxBalance, 1.5", "currency.alert.structuring.count, 0", "currency.alert.largePayment, 0",
        "currency.code, ''"})
    void malformedParametersAreRejected(String name, String value) {
        TreeMap<String, String> m = new TreeMap<>();
        m.put(name, value);
        assertThatThrownBy(() -> CurrencyParameters.from(m)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency.");
    }

    @Test
    void nearLimitIsNinetyPercentInIntegers() {
        ClassLimits l = new ClassLimits(4, -1, 15, -1);
        assertThat(l.nearPaymentLimit(13)).isFalse();
        assertThat(l.nearPaymentLimit(14)).isTrue(); // 140 >= 135
        ClassLimits big = new ClassLimits(1, -1, Long.MAX_VALUE, -1);
        assertThat(big.nearPaymentLimit(Long.MAX_VALUE - Long.MAX_VALUE / 10)).isTrue();
        assertThat(big.nearPaymentLimit(Long.MAX_VALUE - Long.MAX_VALUE / 10 - 1)).isFalse();
        assertThat(new ClassLimits(1, -1, -1, -1).nearPaymentLimit(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void ledgerDatesAreCivilDates() {
        assertThat(LedgerDate.iso(0)).isEqualTo("1970-01-01");
        assertThat(LedgerDate.iso(20417)).isEqualTo("2025-11-25");
        assertThat(LedgerDate.iso(-1)).isEqualTo("1969-12-31");
        assertThat(LedgerDate.iso(11016)).isEqualTo("2000-02-29");
    }
}
