package org.jadechain.cli.bench;

/**
 * How the load is offered: {@code rate} transfers per second in total, on a fixed schedule that does not
 * wait for the node (open loop), or 0 for as fast as the node accepts them — then at most
 * {@code maxPending} submitted transfers wait for a block at any time; {@code concurrency} workers, each
 * sending its own senders' transfers in batches of {@code batchSize}; and how long to wait for the last
 * commits after the last submission.
 */
public record LoadPlan(double rate, int concurrency, int batchSize, int maxPending, long drainMillis) {
    public LoadPlan {
        if (rate < 0 || concurrency < 1 || batchSize < 1 || batchSize > 10_000 || maxPending < batchSize
                || drainMillis < 0) {
            throw new IllegalArgumentException("invalid load: rate " + rate + ", concurrency " + concurrency
                    + ", batch " + batchSize + " (1..10,000), max pending " + maxPending + " (at least a batch)");
        }
    }

    public boolean openLoop() {
        return rate > 0;
    }
}
