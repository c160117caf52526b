package org.jadechain.consensus.solo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.Scheduler;
import org.jadechain.core.ledger.CommitListener;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.Ordering;
import org.jadechain.core.ledger.ProposedBlock;
import org.jadechain.core.ledger.TransactionSource;
import org.jadechain.core.model.CommitCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One validator that proposes, signs and commits every block itself, on one thread. The block
 * timestamp is the wall clock (injected, so tests can drive ledger time), raised to one millisecond past
 * the head when the clock is behind, so timestamps always increase. If a commit fails (e.g. the disk
 * fails) the orderer stops and reports why through {@link #failure()}; nothing half-written remains
 * because each commit is atomic.
 */
public final class SoloOrdering implements Ordering {
    private static final Logger log = LoggerFactory.getLogger(SoloOrdering.class);

    private final Ledger ledger;
    private final TransactionSource source;
    private final KeyPair validatorKey;
    private final SoloConfig config;
    private final LongSupplier clock;
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private final Address proposer;
    private final CryptoSuite suite;
    private volatile String failure;
    private volatile boolean running;
    private Thread thread;

    public SoloOrdering(Ledger ledger, TransactionSource source, KeyPair validatorKey, SoloConfig config,
                        LongSupplier clock) {
        this.ledger = ledger;
        this.source = source;
        this.validatorKey = validatorKey;
        this.config = config;
        this.clock = clock;
        this.suite = ledger.suite();
        this.proposer = suite.address(validatorKey.publicKey());
    }

    public void addListener(CommitListener listener) {
        listeners.add(listener);
    }

    @Override
    public String mode() {
        return "solo";
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "solo-orderer");
        thread.setDaemon(false);
        thread.start();
    }

    @Override
    public String failure() {
        return failure;
    }

    private void run() {
        long lastBlockAt = clock.getAsLong();
        while (running) {
            try {
                long now = clock.getAsLong();
                if (shouldCut(now, lastBlockAt)) {
                    produceBlock(now);
                    lastBlockAt = clock.getAsLong();
                } else {
                    // with some transactions waiting, only a full block is a reason to cut before the
                    // wake-up time; waiting for a single one would return at once and spin a core
                    source.awaitReady(source.ready() == 0 ? 1 : config.maxTxs(), nextWakeup(now, lastBlockAt));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failure = "block production stopped at height " + (ledger.height() + 1) + ": " + e;
                log.error("{}", failure, e);
                running = false;
                return;
            }
        }
    }

    private boolean shouldCut(long now, long lastBlockAt) {
        int ready = source.ready();
        if (ready >= config.maxTxs()) {
            return true;
        }
        if (ready > 0 && now - source.oldestArrival() >= config.maxWaitMillis()) {
            return true;
        }
        if (Scheduler.earliest(ledger.store()) <= Math.max(now, ledger.minimumNextTimestamp())) {
            return true;
        }
        return config.emptyBlockIntervalMillis() > 0 && now - lastBlockAt >= config.emptyBlockIntervalMillis();
    }

    private long nextWakeup(long now, long lastBlockAt) {
        long wait = 50;
        if (source.ready() > 0) {
            wait = Math.min(wait, Math.max(1, config.maxWaitMillis() - (now - source.oldestArrival())));
        }
        long trigger = Scheduler.earliest(ledger.store());
        if (trigger != Long.MAX_VALUE) {
            wait = Math.min(wait, Math.max(1, trigger - now));
        }
        return wait;
    }

    /** Proposes, signs and commits one block from what is ready now; returns it. */
    public CommittedBlock produceBlock(long now) {
        List<CheckedTransaction> txs = source.take(config.maxTxs());
        long timestamp = Math.max(now, ledger.minimumNextTimestamp());
        ProposedBlock proposal = ledger.propose(timestamp, txs, proposer);
        byte[] signature = suite.sign(validatorKey.privateKey(), CommitCertificate.signedMessage(proposal.headerHash()));
        CommitCertificate cert = new CommitCertificate(proposal.headerHash(),
                List.of(new CommitCertificate.Signature(validatorKey.publicKey().encoded(), signature)));
        ledger.commit(proposal, cert);
        CommittedBlock committed = new CommittedBlock(proposal.block(), proposal.headerHash(), proposal.receipts(), cert);
        for (CommitListener l : listeners) {
            try {
                l.committed(committed);
            } catch (RuntimeException e) {
                log.warn("commit listener failed for block {}", committed.height(), e);
            }
        }
        return committed;
    }

    @Override
    public void close() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
