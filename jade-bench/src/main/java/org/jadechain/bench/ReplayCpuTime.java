package org.jadechain.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Catch-up speed (ADR 0010) by this thread's CPU time, best of several rounds, as {@code Sm2CpuTime} does for
 * SM2: re-executing the 10,000-transfer block of {@link LedgerBenchmarks} as a follower does for a live block
 * (every signature verified) and as a catching-up node does for certified history (none verified), on one
 * thread like Ratis's apply thread. Prints transfers per CPU-second of that thread for both and their ratio, and
 * for certified history again with the block's Merkle roots on a second thread ({@code Ledger.useHashingPool}, as
 * a node does with its verification pool).
 *
 * <p>Run: {@code java -cp "jade-bench/target/jade-bench-0.1.0-SNAPSHOT.jar:jade-bench/target/lib/*"
 * org.jadechain.bench.ReplayCpuTime [rounds] [suite…]}
 */
public final class ReplayCpuTime {
    private ReplayCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String[] suites = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length) : new String[] {"intl", "sm"};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf("%-6s %26s %26s %8s %28s%n", "suite", "live block (transfers/CPU-s)", "certified (transfers/CPU-s)",
                "ratio", "certified, roots on a pool");
        java.util.concurrent.ExecutorService pool = HashingPool.of(1);
        for (String suite : suites) {
            LedgerBenchmarks b = new LedgerBenchmarks();
            b.suite = suite;
            b.setUp();
            try {
                long live = Long.MAX_VALUE;
                long certified = Long.MAX_VALUE;
                long pooled = Long.MAX_VALUE;
                org.jadechain.core.ledger.Ledger ledger = b.transferBlock().chain.ledger();
                for (int r = 0; r < rounds; r++) {
                    ledger.useHashingPool(null);
                    long t0 = mx.getCurrentThreadCpuTime();
                    b.replayCheckingSignatures();
                    long t1 = mx.getCurrentThreadCpuTime();
                    b.replayCertified();
                    long t2 = mx.getCurrentThreadCpuTime();
                    ledger.useHashingPool(pool);
                    b.replayCertified();
                    long t3 = mx.getCurrentThreadCpuTime();
                    live = Math.min(live, t1 - t0);
                    certified = Math.min(certified, t2 - t1);
                    pooled = Math.min(pooled, t3 - t2);
                }
                ledger.useHashingPool(null);
                double liveRate = LedgerBenchmarks.TRANSFERS * 1e9 / live;
                double certifiedRate = LedgerBenchmarks.TRANSFERS * 1e9 / certified;
                System.out.printf("%-6s %26.0f %26.0f %7.2fx %28.0f%n", suite, liveRate, certifiedRate,
                        certifiedRate / liveRate, LedgerBenchmarks.TRANSFERS * 1e9 / pooled);
            } finally {
                b.tearDown();
            }
        }
    }
}
