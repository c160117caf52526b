package org.jadechain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.model.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR 0010: a node catching up executes blocks from history once their certificates are complete, without
 * checking the transactions' signatures again, and reaches the same chain; a block still uncertified at the
 * end of the log is executed in full and signed, so the network never waits on a node that defers.
 */
class RaftCatchUpTest {
    @TempDir
    Path dir;

    @Test
    void aRestartedFollowerExecutesCertifiedHistoryWithoutSignatureChecksAndReachesTheSameChain() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 0).startAll()) {
            RaftTestNetwork.Node leader = net.awaitLeader();
            RaftTestNetwork.Node victim = net.nodes.stream().filter(n -> n != leader).findFirst().orElseThrow();
            victim.stop();
            long stoppedAt = victim.height();
            List<Transaction> sent = new ArrayList<>();
            int i = 0;
            while (leader.height() < stoppedAt + 40) {
                Transaction t = net.tx("payer-" + (i++ % 3));
                leader.submit(t);
                sent.add(t);
                Thread.sleep(30);
            }
            net.awaitCommitted(net.running(), sent);
            assertThat(leader.height()).isGreaterThan(stoppedAt + 30);

            victim.start();
            net.awaitCommitted(net.nodes, sent);
            RaftTestNetwork.await("equal heights", () -> victim.height() == leader.height());
            net.assertSameChains(net.nodes);
            assertThat(victim.ledger.head().stateRoot()).isEqualTo(leader.ledger.head().stateRoot());
            assertThat(victim.ordering.blocksExecutedAsCertified()).as("blocks taken from history once certified").isPositive();
            assertThat(victim.halts).isEmpty();

            List<Transaction> after = List.of(net.tx("late"));
            victim.submit(after.get(0));
            net.awaitCommitted(net.nodes, after);
            net.assertSameChains(net.nodes);
        }
    }

    @Test
    void whenEveryProposalCountsAsHistoryTheFollowersStillSignAtTheEndOfTheLog() throws Exception {
        RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 0);
        for (RaftTestNetwork.Node n : net.nodes) {
            n.historyLag = 0;
        }
        try (net) {
            net.startAll();
            RaftTestNetwork.Node leader = net.awaitLeader();
            List<Transaction> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Transaction t = net.tx("payer-" + (i % 4));
                net.nodes.get(i % 3).submit(t);
                sent.add(t);
            }
            net.awaitCommitted(net.nodes, sent);
            net.assertSameChains(net.nodes);
            for (RaftTestNetwork.Node n : net.nodes) {
                assertThat(n.halts).isEmpty();
                assertThat(n.ordering.failure()).isNull();
            }
            assertThat(leader.height()).isPositive();
        }
    }
}
