package org.jadechain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.junit.jupiter.api.Test;

/** The Ratis settings a node's Raft server is built with. */
class RaftServerSettingsTest {
    private static final RaftConfig CONFIG = RaftConfig.of("v1",
            List.of(RaftPeerConfig.validator("v1", "127.0.0.1:1"), RaftPeerConfig.validator("v2", "127.0.0.1:2"),
                    RaftPeerConfig.validator("v3", "127.0.0.1:3")),
            Path.of("raft-server-settings-test"));

    /**
     * Ratis closes a server whose JVM stood still longer than its close threshold (60 s by default) and never
     * starts it again: a validator on a machine that slept, or a VM that was paused, kept answering its API
     * with a chain that no longer moved (found with jade-bench/scripts/catch-up.py, an 80 s SIGSTOP). A pause
     * only makes a validator a lagging follower, which Raft and catch-up handle; a paused leader still steps
     * down after Ratis's step-down threshold.
     */
    @Test
    void aValidatorPausedForHoursKeepsItsRaftServer() {
        for (boolean snapshots : new boolean[] {true, false}) {
            RaftProperties p = RaftServerSettings.properties(CONFIG, snapshots);

            assertThat(RaftServerConfigKeys.closeThreshold(p).toLong(TimeUnit.HOURS)).isGreaterThanOrEqualTo(24 * 365);
            assertThat(RaftServerConfigKeys.LeaderElection.leaderStepDownWaitTime(p).toLong(TimeUnit.SECONDS))
                    .as("a paused leader still gives way").isLessThanOrEqualTo(10);
        }
    }

    @Test
    void theLeaderRetriesALostFollowerWithThePolicyItDeclares() {
        RaftProperties p = RaftServerSettings.properties(CONFIG, true);

        assertThat(p.get(RaftServerConfigKeys.Log.Appender.RETRY_POLICY_KEY)).isEqualTo(RaftServerSettings.APPENDER_RETRY_POLICY);
    }
}
