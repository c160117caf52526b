package org.jadechain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.merkle.MerkleTree;
import org.jadechain.core.model.Block;
import org.jadechain.core.model.BlockHeader;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaftHaltTest {
    @TempDir
    Path dir;

    @Test
    void aValidatorThatComputesADifferentStateRootHaltsAndTheOthersCarryOn() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 0)) {
            RaftTestNetwork.Node v1 = net.node("v1");
            RaftTestNetwork.Node v2 = net.node("v2");
            RaftTestNetwork.Node buggy = net.node("v3");
            buggy.counterStep = 2;
            v1.start();
            v2.start();
            RaftTestNetwork.Node leader = net.awaitLeader();
            buggy.start();
            RaftTestNetwork.await("the buggy node to follow", () -> leader.id.equals(buggy.ordering.leaderId()));

            Transaction tx = net.tx("alice");
            leader.submit(tx);
            net.awaitCommitted(List.of(v1, v2), List.of(tx));
            RaftTestNetwork.await("the buggy node to halt", () -> !buggy.halts.isEmpty());

            assertThat(buggy.ordering.failure()).contains("state root differs");
            assertThat(buggy.halts).hasSize(1);
            assertThat(buggy.holds(tx)).isFalse();
            assertThat(buggy.height()).isLessThan(v1.store.locate(tx.hash()).height());

            List<Transaction> more = List.of(net.tx("bob"), net.tx("bob"));
            leader.submit(more.toArray(Transaction[]::new));
            net.awaitCommitted(List.of(v1, v2), more);
            assertThat(buggy.holds(more.get(0))).isFalse();
            net.assertSameChains(net.nodes);
        }
    }

    /** A node whose Ratis server closed under it (Ratis does on errors of its own) says so instead of looking healthy. */
    @Test
    void aValidatorWhoseRaftServerStoppedReportsItAndTheOthersCarryOn() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 0).startAll()) {
            RaftTestNetwork.Node leader = net.awaitLeader();
            RaftTestNetwork.Node stopped = net.nodes.stream().filter(n -> n != leader).findFirst().orElseThrow();
            assertThat(stopped.ordering.failure()).isNull();

            stopped.ordering.raftServer().close();

            assertThat(stopped.ordering.failure()).contains("Raft server of " + stopped.id + " stopped");
            assertThat(stopped.ordering.role()).isEqualTo(RaftRole.STOPPED);
            List<RaftTestNetwork.Node> others = net.nodes.stream().filter(n -> n != stopped).toList();
            Transaction tx = net.tx("alice");
            leader.submit(tx);
            net.awaitCommitted(others, List.of(tx));
            assertThat(leader.ordering.failure()).isNull();
        }
    }

    @Test
    void aProposalWithAWrongStateRootHaltsEveryValidatorAndAStaleOneIsSkipped() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 0).startAll()) {
            RaftTestNetwork.Node leader = net.awaitLeader();
            Transaction tx = net.tx("alice");
            leader.submit(tx);
            net.awaitCommitted(net.nodes, List.of(tx));
            long height = leader.height();
            RaftTestNetwork.await("equal heights", () -> net.nodes.stream().allMatch(n -> n.height() == height));
            BlockHeader head = leader.store.block(height).block().header();
            RaftTestNetwork.Node signer = net.node("v1");

            try (RaftClient client = client(net)) {
                byte[] replayOfHead = proposal(net, signer, leader.store.block(height).blockBytes(), head);
                assertThat(outcome(client.io().send(message(replayOfHead)))).isEqualTo(ChainApplier.Outcome.STALE);
                for (RaftTestNetwork.Node n : net.nodes) {
                    assertThat(n.ordering.failure()).isNull();
                }

                Hash emptyRoot = new MerkleTree(net.suite).root(List.of());
                BlockHeader forged = new BlockHeader(head.chainId(), height + 1, head.hash(net.suite), head.timestamp() + 1, 0,
                        emptyRoot, emptyRoot, net.suite.hash(new byte[] {42}), head.proposer());
                byte[] bad = proposal(net, signer, new Block(forged, List.of()).encode(), forged);
                assertThat(outcome(client.io().send(message(bad)))).isEqualTo(ChainApplier.Outcome.HALTED);
            }

            RaftTestNetwork.await("every validator to halt", () -> net.nodes.stream().allMatch(n -> !n.halts.isEmpty()));
            for (RaftTestNetwork.Node n : net.nodes) {
                assertThat(n.ordering.failure()).contains("refusing block " + (height + 1)).contains("root differs");
                assertThat(n.height()).isEqualTo(height);
                assertThat(n.store.block(height + 1)).isNull();
            }
        }
    }

    private static byte[] proposal(RaftTestNetwork net, RaftTestNetwork.Node signer, byte[] blockBytes, BlockHeader header) {
        byte[] sig = net.suite.sign(signer.key.privateKey(), CommitCertificate.signedMessage(header.hash(net.suite)));
        return RaftMessages.proposal(blockBytes, signer.key.publicKey().encoded(), sig);
    }

    private static Message message(byte[] bytes) {
        return Message.valueOf(ByteString.copyFrom(bytes));
    }

    private static ChainApplier.Outcome outcome(RaftClientReply reply) {
        assertThat(reply.isSuccess()).as("reply %s", reply).isTrue();
        return LedgerStateMachine.outcome(reply.getMessage());
    }

    /** A bare Raft client of the group, authenticating at the transport with v1's key. */
    private static RaftClient client(RaftTestNetwork net) {
        return net.client(net.node("v1").key);
    }

}
