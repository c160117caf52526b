package org.jadechain.consensus.solo;

/**
 * When the solo orderer cuts a block: as soon as {@code maxTxs} transactions wait, or {@code maxWaitMillis}
 * after the oldest waiting one arrived, or when a scheduled trigger falls due, or (if
 * {@code emptyBlockIntervalMillis} &gt; 0) after that long without a block.
 */
public record SoloConfig(int maxTxs, long maxWaitMillis, long emptyBlockIntervalMillis) {
    public SoloConfig {
        if (maxTxs < 1 || maxWaitMillis < 1 || emptyBlockIntervalMillis < 0) {
            throw new IllegalArgumentException("invalid block production settings");
        }
    }

    public static SoloConfig defaults() {
        return new SoloConfig(5_000, 200, 0);
    }
}
