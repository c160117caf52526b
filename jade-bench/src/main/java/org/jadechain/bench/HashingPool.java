package org.jadechain.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The idle pool the CPU-time tools give a ledger ({@code Ledger.useHashingPool}), standing in for a node's
 * verification pool while it replays history: daemon threads named {@code hashing}, so a tool's thread-CPU
 * figures leave them out.
 */
final class HashingPool {
    private HashingPool() {
    }

    static ExecutorService of(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hashing");
            t.setDaemon(true);
            return t;
        });
    }
}
