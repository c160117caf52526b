package org.jadechain.cli.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import org.jadechain.core.model.Transaction;

/**
 * Offers a signed {@link Workload} to a {@link BenchTarget} as a {@link LoadPlan} says and follows every
 * transfer to its commit or refusal.
 *
 * <p>Worker {@code w} owns the senders {@code i mod concurrency = w}, so each sender's nonces arrive in
 * order. Open loop: batch {@code b} of worker {@code w} is due at {@code (b·concurrency + w)·batchSize / rate}
 * seconds after the start, and its transfers' latency counts from that moment even when the worker sends it
 * late (so a slow node cannot hide its queue). As fast as accepted: each worker sends its next batch as
 * soon as the previous one is answered and the number of pending transfers allows; latency counts from the
 * moment the batch is sent.
 */
public final class LoadDriver {
    private final BenchTarget target;
    private final Workload workload;
    private final LoadPlan plan;

    public LoadDriver(BenchTarget target, Workload workload, LoadPlan plan) {
        this.target = target;
        this.workload = workload;
        this.plan = plan;
    }

    /** What happened: the tracker with every transfer's fate, and the moments the run started and ended. */
    public record Run(CommitTracker tracker, long startNanos, long endNanos, boolean drained, String failure) {
    }

    /**
     * Prepares the batches (before the clock), runs the load, waits for the last commits.
     *
     * @param progress where to draw a progress bar, or null for none
     */
    public Run run(PrintStream progress) throws InterruptedException {
        int[][][] batches = workload.batches(plan.concurrency(), plan.batchSize());
        BenchTarget.Prepared[][] prepared = new BenchTarget.Prepared[batches.length][];
        for (int w = 0; w < batches.length; w++) {
            prepared[w] = new BenchTarget.Prepared[batches[w].length];
            for (int b = 0; b < batches[w].length; b++) {
                List<Transaction> txs = new ArrayList<>(batches[w][b].length);
                for (int j : batches[w][b]) {
                    txs.add(workload.transfer(j));
                }
                prepared[w][b] = target.prepare(txs);
            }
        }
        List<String> hashes = new ArrayList<>(workload.size());
        for (int j = 0; j < workload.size(); j++) {
            hashes.add(workload.transfer(j).hash().hex());
        }
        Semaphore window = new Semaphore(plan.maxPending());
        CommitTracker tracker = new CommitTracker(hashes, plan.openLoop() ? n -> { } : window::release);
        target.follow(tracker);
        Progress bar = progress == null ? null : new Progress(progress, tracker);
        long start = System.nanoTime() + 20_000_000;
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int w = 0; w < batches.length; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                try {
                    work(worker, batches[worker], prepared[worker], tracker, window, start);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "bench-worker-" + w);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        boolean drained = tracker.awaitAll(plan.drainMillis());
        long end = tracker.lastCommitNanos(System.nanoTime());
        if (bar != null) {
            bar.close();
        }
        String failure = failures.isEmpty() ? null : "a worker stopped: " + failures.get(0).getMessage();
        return new Run(tracker, start, end, drained, failure);
    }

    private void work(int worker, int[][] batches, BenchTarget.Prepared[] prepared, CommitTracker tracker,
                      Semaphore window, long start) throws InterruptedException {
        for (int b = 0; b < batches.length; b++) {
            int[] ids = batches[b];
            long at;
            if (plan.openLoop()) {
                long seq = (long) b * plan.concurrency() + worker;
                at = start + (long) (seq * plan.batchSize() * 1e9 / plan.rate());
                long wait;
                while ((wait = at - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            } else {
                window.acquire(ids.length);
                at = Math.max(start, System.nanoTime());
                while (start - System.nanoTime() > 0) {
                    LockSupport.parkNanos(start - System.nanoTime());
                }
            }
            for (int j : ids) {
                tracker.sent(j, at);
            }
            List<String> codes;
            try {
                codes = target.submit(prepared[b]);
            } catch (RuntimeException e) {
                for (int rest = b; rest < batches.length; rest++) {
                    for (int j : batches[rest]) {
                        tracker.refused(j, "CLIENT_ERROR");
                    }
                }
                throw e;
            }
            for (int k = 0; k < ids.length; k++) {
                if (codes.get(k) != null) {
                    tracker.refused(ids[k], codes.get(k));
                }
            }
        }
    }
}
