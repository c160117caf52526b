package org.jadechain.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.model.Transaction;

/**
 * Measures the signature-verification ceiling the same way every time: {@value #SENDERS} senders (few enough
 * for the SM2 key cache to hold them all, as on a node with that many active wallets), {@value #SIGNATURES}
 * distinct signed transfers made before any clock starts, checked by the node's own
 * {@link TransactionValidator}; a fixed warm-up on all threads, then {@value #ROUNDS} rounds of a fixed duration
 * on one thread and the same on all cores, alternating, keeping each mode's best round: the machine's capability,
 * not what a process starting up beside it (a node compiling its code) leaves over. Each thread walks its own
 * slice of the signatures in a loop.
 */
public final class CeilingMeter {
    public static final int SENDERS = 1_000;
    public static final int SIGNATURES = 16_000;
    public static final long WARMUP_MILLIS = 3_000;
    public static final long DURATION_MILLIS = 2_500;
    public static final int ROUNDS = 3;
    private static final String CHAIN = "jade-bench-ceiling";

    private final long warmupMillis;
    private final long durationMillis;

    public CeilingMeter() {
        this(WARMUP_MILLIS, DURATION_MILLIS);
    }

    /** Shorter settings are for tests only; published figures use the defaults. */
    public CeilingMeter(long warmupMillis, long durationMillis) {
        this.warmupMillis = warmupMillis;
        this.durationMillis = durationMillis;
    }

    public Ceiling measure(SuiteId suite) {
        int threads = Runtime.getRuntime().availableProcessors();
        Workload w = Workload.create(CHAIN, suite, Workload.newWallets(suite, SENDERS, new SecureRandom()),
                SIGNATURES, 1, 0);
        Transaction[] txs = new Transaction[w.size()];
        for (int i = 0; i < txs.length; i++) {
            txs[i] = w.transfer(i);
        }
        TransactionValidator validator = new TransactionValidator(CHAIN, CryptoSuites.of(suite));
        for (Transaction t : txs) {
            CheckedTransaction c = validator.check(t);
            if (!c.valid()) {
                throw new IllegalStateException("a generated signature did not verify: " + c.message());
            }
        }
        run(validator, txs, threads, warmupMillis);
        double[] one = {0, 0};
        double[] all = {0, 0};
        for (int r = 0; r < ROUNDS; r++) {
            one = best(one, run(validator, txs, 1, durationMillis));
            all = best(all, run(validator, txs, threads, durationMillis));
        }
        return new Ceiling(suite.label(), one[0], all[0], threads, SENDERS, txs.length, warmupMillis, durationMillis,
                all[1]);
    }

    /** The round with more checks per second of wall time. */
    private static double[] best(double[] a, double[] b) {
        return b[0] > a[0] ? b : a;
    }

    /**
     * Checks on {@code threads} threads for {@code millis}; returns checks per second of wall time and per
     * second of the threads' CPU time (which other processes on the machine disturb far less).
     */
    private static double[] run(TransactionValidator validator, Transaction[] txs, int threads, long millis) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicLong total = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + millis * 1_000_000;
        List<Thread> ts = new ArrayList<>();
        int slice = txs.length / threads;
        for (int t = 0; t < threads; t++) {
            int from = t * slice;
            Thread th = new Thread(() -> {
                long cpu0 = mx.getCurrentThreadCpuTime();
                long n = 0;
                int i = 0;
                boolean ok = true;
                while ((n & 63) != 0 || System.nanoTime() < deadline) {
                    ok &= validator.check(txs[from + i]).valid();
                    n++;
                    i = i + 1 == slice ? 0 : i + 1;
                }
                if (!ok) {
                    throw new IllegalStateException("a signature stopped verifying");
                }
                total.addAndGet(n);
                cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - cpu0);
            }, "ceiling-" + t);
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring", e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] {total.get() / seconds, total.get() / (Math.max(1, cpuNanos.get()) / 1e9)};
    }
}
