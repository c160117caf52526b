package org.jadechain.core.ledger;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A pure computation handed to another thread while the caller goes on, which the caller runs itself if no thread
 * has started it by the time the result is needed (a busy or refusing pool never makes the caller wait for a queue).
 * The result is the same whichever thread computes it; the computation must not depend on shared mutable state.
 * The core starts no threads: the pool comes from outside ({@link Ledger#useHashingPool}).
 */
final class Forked<T> {
    private final Supplier<T> work;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final Lock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private T result;
    private Throwable failure;
    private boolean done;

    private Forked(Supplier<T> work) {
        this.work = work;
    }

    /** Offers {@code work} to {@code pool}; with a null pool it runs when {@link #join()} is called. */
    static <T> Forked<T> fork(Supplier<T> work, Executor pool) {
        Forked<T> f = new Forked<>(work);
        if (pool != null) {
            try {
                pool.execute(f::runIfUnclaimed);
            } catch (RejectedExecutionException e) {
                // the caller computes it in join()
            }
        }
        return f;
    }

    private void runIfUnclaimed() {
        if (claimed.compareAndSet(false, true)) {
            run();
        }
    }

    private void run() {
        T r = null;
        Throwable e = null;
        try {
            r = work.get();
        } catch (RuntimeException | Error x) {
            e = x;
        }
        lock.lock();
        try {
            result = r;
            failure = e;
            done = true;
            finished.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The result, computed here if no other thread started it; rethrows what the computation threw. */
    T join() {
        if (claimed.compareAndSet(false, true)) {
            run();
        }
        lock.lock();
        try {
            while (!done) {
                finished.awaitUninterruptibly(); // the result is needed; an interrupt stays set for the caller
            }
        } finally {
            lock.unlock();
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure != null) {
            throw (Error) failure;
        }
        return result;
    }
}
