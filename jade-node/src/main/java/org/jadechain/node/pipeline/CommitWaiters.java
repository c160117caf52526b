package org.jadechain.node.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.ledger.CommitListener;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.model.Transaction;

/** Lets API requests wait (with a timeout) for a transaction to be committed. Thread-safe. */
public final class CommitWaiters implements CommitListener {
    private final Map<Hash, List<CompletableFuture<Long>>> waiting = new HashMap<>();

    /** A future completed with the block height when the transaction commits. */
    public synchronized CompletableFuture<Long> await(Hash txHash) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        waiting.computeIfAbsent(txHash, k -> new ArrayList<>()).add(f);
        return f;
    }

    public synchronized void cancel(Hash txHash, CompletableFuture<Long> f) {
        List<CompletableFuture<Long>> l = waiting.get(txHash);
        if (l != null) {
            l.remove(f);
            if (l.isEmpty()) {
                waiting.remove(txHash);
            }
        }
    }

    @Override
    public void committed(CommittedBlock block) {
        List<CompletableFuture<Long>> done = new ArrayList<>();
        synchronized (this) {
            if (waiting.isEmpty()) {
                return;
            }
            for (Transaction tx : block.block().transactions()) {
                List<CompletableFuture<Long>> l = waiting.remove(tx.hash());
                if (l != null) {
                    done.addAll(l);
                }
            }
        }
        for (CompletableFuture<Long> f : done) {
            f.complete(block.height());
        }
    }
}
