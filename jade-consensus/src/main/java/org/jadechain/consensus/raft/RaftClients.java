package org.jadechain.consensus.raft;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcFactory;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.TimeDuration;
import org.jadechain.core.codec.DecodeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's two Raft clients: one that appends to the log (proposals, signatures, reconfiguration) and one
 * that forwards transactions to the leader ({@link #forwardTransactions}), over the node's transport. A client whose ordered sliding window
 * was closed (its retries ran out, e.g. while the leader was down) refuses every later request with
 * AlreadyClosedException; {@link #renewIfClosed} replaces it, or this node's signatures and forwarded
 * transactions would never reach the log again. Thread-safe.
 */
final class RaftClients implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RaftClients.class);

    private final String selfId;
    private final RaftGroup group;
    private final RaftProperties properties;
    private final Parameters transport;
    private final long requestTimeoutMillis;
    private volatile RaftClient log;
    private volatile RaftClient forward;
    private volatile boolean open = true;

    RaftClients(String selfId, RaftGroup group, RaftProperties properties, Parameters transport, long requestTimeoutMillis) {
        this.selfId = selfId;
        this.group = group;
        this.properties = properties;
        this.transport = transport;
        this.requestTimeoutMillis = requestTimeoutMillis;
        this.log = newClient();
        this.forward = newClient();
    }

    RaftClient log() {
        return log;
    }

    RaftClient forward() {
        return forward;
    }

    /**
     * Hands encoded transactions to the current leader, which checks them statelessly and queues them for its
     * next blocks. Completes with the leader's per-transaction answer (null for taken), or exceptionally when no
     * leader answered in time; a closed forwarding client is replaced then.
     */
    CompletableFuture<ForwardResult> forwardTransactions(List<byte[]> encodedTxs) {
        RaftClient c = forward;
        Message m = Message.valueOf(ByteString.copyFrom(RaftMessages.forward(encodedTxs)));
        return c.async().sendReadOnly(m).whenComplete((r, e) -> {
            if (e != null) {
                renewIfClosed(c, e);
            }
        }).thenApply(RaftClients::forwardResult);
    }

    private static ForwardResult forwardResult(RaftClientReply reply) {
        if (!reply.isSuccess()) {
            throw new IllegalStateException("forward failed: " + reply.getException());
        }
        List<String> refusals;
        try {
            refusals = RaftMessages.decodeForwardReply(reply.getMessage().getContent().toByteArray());
        } catch (DecodeException e) {
            throw new IllegalStateException("malformed forward reply: " + e.getMessage(), e);
        }
        List<String> out = new ArrayList<>(refusals.size());
        for (String r : refusals) {
            out.add(r.isEmpty() ? null : r);
        }
        return new ForwardResult(reply.getServerId().toString(), out);
    }

    /** Replaces {@code used} when {@code failure} says its sliding window is closed; otherwise does nothing. */
    void renewIfClosed(RaftClient used, Throwable failure) {
        if (!open || !causedBy(failure, AlreadyClosedException.class)) {
            return;
        }
        renew(used);
    }

    private synchronized void renew(RaftClient used) {
        if (!open) {
            return;
        }
        if (used == log) {
            log = newClient();
            closeQuietly(used);
            LOG.info("{} replaced its closed Raft log client", selfId);
        } else if (used == forward) {
            forward = newClient();
            closeQuietly(used);
            LOG.info("{} replaced its closed Raft forwarding client", selfId);
        }
    }

    static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private RaftClient newClient() {
        ClientId id = ClientId.randomId();
        return RaftClient.newBuilder()
                .setClientId(id)
                .setRaftGroup(group)
                .setProperties(properties)
                .setParameters(transport)
                .setClientRpc(new GrpcFactory(transport).newRaftClientRpc(id, properties))
                .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(
                        (int) Math.max(3, requestTimeoutMillis / 100), TimeDuration.valueOf(100, TimeUnit.MILLISECONDS)))
                .build();
    }

    private static void closeQuietly(RaftClient c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing a Raft client failed", e);
            }
        }
    }

    /**
     * Closes both clients. Not under this object's lock: closing waits for pending requests to fail, and their
     * callbacks call {@link #renewIfClosed}, which takes it.
     */
    @Override
    public void close() {
        RaftClient l;
        RaftClient f;
        synchronized (this) {
            open = false;
            l = log;
            f = forward;
        }
        closeQuietly(l);
        closeQuietly(f);
    }

}
