package org.jadechain.consensus.raft;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * The Ratis properties a node's Raft server is built with, from its {@link RaftConfig}: storage, address, election
 * and request timeouts, how the leader retries a lost follower, what a JVM pause does, and snapshots. Where a
 * value differs from Ratis's default, the reason is beside it.
 */
final class RaftServerSettings {
    /**
     * Ratis's appender retry policy as (sleep, attempts) pairs: ten at once, then every 100 ms for as long as a
     * follower stays away (a billion attempts, 3 years: Ratis does not sleep at all once a policy runs out). The
     * same sleep follows each of the inconsistency replies a restarted follower gives while the leader finds where
     * its log ends, so a longer one (500 ms before) delayed every restarted follower's catch-up by seconds.
     */
    static final String APPENDER_RETRY_POLICY = "1ms,10, 100ms,1000000000";
    /** A JVM pause Ratis would close the server for: never, in practice (see {@link #properties}). */
    private static final TimeDuration PAUSE_CLOSE_THRESHOLD = TimeDuration.valueOf(3_650, TimeUnit.DAYS);

    private RaftServerSettings() {
    }

    /** The Ratis settings of this node's server; with {@code snapshots}, it takes snapshots and purges its log (ADR 0008). */
    static RaftProperties properties(RaftConfig config, boolean snapshots) {
        RaftProperties p = new RaftProperties();
        RaftServerConfigKeys.setStorageDir(p, List.of(config.storageDir().toFile()));
        RaftPeerConfig self = config.self();
        GrpcConfigKeys.Server.setHost(p, self.host());
        GrpcConfigKeys.Server.setPort(p, self.port());
        TimeDuration min = TimeDuration.valueOf(config.electionTimeoutMinMillis(), TimeUnit.MILLISECONDS);
        TimeDuration max = TimeDuration.valueOf(config.electionTimeoutMaxMillis(), TimeUnit.MILLISECONDS);
        RaftServerConfigKeys.Rpc.setTimeoutMin(p, min);
        RaftServerConfigKeys.Rpc.setTimeoutMax(p, max);
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(p, min);
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(p, max);
        // how soon the leader tries again to reach a follower it lost: Ratis's default backs off to 1 s after ten
        // failures and to 5 s after twenty more, so a validator restarted after half a minute waited up to 5 s
        // for its first entries (docs/PERFORMANCE.md, catch-up); a failed attempt is one cheap connect
        p.set(RaftServerConfigKeys.Log.Appender.RETRY_POLICY_KEY, APPENDER_RETRY_POLICY);
        // Ratis closes, for good, a server whose JVM stood still longer than this (60 s by default): a validator
        // on a machine that slept or a paused VM kept serving its API with a chain that no longer moved. A pause
        // only makes it a lagging follower, which catch-up handles; a paused leader still steps down after
        // Ratis's step-down wait (10 s).
        RaftServerConfigKeys.setCloseThreshold(p, PAUSE_CLOSE_THRESHOLD);
        RaftClientConfigKeys.Rpc.setRequestTimeout(p, TimeDuration.valueOf(config.requestTimeoutMillis(), TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, snapshots);
        if (snapshots) {
            RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, config.snapshotThreshold());
            RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
            RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
            RaftServerConfigKeys.Log.setPurgeGap(p, (int) Math.min(config.snapshotThreshold(), 1024));
            RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf(config.logSegmentBytes()));
            RaftServerConfigKeys.Log.Appender.setInstallSnapshotEnabled(p, true);
            // 1 MiB chunks, each given the request timeout; a stream that broke (the follower was down) is given up
            // after about 8 timeouts (Ratis's window of outstanding chunks) and the snapshot sent again
            RaftServerConfigKeys.Log.Appender.setSnapshotChunkSizeMax(p, SizeInBytes.valueOf(1L << 20));
            GrpcConfigKeys.Server.setInstallSnapshotRequestTimeout(p,
                    TimeDuration.valueOf(config.requestTimeoutMillis(), TimeUnit.MILLISECONDS));
        }
        return p;
    }
}
