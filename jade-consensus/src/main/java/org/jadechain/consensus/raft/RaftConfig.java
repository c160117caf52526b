package org.jadechain.consensus.raft;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings of one node's Raft ordering.
 *
 * @param selfId this node's id among {@code peers}
 * @param peers the whole group (validators and listeners), identical on every node
 * @param storageDir where Ratis keeps this node's Raft log and metadata (not the ledger)
 * @param maxTxs most transactions in one block
 * @param maxWaitMillis the leader cuts a block this long after the oldest waiting transaction arrived
 * @param emptyBlockIntervalMillis if &gt; 0, the leader cuts an empty block after this long without one
 * @param electionTimeoutMinMillis Raft's randomised election timeout, lower bound
 * @param electionTimeoutMaxMillis and upper bound
 * @param requestTimeoutMillis how long one proposal, signature or forward may take before it is retried
 * @param forwardResendMillis a follower forwards a still-uncommitted transaction again after this long
 * @param transport how peers authenticate each other (mutual TLS by default; ADR 0006)
 * @param snapshotThreshold after this many log entries past the last snapshot the node takes a new one and purges
 *     its log up to it (ADR 0008); only with a ledger store that can take checkpoints ({@link LedgerCheckpoints})
 * @param logSegmentBytes largest Raft log segment file; the log is purged by whole closed segments
 */
public record RaftConfig(String selfId, List<RaftPeerConfig> peers, Path storageDir, int maxTxs, long maxWaitMillis,
                         long emptyBlockIntervalMillis, long electionTimeoutMinMillis, long electionTimeoutMaxMillis,
                         long requestTimeoutMillis, long forwardResendMillis, RaftTransport transport,
                         long snapshotThreshold, long logSegmentBytes) {
    public RaftConfig {
        peers = List.copyOf(peers);
        if (transport == null) {
            throw new IllegalArgumentException("the Raft transport settings are missing");
        }
        if (maxTxs < 1 || maxWaitMillis < 1 || emptyBlockIntervalMillis < 0 || electionTimeoutMinMillis < 1
                || electionTimeoutMaxMillis <= electionTimeoutMinMillis || requestTimeoutMillis < 1 || forwardResendMillis < 1
                || snapshotThreshold < 1 || logSegmentBytes < 1024) {
            throw new IllegalArgumentException("invalid Raft ordering settings");
        }
        if (peers.stream().noneMatch(p -> p.id().equals(selfId))) {
            throw new IllegalArgumentException("node " + selfId + " is not among the Raft peers");
        }
        if (peers.stream().map(RaftPeerConfig::id).distinct().count() != peers.size()) {
            throw new IllegalArgumentException("two Raft peers share an id");
        }
        if (peers.stream().noneMatch(p -> p.kind() == RaftPeerConfig.Kind.VALIDATOR)) {
            throw new IllegalArgumentException("the Raft group needs at least one validator");
        }
    }

    /** Default {@link #snapshotThreshold()}: a snapshot every 10,000 log entries (about 3,300 blocks with 3 validators). */
    public static final long DEFAULT_SNAPSHOT_THRESHOLD = 10_000;
    /** Default {@link #logSegmentBytes()}: 8 MiB. */
    public static final long DEFAULT_LOG_SEGMENT_BYTES = 8L << 20;

    /**
     * Production defaults: 5,000 transactions or 200 ms per block, 1–2 s election timeout, mutual TLS, a snapshot
     * every 10,000 log entries, 8 MiB log segments.
     */
    public static RaftConfig of(String selfId, List<RaftPeerConfig> peers, Path storageDir) {
        return new RaftConfig(selfId, peers, storageDir, 5_000, 200, 0, 1_000, 2_000, 3_000, 3_000,
                RaftTransport.mutualTls(), DEFAULT_SNAPSHOT_THRESHOLD, DEFAULT_LOG_SEGMENT_BYTES);
    }

    public RaftConfig withRequestTimeout(long requestTimeoutMillis) {
        return new RaftConfig(selfId, peers, storageDir, maxTxs, maxWaitMillis, emptyBlockIntervalMillis,
                electionTimeoutMinMillis, electionTimeoutMaxMillis, requestTimeoutMillis, forwardResendMillis, transport,
                snapshotThreshold, logSegmentBytes);
    }

    public RaftConfig withSnapshots(long snapshotThreshold, long logSegmentBytes) {
        return new RaftConfig(selfId, peers, storageDir, maxTxs, maxWaitMillis, emptyBlockIntervalMillis,
                electionTimeoutMinMillis, electionTimeoutMaxMillis, requestTimeoutMillis, forwardResendMillis, transport,
                snapshotThreshold, logSegmentBytes);
    }

    public RaftConfig withTransport(RaftTransport transport) {
        return new RaftConfig(selfId, peers, storageDir, maxTxs, maxWaitMillis, emptyBlockIntervalMillis,
                electionTimeoutMinMillis, electionTimeoutMaxMillis, requestTimeoutMillis, forwardResendMillis, transport,
                snapshotThreshold, logSegmentBytes);
    }

    public RaftConfig withElectionTimeout(long minMillis, long maxMillis) {
        return new RaftConfig(selfId, peers, storageDir, maxTxs, maxWaitMillis, emptyBlockIntervalMillis, minMillis,
                maxMillis, requestTimeoutMillis, forwardResendMillis, transport,
                snapshotThreshold, logSegmentBytes);
    }

    public RaftConfig withBlocks(int maxTxs, long maxWaitMillis, long emptyBlockIntervalMillis) {
        return new RaftConfig(selfId, peers, storageDir, maxTxs, maxWaitMillis, emptyBlockIntervalMillis,
                electionTimeoutMinMillis, electionTimeoutMaxMillis, requestTimeoutMillis, forwardResendMillis, transport,
                snapshotThreshold, logSegmentBytes);
    }

    public RaftPeerConfig self() {
        return peers.stream().filter(p -> p.id().equals(selfId)).findFirst().orElseThrow();
    }
}
