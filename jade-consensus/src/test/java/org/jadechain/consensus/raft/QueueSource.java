package org.jadechain.consensus.raft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.ledger.TransactionSource;

/** A minimal mempool for tests: a FIFO queue; arrival times in System.currentTimeMillis. Thread-safe. */
final class QueueSource implements TransactionSource {
    private final ArrayDeque<CheckedTransaction> queue = new ArrayDeque<>();
    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();

    synchronized void offer(CheckedTransaction tx) {
        queue.addLast(tx);
        arrivals.addLast(System.currentTimeMillis());
        notifyAll();
    }

    @Override
    public synchronized int ready() {
        return queue.size();
    }

    @Override
    public synchronized long oldestArrival() {
        Long a = arrivals.peekFirst();
        return a == null ? -1 : a;
    }

    @Override
    public synchronized List<CheckedTransaction> take(int max) {
        List<CheckedTransaction> out = new ArrayList<>();
        while (out.size() < max && !queue.isEmpty()) {
            out.add(queue.pollFirst());
            arrivals.pollFirst();
        }
        return out;
    }

    @Override
    public synchronized void awaitReady(long timeoutMillis) throws InterruptedException {
        awaitReady(1, timeoutMillis);
    }

    @Override
    public synchronized void awaitReady(int count, long timeoutMillis) throws InterruptedException {
        if (queue.size() < count && timeoutMillis > 0) {
            wait(timeoutMillis);
        }
    }
}
