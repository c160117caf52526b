package org.jadechain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jadechain.core.model.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leader changes the group's voters (as a node does after a governance change); the removed one no longer counts. */
class RaftReconfigurationTest {
    @TempDir
    Path dir;

    @Test
    void aRemovedVoterNoLongerMakesAMajority() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 0)) {
            net.startAll();
            RaftTestNetwork.Node leader = net.awaitLeader();
            List<RaftPeerConfig> withoutV3 = net.peers().stream().filter(p -> !p.id().equals("v3")).toList();
            RaftTestNetwork.Node asker = leader.id.equals("v3") ? net.node("v1") : leader;
            leader.ordering.reconfigure(withoutV3);
            RaftTestNetwork.await("v1 and v2 see the voters {v1, v2}", () ->
                    net.node("v1").ordering.voterIds().equals(List.of("v1", "v2"))
                            && net.node("v2").ordering.voterIds().equals(List.of("v1", "v2")));
            Transaction t = net.tx("client");
            asker.submit(t);
            net.awaitCommitted(List.of(net.node("v1"), net.node("v2")), List.of(t));

            net.node("v2").stop();
            RaftTestNetwork.Node v1 = net.node("v1");
            long before = v1.height();
            Transaction stuck = net.tx("client");
            v1.submit(stuck);
            net.node("v3").submit(stuck);
            Thread.sleep(3_000);
            assertThat(v1.holds(stuck)).as("v1 and the removed v3 are no majority of {v1, v2}").isFalse();
            assertThat(v1.height()).isEqualTo(before);
        }
    }
}
