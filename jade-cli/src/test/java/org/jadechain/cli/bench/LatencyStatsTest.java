package org.jadechain.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesAreNearestRankOfTheSortedSample() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i; // 1..100, unsorted
        }
        LatencyStats s = LatencyStats.of(values);
        assertThat(s.percentile(50)).isEqualTo(50);
        assertThat(s.percentile(90)).isEqualTo(90);
        assertThat(s.percentile(99)).isEqualTo(99);
        assertThat(s.percentile(99.5)).isEqualTo(100);
        assertThat(s.percentile(100)).isEqualTo(100);
        assertThat(s.percentile(0.1)).isEqualTo(1);
        assertThat(s.max()).isEqualTo(100);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.mean()).isEqualTo(50.5);
        assertThat(s.count()).isEqualTo(100);
    }

    @Test
    void smallSamplesRoundTheRankUp() {
        LatencyStats s = LatencyStats.of(new long[] {30, 10, 20});
        assertThat(s.percentile(50)).isEqualTo(20); // rank ceil(1.5) = 2
        assertThat(s.percentile(34)).isEqualTo(20); // rank ceil(1.02) = 2
        assertThat(s.percentile(33)).isEqualTo(10); // rank ceil(0.99) = 1
        assertThat(s.percentile(99)).isEqualTo(30);
        assertThat(LatencyStats.of(new long[] {7}).percentile(1)).isEqualTo(7);
    }

    @Test
    void anEmptySampleGivesZerosAndBadPercentilesAreRefused() {
        LatencyStats s = LatencyStats.of(new long[0]);
        assertThat(s.percentile(99)).isZero();
        assertThat(s.max()).isZero();
        assertThat(s.mean()).isZero();
        assertThatThrownBy(() -> s.percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theInputArrayIsNotChanged() {
        long[] values = {3, 1, 2};
        LatencyStats.of(values);
        assertThat(values).containsExactly(3, 1, 2);
    }
}
