package org.jadechain.cli.bench;

import java.util.Arrays;

/**
 * Summary of a set of latencies (any unit): count, mean, maximum and nearest-rank percentiles — the value
 * at rank ⌈p/100 · n⌉ of the sorted sample, so every percentile is a latency that was actually observed.
 * Immutable once built.
 */
public final class LatencyStats {
    private final long[] sorted;

    private LatencyStats(long[] sorted) {
        this.sorted = sorted;
    }

    /** The statistics of these values (the array is copied). */
    public static LatencyStats of(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return new LatencyStats(s);
    }

    public int count() {
        return sorted.length;
    }

    /**
     * The nearest-rank percentile.
     *
     * @param p in (0, 100]
     * @return the value, or 0 when there are no values
     */
    public long percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, Math.min(sorted.length, rank)) - 1];
    }

    public long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    public long min() {
        return sorted.length == 0 ? 0 : sorted[0];
    }

    public double mean() {
        if (sorted.length == 0) {
            return 0;
        }
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return sum / sorted.length;
    }
}
