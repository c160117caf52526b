package org.jadechain.node.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.model.Transaction;

/**
 * Stateless validation on all cores: a fixed pool with one thread per core checks signatures of a
 * batch in parallel and returns the results in input order. Thread-safe.
 */
public final class SignatureVerifier implements AutoCloseable {
    private final TransactionValidator validator;
    private final ExecutorService pool;
    private final int threads;

    public SignatureVerifier(TransactionValidator validator, int threads) {
        this.validator = validator;
        this.threads = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "sig-verify");
            t.setDaemon(true);
            return t;
        });
    }

    public static SignatureVerifier allCores(TransactionValidator validator) {
        return new SignatureVerifier(validator, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The pool's threads, for other pure work a node can spread over its cores (e.g. a replayed block's Merkle
     * roots, {@code Ledger.useHashingPool}); refuses work once closed.
     */
    public Executor executor() {
        return pool;
    }

    public CheckedTransaction check(Transaction tx) {
        return validator.check(tx);
    }

    public List<CheckedTransaction> checkAll(List<Transaction> txs) {
        if (txs.size() < 2 * threads) {
            List<CheckedTransaction> out = new ArrayList<>(txs.size());
            for (Transaction t : txs) {
                out.add(validator.check(t));
            }
            return out;
        }
        int chunk = (txs.size() + threads - 1) / threads;
        List<Future<List<CheckedTransaction>>> parts = new ArrayList<>();
        for (int from = 0; from < txs.size(); from += chunk) {
            List<Transaction> slice = txs.subList(from, Math.min(txs.size(), from + chunk));
            parts.add(pool.submit(() -> {
                List<CheckedTransaction> out = new ArrayList<>(slice.size());
                for (Transaction t : slice) {
                    out.add(validator.check(t));
                }
                return out;
            }));
        }
        List<CheckedTransaction> out = new ArrayList<>(txs.size());
        try {
            for (Future<List<CheckedTransaction>> f : parts) {
                out.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying signatures", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("signature verification failed unexpectedly", e.getCause());
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
