package org.jadechain.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CeilingTest {
    private static Ceiling measured(String suite, double allCores) {
        return new Ceiling(suite, allCores / 2, allCores, 2, 1_000, 4_096, 3_000, 2_500, allCores / 2);
    }

    @Test
    void higherKeepsTheMeasurementWithTheHigherAllCoresRateWhicheverCameFirst() {
        Ceiling slowed = measured("intl", 15_468);
        Ceiling idle = measured("intl", 19_084);

        assertThat(Ceiling.higher(slowed, idle)).isSameAs(idle);
        assertThat(Ceiling.higher(idle, slowed)).isSameAs(idle);
    }

    @Test
    void higherRefusesCeilingsOfDifferentSuites() {
        assertThatThrownBy(() -> Ceiling.higher(measured("intl", 1), measured("sm", 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different suites");
    }

    @Test
    void aSavedCeilingReadsBackAsWritten() {
        Ceiling c = measured("sm", 17_716);

        assertThat(Ceiling.fromJson(c.toJson())).isEqualTo(c);
    }
}
