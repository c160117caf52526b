package org.jadechain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.ledger.CertificateVerifier;
import org.jadechain.core.model.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaftOrderingTest {
    @TempDir
    Path dir;

    @Test
    void threeValidatorsAndAnObserverCommitTheSameBlocksWithQuorumCertificates() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 1).startAll()) {
            RaftTestNetwork.Node leader = net.awaitLeader();
            List<Transaction> txs = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Transaction t = net.tx("client-" + (i % 4));
                txs.add(t);
                net.nodes.get(i % 3).submit(t);
            }
            net.awaitCommitted(net.nodes, txs);

            net.assertSameChains(net.nodes);
            assertThat(net.nodes.get(3).ordering.role()).isEqualTo(RaftRole.LISTENER);
            assertThat(net.nodes.get(3).ordering.leaderId()).isEqualTo(leader.id);
            assertThat(leader.ordering.term()).isPositive();
            for (RaftTestNetwork.Node n : net.nodes) {
                assertThat(n.ordering.failure()).isNull();
                assertThat(n.ordering.mode()).isEqualTo("raft");
                long h = n.height();
                assertThat(n.store.block(h).certificate().signatures()).hasSize(CertificateVerifier.quorum(3));
                if (n != leader) {
                    assertThat(n.pooledChecks.get()).as("%s checked the leader's blocks through its pool", n.id)
                            .isGreaterThanOrEqualTo(txs.size());
                }
            }
        }
    }

    @Test
    void aFollowerForwardsTransactionsToTheLeaderAndHearsWhichItRefused() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 0).startAll()) {
            RaftTestNetwork.Node leader = net.awaitLeader();
            RaftTestNetwork.Node follower = net.nodes.stream().filter(n -> n != leader).findFirst().orElseThrow();
            Transaction a = net.tx("alice");
            Transaction b = net.tx("alice");
            byte[] tampered = b.encoded();
            tampered[tampered.length - 1] ^= 1;

            ForwardResult result = follower.ordering.forward(List.of(a.encoded(), tampered, new byte[] {1, 2, 3}))
                    .get(RaftTestNetwork.TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

            assertThat(result.leaderId()).isEqualTo(leader.id);
            assertThat(result.refusals().get(0)).isNull();
            assertThat(result.refusals().get(1)).startsWith("BAD_SIGNATURE");
            assertThat(result.refusals().get(2)).startsWith("undecodable");
            assertThat(result.accepted()).isEqualTo(1);
            net.awaitCommitted(net.nodes, List.of(a));
            assertThat(net.nodes).noneMatch(n -> n.holds(b));
            net.assertSameChains(net.nodes);
        }
    }
}
