package org.jadechain.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThroughputBucketsTest {
    private static final long MS = 1_000_000;

    @Test
    void countsPerWholeSecondAndLeavesTheLastPartialSecondOutOfTheSummary() {
        ThroughputBuckets b = new ThroughputBuckets();
        b.add(0, 100);
        b.add(999 * MS, 50);        // still second 0
        b.add(1_000 * MS, 300);     // second 1
        b.add(3_500 * MS, 200);     // second 3; second 2 stays empty
        b.add(4_100 * MS, 7);       // second 4: the cut-short last one
        assertThat(b.all()).containsExactly(150, 300, 0, 200, 7);
        assertThat(b.whole()).containsExactly(150, 300, 0, 200);
        ThroughputBuckets.Summary s = b.summary();
        assertThat(s.seconds()).isEqualTo(4);
        assertThat(s.min()).isZero();
        assertThat(s.median()).isEqualTo(150);
        assertThat(s.max()).isEqualTo(300);
    }

    @Test
    void aRunShorterThanASecondKeepsItsOnlySecond() {
        ThroughputBuckets b = new ThroughputBuckets();
        b.add(10 * MS, 42);
        b.add(-5 * MS, 1); // before the start: second 0
        assertThat(b.whole()).containsExactly(43);
        assertThat(b.summary()).isEqualTo(new ThroughputBuckets.Summary(43, 43, 43, 1));
    }

    @Test
    void nothingCountedGivesZeros() {
        assertThat(new ThroughputBuckets().summary()).isEqualTo(new ThroughputBuckets.Summary(0, 0, 0, 0));
    }

    @Test
    void growsForLongRuns() {
        ThroughputBuckets b = new ThroughputBuckets();
        for (int s = 0; s < 100; s++) {
            b.add(s * 1_000 * MS + 1, s);
        }
        assertThat(b.all()).hasSize(100);
        assertThat(b.summary().max()).isEqualTo(98);
    }
}
