package org.jadechain.consensus.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.Scheduler;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.ProposedBlock;
import org.jadechain.core.ledger.TransactionSource;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code raft-orderer} thread of a Raft node: what goes into the log. It pulls checked transactions from the
 * node's {@link TransactionSource} and from peers' forwards into its {@link Outbox}; as leader it cuts a block
 * when the outbox is full, its oldest transaction has waited long enough, a scheduled action is due or the empty
 * block interval passed, executes it ({@link ChainApplier#propose}) and appends it to the log; as follower it
 * forwards the outbox to the leader. It also re-sends this node's signature for the pending block when that did
 * not reach the log. Ratis's apply thread tells it of commits ({@link #committed}); gRPC threads hand it
 * forwarded transactions ({@link #acceptForwarded}).
 */
final class RaftOrderer {
    private static final Logger log = LoggerFactory.getLogger(RaftOrderer.class);
    private static final int FORWARD_BATCH = 2_000;

    private final Ledger ledger;
    private final Object ledgerLock;
    private final TransactionSource source;
    private final RaftConfig config;
    private final LongSupplier clock;
    private final ChainApplier applier;
    private final TransactionValidator txCheck;
    private final Outbox outbox = new Outbox();
    private final Object wakeup = new Object();

    private volatile boolean running;
    private volatile RaftClients clients;
    private RaftServer.Division division;
    private Supplier<String> failure;
    private Thread thread;
    private CompletableFuture<RaftClientReply> proposalInFlight;
    private volatile Hash lastSignedHash;
    private volatile long lastSignedAtNanos;

    /**
     * @param ledgerLock the lock under which the node's ledger is read and changed (shared with the applier)
     * @param clock wall-clock milliseconds for block timestamps
     */
    RaftOrderer(Ledger ledger, Object ledgerLock, TransactionSource source, RaftConfig config, LongSupplier clock,
                ChainApplier applier) {
        this.ledger = ledger;
        this.ledgerLock = ledgerLock;
        this.source = source;
        this.config = config;
        this.clock = clock;
        this.applier = applier;
        this.txCheck = new TransactionValidator(ledger.genesis().chainId(), ledger.suite());
    }

    /**
     * Starts the thread; it runs until {@link #stop()} or until {@code failure} reports why the node stopped
     * ordering.
     */
    synchronized void start(RaftServer.Division division, RaftClients clients, Supplier<String> failure) {
        this.division = division;
        this.clients = clients;
        this.failure = failure;
        running = true;
        thread = new Thread(this::run, "raft-orderer-" + config.selfId());
        thread.start();
    }

    /** Stops the thread and waits for it (up to 10 s); safe to call from the thread itself. */
    void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs on gRPC threads: queues forwarded transactions here (the leader proposes them, others pass them on). */
    List<String> acceptForwarded(List<byte[]> encoded) {
        if (applier.failure() != null) {
            throw new IllegalStateException("node " + config.selfId() + " has halted");
        }
        List<String> refusals = new ArrayList<>(encoded.size());
        long now = System.nanoTime();
        for (byte[] bytes : encoded) {
            Transaction tx;
            try {
                tx = Transaction.decode(bytes);
            } catch (DecodeException e) {
                refusals.add("undecodable: " + e.getMessage());
                continue;
            }
            CheckedTransaction checked = txCheck.check(tx);
            if (!checked.valid()) {
                refusals.add(checked.result().name() + ": " + checked.message());
                continue;
            }
            if (ledger.store().locate(tx.hash()) == null) {
                outbox.add(checked, now);
            }
            refusals.add("");
        }
        wake();
        return refusals;
    }

    /** Runs on Ratis's apply thread: a block committed these transactions, which leave the outbox. */
    void committed(List<Transaction> transactions) {
        outbox.removeAll(transactions);
        wake();
    }

    /** Appends this node's signature of a block to the log, without waiting; a lost one is re-sent by the loop. */
    void submitSignature(RaftMessages.SignatureEntry s) {
        RaftClients cs = clients;
        if (cs == null || !running) {
            return;
        }
        RaftClient c = cs.log();
        lastSignedHash = s.headerHash();
        lastSignedAtNanos = System.nanoTime();
        byte[] message = RaftMessages.signature(s.headerHash(), s.signature().publicKey(), s.signature().signature());
        c.async().send(Message.valueOf(ByteString.copyFrom(message))).whenComplete((r, e) -> {
            if (e != null) {
                log.debug("signature of {} did not reach the log: {}", config.selfId(), e.toString());
                cs.renewIfClosed(c, e);
            }
        });
    }

    private void run() {
        long lastBlockNanos = System.nanoTime();
        while (running && failure.get() == null) {
            try {
                RaftServer.Division d = division;
                boolean leader = d.getInfo().isLeader() && d.getInfo().isLeaderReady();
                pullFromSource(leader);
                if (leader) {
                    if (maybePropose(d, lastBlockNanos)) {
                        lastBlockNanos = System.nanoTime();
                    }
                } else {
                    forwardToLeader(d);
                }
                resendSignature();
                synchronized (wakeup) {
                    wakeup.wait(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Raft orderer of {}: {}", config.selfId(), e.toString(), e);
                }
            }
        }
    }

    private void wake() {
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
    }

    private void pullFromSource(boolean leader) {
        int room = leader ? config.maxTxs() - outbox.size() : FORWARD_BATCH;
        if (room <= 0 || source.ready() == 0) {
            return;
        }
        long now = System.nanoTime();
        for (CheckedTransaction t : source.take(room)) {
            outbox.add(t, now);
        }
    }

    /** @return true when a block was accepted into the log */
    private boolean maybePropose(RaftServer.Division d, long lastBlockNanos) {
        if (!applier.proposes() || applier.pending() != null
                || (proposalInFlight != null && !proposalInFlight.isDone())
                || d.getInfo().getLastAppliedIndex() < d.getRaftLog().getLastCommittedIndex()) {
            return false;
        }
        if (!shouldCut(lastBlockNanos)) {
            return false;
        }
        ProposedBlock p = applier.propose(clock.getAsLong(), notYetCommitted(outbox.first(config.maxTxs())));
        if (p == null) {
            return false;
        }
        byte[] message = RaftMessages.proposal(p.block().encode(), applier.signingKeyBytes(), applier.sign(p.headerHash()));
        RaftClient proposing = clients.log();
        proposalInFlight = proposing.async().send(Message.valueOf(ByteString.copyFrom(message)));
        try {
            RaftClientReply reply = proposalInFlight.get(config.requestTimeoutMillis(), TimeUnit.MILLISECONDS);
            ChainApplier.Outcome outcome = reply.isSuccess() ? LedgerStateMachine.outcome(reply.getMessage()) : null;
            if (outcome == ChainApplier.Outcome.ACCEPTED || outcome == ChainApplier.Outcome.COMMITTED) {
                return true;
            }
            log.debug("proposal of block {} by {} was not accepted: {}", p.height(), config.selfId(),
                    outcome != null ? outcome : reply.getException());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.debug("proposal of block {} by {} did not complete: {}", p.height(), config.selfId(), e.toString());
            clients.renewIfClosed(proposing, e);
        }
        return false;
    }

    /** The given transactions less those the ledger already holds, which leave the outbox. */
    private List<CheckedTransaction> notYetCommitted(List<CheckedTransaction> candidates) {
        List<CheckedTransaction> out = new ArrayList<>(candidates.size());
        for (CheckedTransaction t : candidates) {
            if (ledger.store().locate(t.transaction().hash()) != null) {
                outbox.remove(t.transaction().hash());
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private boolean shouldCut(long lastBlockNanos) {
        int waiting = outbox.size();
        if (waiting >= config.maxTxs()) {
            return true;
        }
        long nowNanos = System.nanoTime();
        long oldest = outbox.oldestArrivalNanos();
        if (waiting > 0 && nowNanos - oldest >= TimeUnit.MILLISECONDS.toNanos(config.maxWaitMillis())) {
            return true;
        }
        long minNext;
        synchronized (ledgerLock) {
            minNext = ledger.minimumNextTimestamp();
        }
        if (Scheduler.earliest(ledger.store()) <= Math.max(clock.getAsLong(), minNext)) {
            return true;
        }
        return config.emptyBlockIntervalMillis() > 0
                && nowNanos - lastBlockNanos >= TimeUnit.MILLISECONDS.toNanos(config.emptyBlockIntervalMillis());
    }

    private void forwardToLeader(RaftServer.Division d) {
        RaftPeerId leader = d.getInfo().getLeaderId();
        if (leader == null || leader.toString().equals(config.selfId()) || outbox.size() == 0) {
            return;
        }
        List<CheckedTransaction> send = notYetCommitted(outbox.dueForForwarding(leader.toString(), System.nanoTime(),
                TimeUnit.MILLISECONDS.toNanos(config.forwardResendMillis()), FORWARD_BATCH));
        if (send.isEmpty()) {
            return;
        }
        List<byte[]> encoded = new ArrayList<>(send.size());
        for (CheckedTransaction t : send) {
            encoded.add(t.transaction().unsafeEncoded());
        }
        clients.forwardTransactions(encoded).whenComplete((r, e) -> {
            if (e != null) {
                log.debug("forwarding {} transactions from {} failed: {}", send.size(), config.selfId(), e.toString());
                outbox.forwardFailed(send);
            }
        });
    }

    /** Sends this node's signature for the pending block if it has not reached the log in time (lost, or sent before a restart). */
    private void resendSignature() {
        ChainApplier.PendingView pv = applier.pending();
        if (pv == null || !pv.live() || !applier.signs() || pv.signedBy(applier.signingKeyBytes())) {
            return;
        }
        if (pv.headerHash().equals(lastSignedHash)
                && System.nanoTime() - lastSignedAtNanos < TimeUnit.MILLISECONDS.toNanos(config.requestTimeoutMillis())) {
            return;
        }
        submitSignature(new RaftMessages.SignatureEntry(pv.headerHash(),
                new CommitCertificate.Signature(applier.signingKeyBytes(), applier.sign(pv.headerHash()))));
    }
}
