package org.jadechain.consensus.raft;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.jadechain.core.codec.DecodeException;

/**
 * The Ratis {@code StateMachine}: an adapter that hands each committed log entry, in log order, to the
 * {@link ChainApplier} and answers forwarded transactions; it holds no ledger logic.
 *
 * <p>No snapshots are taken, so Ratis keeps the whole log and replays it from index 0 when the node
 * starts; the applier skips re-executing blocks the ledger store already holds (ADR 0004). Ratis calls
 * {@link #applyTransaction} on one thread, in log order; {@link #query} runs on gRPC threads. A proposal
 * far enough behind the log's commit index is history being caught up on, which the applier executes only
 * once certified, without signature checks (ADR 0010).
 */
final class LedgerStateMachine extends BaseStateMachine {
    private final ChainApplier applier;
    private final Function<List<byte[]>, List<String>> forwardHandler;
    private final long historyLag;
    private volatile RaftLog raftLog;

    LedgerStateMachine(ChainApplier applier, Function<List<byte[]>, List<String>> forwardHandler, long historyLag) {
        this.applier = applier;
        this.forwardHandler = forwardHandler;
        this.historyLag = historyLag;
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        byte[] data = entry.getStateMachineLogEntry().getLogData().toByteArray();
        long committed = lastCommittedIndex();
        ChainApplier.Outcome outcome = switch (RaftMessages.kind(data)) {
            case RaftMessages.PROPOSAL -> applier.applyProposal(data, committed - entry.getIndex() >= historyLag);
            case RaftMessages.SIGNATURE -> applier.applySignature(data);
            default -> ChainApplier.Outcome.IGNORED;
        };
        updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
        if (entry.getIndex() >= committed && applier.deferring()) {
            applier.resumeDeferred();
        }
        return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(new byte[] {(byte) outcome.ordinal()})));
    }

    /** The index up to which the Raft log is committed, as this server knows it; -1 when not known. */
    private long lastCommittedIndex() {
        RaftLog log = raftLog;
        if (log == null) {
            try {
                log = getServer().get().getDivision(getGroupId()).getRaftLog();
                raftLog = log;
            } catch (IOException | ExecutionException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return log.getLastCommittedIndex();
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
