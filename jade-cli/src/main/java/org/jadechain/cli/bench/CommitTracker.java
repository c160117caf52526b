package org.jadechain.cli.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Follows a known set of transactions from submission to their fate: refused at submission (with the
 * node's code) or committed (with the receipt's code, at the moment the block was reported). Thread-safe:
 * workers record submissions and refusals, the block follower records commits.
 */
public final class CommitTracker implements BenchTarget.CommitSink {
    private final Map<String, Integer> index;
    private final long[] startNanos;
    private final long[] commitNanos;
    private final boolean[] resolved;
    private final Map<String, Long> submitRefusals = new TreeMap<>();
    private final Map<String, Long> executionRefusals = new TreeMap<>();
    private final IntConsumer onResolved;
    private int sent;
    private int committed;
    private int committedOk;
    private int refused;

    /**
     * @param txHashes   the hex hashes of the transactions, by index
     * @param onResolved called with how many transactions were just resolved (committed or refused)
     */
    public CommitTracker(List<String> txHashes, IntConsumer onResolved) {
        int n = txHashes.size();
        this.index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(txHashes.get(i), i);
        }
        this.startNanos = new long[n];
        this.commitNanos = new long[n];
        this.resolved = new boolean[n];
        this.onResolved = onResolved;
    }

    public int size() {
        return startNanos.length;
    }

    /** Transaction {@code i} counts as submitted at {@code nanos} (for latency). */
    public synchronized void sent(int i, long nanos) {
        startNanos[i] = nanos;
        sent++;
    }

    public synchronized void refused(int i, String code) {
        if (resolved[i]) {
            return;
        }
        resolved[i] = true;
        refused++;
        submitRefusals.merge(code, 1L, Long::sum);
        onResolved.accept(1);
        notifyAll();
    }

    @Override
    public void committed(long height, List<String> txHashes, List<String> codes) {
        long now = System.nanoTime();
        int done = 0;
        synchronized (this) {
            for (int k = 0; k < txHashes.size(); k++) {
                Integer i = index.get(txHashes.get(k));
                if (i == null || resolved[i]) {
                    continue;
                }
                resolved[i] = true;
                commitNanos[i] = now;
                committed++;
                done++;
                if ("OK".equals(codes.get(k))) {
                    committedOk++;
                } else {
                    executionRefusals.merge(codes.get(k), 1L, Long::sum);
                }
            }
            if (done > 0) {
                notifyAll();
            }
        }
        if (done > 0) {
            onResolved.accept(done);
        }
    }

    /** Waits until every transaction is resolved or the time is up; returns whether all were. */
    public synchronized boolean awaitAll(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (committed + refused < startNanos.length) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(Math.min(left, 200));
        }
        return true;
    }

    public synchronized int sent() {
        return sent;
    }

    public synchronized int committed() {
        return committed;
    }

    public synchronized int committedOk() {
        return committedOk;
    }

    public synchronized int refused() {
        return refused;
    }

    public synchronized Map<String, Long> submitRefusals() {
        return new TreeMap<>(submitRefusals);
    }

    public synchronized Map<String, Long> executionRefusals() {
        return new TreeMap<>(executionRefusals);
    }

    /** Submit→commit latencies, in microseconds, of the committed transactions. */
    public synchronized long[] latenciesMicros() {
        long[] out = new long[committed];
        int k = 0;
        for (int i = 0; i < startNanos.length; i++) {
            if (commitNanos[i] != 0) {
                out[k++] = (commitNanos[i] - startNanos[i]) / 1_000;
            }
        }
        return out;
    }

    /** Commits per second since {@code originNanos}. */
    public synchronized ThroughputBuckets perSecond(long originNanos) {
        ThroughputBuckets b = new ThroughputBuckets();
        for (long c : commitNanos) {
            if (c != 0) {
                b.add(c - originNanos, 1);
            }
        }
        return b;
    }

    /** The moment of the last commit, or {@code fallback} when nothing committed. */
    public synchronized long lastCommitNanos(long fallback) {
        long last = Long.MIN_VALUE;
        for (long c : commitNanos) {
            if (c != 0) {
                last = Math.max(last, c);
            }
        }
        return last == Long.MIN_VALUE ? fallback : last;
    }
}
