package org.jadechain.cli.bench;

import java.io.PrintStream;

/**
 * A one-line progress bar redrawn twice a second on a stream (standard error), from a daemon thread:
 * how much is submitted and committed, and the commit rate over the last interval.
 */
final class Progress implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final CommitTracker tracker;
    private final Thread thread;
    private volatile boolean running = true;

    Progress(PrintStream out, CommitTracker tracker) {
        this.out = out;
        this.tracker = tracker;
        this.thread = new Thread(this::run, "bench-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long lastNanos = System.nanoTime();
        int lastCommitted = 0;
        while (running) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            int committed = tracker.committed();
            double rate = (committed - lastCommitted) / ((now - lastNanos) / 1e9);
            lastNanos = now;
            lastCommitted = committed;
            draw(committed, rate);
        }
    }

    private void draw(int committed, double rate) {
        int total = tracker.size();
        int done = committed + tracker.refused();
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        out.printf("\r[%s%s] %3d%%  sent %,d  committed %,d  refused %,d  %,.0f tx/s   ", "#".repeat(filled),
                ".".repeat(WIDTH - filled), total == 0 ? 100 : (long) done * 100 / total, tracker.sent(), committed,
                tracker.refused(), rate);
        out.flush();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        draw(tracker.committed(), 0);
        out.println();
    }
}
