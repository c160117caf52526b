package org.jadechain.consensus.raft;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
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
 * {@link #applyTransaction} on one thread, in log order; {@link #query} runs on gRPC threads.
 */
final class LedgerStateMachine extends BaseStateMachine {
    private final ChainApplier applier;
    private final Function<List<byte[]>, List<String>> forwardHandler;

    LedgerStateMachine(ChainApplier applier, Function<List<byte[]>, List<String>> forwardHandler) {
        this.applier = applier;
        this.forwardHandler = forwardHandler;
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        byte[] data = entry.getStateMachineLogEntry().getLogData().toByteArray();
        ChainApplier.Outcome outcome = switch (RaftMessages.kind(data)) {
            case RaftMessages.PROPOSAL -> applier.applyProposal(data);
            case RaftMessages.SIGNATURE -> applier.applySignature(data);
            default -> ChainApplier.Outcome.IGNORED;
        };
        updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
        return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(new byte[] {(byte) outcome.ordinal()})));
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
