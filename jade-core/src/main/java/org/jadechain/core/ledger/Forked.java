package org.jadechain.core.ledger;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A pure computation handed to another thread while the caller goes on, which the caller runs itself if no thread
 * has started it by the time the result is needed (a busy or refusing pool never makes the caller wait for a queue).
 * The result is the same whichever thread computes it; the computation must not depend on shared mutable state.
 */
final class Forked<T> {
    private final Supplier<T> work;
    private final AtomicBoolean claimed = new AtomicBoolean();
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
        synchronized (this) {
            result = r;
            failure = e;
            done = true;
            notifyAll();
        }
    }

    /** The result, computed here if no other thread started it; rethrows what the computation threw. */
    T join() {
        if (claimed.compareAndSet(false, true)) {
            run();
        }
        boolean interrupted = false;
        synchronized (this) {
            while (!done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
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
