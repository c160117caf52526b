package org.jadechain.consensus.raft;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.ratis.proto.RaftProtos.CommitInfoProto;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.LifeCycle;
import org.jadechain.core.codec.DecodeException;

/**
 * The Ratis {@code StateMachine}: an adapter that hands each committed log entry, in log order, to the
 * {@link ChainApplier}, answers forwarded transactions, and passes Ratis's snapshot hooks to the
 * {@link SnapshotKeeper}; it holds no ledger logic.
 *
 * <p>Snapshots (ADR 0008): {@link #takeSnapshot} writes a checkpoint of the ledger store as of the entry that
 * committed its head block; {@link #initialize} resumes after the newest snapshot (Ratis then replays only the
 * entries after it); {@link #reinitialize}, called once Ratis has installed a snapshot received from the
 * leader, verifies it and replaces the store with it, or halts the node. Without {@link LedgerCheckpoints}
 * no snapshot is taken and Ratis replays the whole log at start; the applier skips re-executing blocks the
 * ledger store already holds (ADR 0004).
 *
 * <p>Threading: Ratis calls {@link #applyTransaction}, {@link #takeSnapshot} and {@link #reinitialize} on one
 * thread, in log order; {@link #query} runs on gRPC threads. A proposal far enough behind the log's commit
 * index is history being caught up on, which the applier executes only once certified, without signature
 * checks (ADR 0010).
 */
final class LedgerStateMachine extends BaseStateMachine {
    private final ChainApplier applier;
    private final Function<List<byte[]>, List<String>> forwardHandler;
    private final long historyLag;
    private volatile RaftServer.Division division;
    private final SnapshotStorage storage;
    private final SnapshotKeeper snapshots;
    private volatile SnapshotKeeper.LastCommit lastCommit;
    private volatile long firstAppliedIndex = -1;

    LedgerStateMachine(ChainApplier applier, Function<List<byte[]>, List<String>> forwardHandler,
                       SnapshotStorage storage, SnapshotKeeper snapshots, long historyLag) {
        this.applier = applier;
        this.historyLag = historyLag;
        this.forwardHandler = forwardHandler;
        this.storage = storage;
        this.snapshots = snapshots;
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
        super.initialize(server, groupId, raftStorage);
        getLifeCycle().startAndTransition(() -> {
            storage.init(raftStorage);
            SnapshotStorage.Snapshot s = storage.latest();
            if (s != null) {
                try {
                    snapshots.restore(s);
                } catch (SnapshotKeeper.SnapshotRefusedException e) {
                    applier.refuse(e.getMessage());
                    throw e;
                }
                lastCommit = new SnapshotKeeper.LastCommit(s.termIndex(), s.height());
                setLastAppliedTermIndex(s.termIndex());
            }
        }, IOException.class);
    }

    /** Ratis is about to install a snapshot from the leader: no snapshot of our own is taken until {@link #reinitialize}. */
    @Override
    public void pause() {
        LifeCycle lc = getLifeCycle();
        if (lc.getCurrentState() == LifeCycle.State.RUNNING) {
            lc.transition(LifeCycle.State.PAUSING);
            lc.transition(LifeCycle.State.PAUSED);
        }
    }

    @Override
    public void reinitialize() throws IOException {
        SnapshotStorage.Snapshot s = storage.reload();
        if (s == null) {
            throw new IOException("Ratis installed a snapshot but none is in " + storage);
        }
        try {
            snapshots.restore(s);
            lastCommit = new SnapshotKeeper.LastCommit(s.termIndex(), s.height());
        } catch (IOException | RuntimeException e) {
            applier.refuse(e instanceof SnapshotKeeper.SnapshotRefusedException ? e.getMessage()
                    : "installing snapshot " + s.termIndex() + " failed: " + e);
        }
        setLastAppliedTermIndex(s.termIndex());
        LifeCycle lc = getLifeCycle();
        if (lc.getCurrentState() == LifeCycle.State.PAUSED) {
            lc.transition(LifeCycle.State.STARTING);
            lc.transition(LifeCycle.State.RUNNING);
        }
    }

    @Override
    public long takeSnapshot() throws IOException {
        if (getLifeCycleState() != LifeCycle.State.RUNNING) {
            SnapshotInfo latest = storage.getLatestSnapshot();
            return latest == null ? -1 : latest.getIndex();
        }
        return snapshots.take(lastCommit);
    }

    @Override
    public StateMachineStorage getStateMachineStorage() {
        return storage;
    }

    @Override
    public SnapshotInfo getLatestSnapshot() {
        return storage.getLatestSnapshot();
    }

    /** Index of the first log entry applied since this node started (-1 before any): shows what was replayed. */
    long firstAppliedIndex() {
        return firstAppliedIndex;
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        if (firstAppliedIndex < 0) {
            firstAppliedIndex = entry.getIndex();
        }
        byte[] data = entry.getStateMachineLogEntry().getLogData().toByteArray();
        long committed = lastCommittedIndex();
        ChainApplier.Outcome outcome = switch (RaftMessages.kind(data)) {
            case RaftMessages.PROPOSAL -> applier.applyProposal(data, committed - entry.getIndex() >= historyLag);
            case RaftMessages.SIGNATURE -> applier.applySignature(data);
            default -> ChainApplier.Outcome.IGNORED;
        };
        if (outcome == ChainApplier.Outcome.COMMITTED) {
            lastCommit = new SnapshotKeeper.LastCommit(TermIndex.valueOf(entry.getTerm(), entry.getIndex()), applier.appliedHeight());
        }
        updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
        if (entry.getIndex() >= committed && applier.deferring()) {
            applier.resumeDeferred();
        }
        return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(new byte[] {(byte) outcome.ordinal()})));
    }

    /**
     * The highest index this server knows the group has committed, -1 when not known: its own log's commit
     * index, or higher, a peer's (the leader's) as the leader last reported it — a follower far behind has
     * received only part of what the leader committed, and its own commit index stops at what it holds.
     */
    private long lastCommittedIndex() {
        RaftServer.Division d = division;
        if (d == null) {
            try {
                d = getServer().get().getDivision(getGroupId());
                division = d;
            } catch (IOException | ExecutionException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        long committed = d.getRaftLog().getLastCommittedIndex();
        for (CommitInfoProto c : d.getCommitInfos()) {
            committed = Math.max(committed, c.getCommitIndex());
        }
        return committed;
    }

    @Override
    public CompletableFuture<Message> query(Message request) {
        byte[] data = request.getContent().toByteArray();
        try {
            List<byte[]> txs = RaftMessages.decodeForward(data);
            List<String> refusals = forwardHandler.apply(txs);
            return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(RaftMessages.forwardReply(refusals))));
        } catch (DecodeException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("malformed forward: " + e.getMessage()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static ChainApplier.Outcome outcome(Message reply) {
        byte[] b = reply.getContent().toByteArray();
        ChainApplier.Outcome[] all = ChainApplier.Outcome.values();
        return b.length == 1 && (b[0] & 0xff) < all.length ? all[b[0] & 0xff] : ChainApplier.Outcome.IGNORED;
    }
}
