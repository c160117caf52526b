package org.jadechain.cli.bench;

import java.util.Arrays;

/**
 * Events per whole second of a run: second {@code i} counts the events at offsets in
 * {@code [i s, (i+1) s)} from the start. The last second is usually cut short by the end of the run, so
 * the summary leaves it out — unless it is the only one. Seconds without events inside the run count
 * as 0. Not thread-safe: fill it from one thread, then read.
 */
public final class ThroughputBuckets {
    private static final long SECOND = 1_000_000_000L;
    private long[] counts = new long[16];
    private int seconds;

    /** Counts {@code n} events at {@code offsetNanos} after the start (negative offsets count in second 0). */
    public void add(long offsetNanos, long n) {
        int i = (int) (Math.max(0, offsetNanos) / SECOND);
        if (i >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(i + 1, counts.length * 2));
        }
        counts[i] += n;
        seconds = Math.max(seconds, i + 1);
    }

    /** The count of every second from 0 to the last one with an event, the last (partial) one included. */
    public long[] all() {
        return Arrays.copyOf(counts, seconds);
    }

    /** The seconds the summary uses: all but the last, or just the last when it is the only one. */
    public long[] whole() {
        return Arrays.copyOf(counts, seconds <= 1 ? seconds : seconds - 1);
    }

    /** Minimum, median (nearest rank) and maximum of {@link #whole()}; zeros when nothing was counted. */
    public Summary summary() {
        long[] w = whole();
        if (w.length == 0) {
            return new Summary(0, 0, 0, 0);
        }
        LatencyStats s = LatencyStats.of(w);
        return new Summary(s.min(), s.percentile(50), s.max(), w.length);
    }

    /** Per-second figures over {@code seconds} whole seconds. */
    public record Summary(long min, long median, long max, int seconds) {
    }
}
