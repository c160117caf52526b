package org.jadechain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.model.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaftFailoverTest {
    @TempDir
    Path dir;

    @Test
    void whenTheLeaderStopsANewLeaderCommitsAndTheOldOneCatchesUpWithoutReapplying() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 0).startAll()) {
            RaftTestNetwork.Node first = net.awaitLeader();
            List<Transaction> before = submitToFollowers(net, first, 10);
            net.awaitCommitted(net.nodes, before);

            first.stop();
            RaftTestNetwork.Node second = net.awaitLeader();
            assertThat(second).isNotSameAs(first);
            List<Transaction> after = submitToFollowers(net, second, 10);
            after.addAll(submitTo(net, second, 5));
            net.awaitCommitted(net.running(), after);
            net.assertSameChains(net.running());

            long heightAtRestart = first.height();
            int seenBefore = first.committed.size();
            first.start();
            net.awaitCommitted(net.nodes, after);
            net.assertSameChains(net.nodes);
            List<CommittedBlock> seen = List.copyOf(first.committed); // the node keeps committing while we look
            assertContiguousFrom(seen.subList(seenBefore, seen.size()), heightAtRestart + 1);
        }
    }

    @Test
    void aFollowerStoppedUnderLoadCatchesUpToTheSameStateRoot() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 0).startAll()) {
            RaftTestNetwork.Node leader = net.awaitLeader();
            List<RaftTestNetwork.Node> followers = net.nodes.stream().filter(n -> n != leader).toList();
            RaftTestNetwork.Node victim = followers.get(0);
            RaftTestNetwork.Node other = followers.get(1);
            List<Transaction> sent = new CopyOnWriteArrayList<>();
            AtomicBoolean load = new AtomicBoolean(true);
            Thread client = new Thread(() -> {
                int i = 0;
                while (load.get()) {
                    Transaction t = net.tx("payer-" + (i % 5));
                    (i % 2 == 0 ? leader : other).submit(t);
                    sent.add(t);
                    i++;
                    try {
                        Thread.sleep(3);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "load");
            client.start();
            try {
                RaftTestNetwork.await("a few blocks", () -> victim.height() >= 3);
                victim.stop();
                long stoppedAt = victim.height();
                RaftTestNetwork.await("blocks while the follower is down", () -> leader.height() >= stoppedAt + 5);

                int seenBefore = victim.committed.size();
                victim.start();
                RaftTestNetwork.await("the follower back past its old height", () -> victim.height() > stoppedAt + 5);
                load.set(false);
                client.join();
                net.awaitCommitted(net.nodes, new ArrayList<>(sent));
                RaftTestNetwork.await("equal heights", () -> victim.height() == leader.height() && other.height() == leader.height());

                assertThat(victim.ledger.head().stateRoot()).isEqualTo(leader.ledger.head().stateRoot());
                net.assertSameChains(net.nodes);
                List<CommittedBlock> seen = List.copyOf(victim.committed);
                assertContiguousFrom(seen.subList(seenBefore, seen.size()), stoppedAt + 1);
            } finally {
                load.set(false);
                client.join();
            }
        }
    }

    @Test
    void allValidatorsStoppedTogetherRestartAndResumeOnTheSameChain() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 0).startAll()) {
            RaftTestNetwork.Node leader = net.awaitLeader();
            List<Transaction> before = submitToFollowers(net, leader, 10);
            net.awaitCommitted(net.nodes, before);
            net.assertSameChains(net.nodes);
            long heightAtStop = net.nodes.stream().mapToLong(RaftTestNetwork.Node::height).min().orElseThrow();
            var hashAtStop = net.nodes.get(0).ledger.header(heightAtStop).hash(net.nodes.get(0).ledger.suite());

            for (RaftTestNetwork.Node n : net.nodes) {
                n.stop();
            }
            for (RaftTestNetwork.Node n : net.nodes) {
                n.start();
            }
            RaftTestNetwork.Node resumed = net.awaitLeader();
            List<Transaction> after = submitToFollowers(net, resumed, 10);
            net.awaitCommitted(net.nodes, after);
            net.awaitCommitted(net.nodes, before);
            net.assertSameChains(net.nodes);
            for (RaftTestNetwork.Node n : net.nodes) {
                assertThat(n.ledger.header(heightAtStop).hash(n.ledger.suite())).as("block %d on %s", heightAtStop, n).isEqualTo(hashAtStop);
                assertThat(n.ordering.failure()).isNull();
                assertThat(n.halts).isEmpty();
            }
        }
    }

    @Test
    void fiveValidatorsCommitWithTwoDownAndStopWithoutForkingWithThreeDown() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.create(dir, 5, 0).startAll()) {
            RaftTestNetwork.Node leader = net.awaitLeader();
            List<RaftTestNetwork.Node> followers = net.nodes.stream().filter(n -> n != leader).toList();
            followers.get(0).stop();
            followers.get(1).stop();
            List<Transaction> withTwoDown = submitTo(net, leader, 5);
            withTwoDown.addAll(submitTo(net, followers.get(2), 5));
            net.awaitCommitted(net.running(), withTwoDown);
            net.assertSameChains(net.running());

            followers.get(2).stop();
            long stalledAt = leader.height();
            List<Transaction> withThreeDown = submitTo(net, leader, 5);
            withThreeDown.addAll(submitTo(net, followers.get(3), 5));
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < deadline) {
                for (RaftTestNetwork.Node n : net.nodes) {
                    assertThat(n.height()).as("height of %s with three validators down", n).isLessThanOrEqualTo(stalledAt);
                }
                Thread.sleep(20);
            }

            followers.get(2).start();
            net.awaitCommitted(net.running(), withThreeDown);
            net.assertSameChains(net.nodes);
            for (RaftTestNetwork.Node n : net.running()) {
                assertThat(n.ordering.failure()).isNull();
            }
        }
    }

    private static List<Transaction> submitToFollowers(RaftTestNetwork net, RaftTestNetwork.Node leader, int count) {
        List<Transaction> txs = new ArrayList<>();
        List<RaftTestNetwork.Node> followers = net.running().stream().filter(n -> n != leader).toList();
        for (int i = 0; i < count; i++) {
            Transaction t = net.tx("sender-" + (i % 3));
            followers.get(i % followers.size()).submit(t);
            txs.add(t);
        }
        return txs;
    }

    private static List<Transaction> submitTo(RaftTestNetwork net, RaftTestNetwork.Node node, int count) {
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Transaction t = net.tx("direct-" + node.id);
            node.submit(t);
            txs.add(t);
        }
        return txs;
    }

    /** The blocks a restarted node told its listeners of: each height once, in order, none it already had. */
    private static void assertContiguousFrom(List<CommittedBlock> blocks, long firstHeight) {
        assertThat(blocks).isNotEmpty();
        for (int i = 0; i < blocks.size(); i++) {
            assertThat(blocks.get(i).height()).isEqualTo(firstHeight + i);
        }
    }
}
