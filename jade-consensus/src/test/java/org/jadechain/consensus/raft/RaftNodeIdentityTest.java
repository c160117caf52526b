package org.jadechain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.jadechain.consensus.raft.tls.MemberTrustManager;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Mutual TLS bound to genesis keys on the Raft transport (ADR 0006), with real Ratis servers on loopback. */
class RaftNodeIdentityTest {
    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> refusals = new ListAppender<>();

    @BeforeEach
    void watchRefusals() {
        refusals.start();
        ((Logger) LoggerFactory.getLogger(MemberTrustManager.class)).addAppender(refusals);
    }

    @AfterEach
    void stopWatching() {
        ((Logger) LoggerFactory.getLogger(MemberTrustManager.class)).detachAppender(refusals);
    }

    @Test
    void aServerWithAKeyOutsideGenesisCannotTakeAValidatorsPlaceAndTheGroupKeepsCommitting() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 0).startAll()) {
            RaftTestNetwork.Node leader = net.awaitLeader();
            net.awaitCommitted(net.nodes, submit(net, net.nodes, 10));
            RaftTestNetwork.Node victim = net.nodes.stream().filter(n -> n != leader).findFirst().orElseThrow();
            victim.stop();

            KeyPair intruderKey = net.newKey();
            RaftOrdering intruder = net.startIntruder(victim.id, intruderKey);
            List<RaftTestNetwork.Node> honest = net.running();
            net.awaitCommitted(honest, submit(net, honest, 10));
            RaftTestNetwork.await("the honest nodes refusing the intruder's certificate", () -> refusedKey(intruderKey));

            Transaction smuggled = net.tx("smuggler");
            CompletableFuture<ForwardResult> forwarded = intruder.forward(List.of(smuggled.encoded()));
            assertThatThrownBy(() -> forwarded.get(RaftTestNetwork.TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
            net.awaitCommitted(honest, submit(net, honest, 10));

            assertThat(intruder.appliedHeight()).isZero();
            assertThat(intruder.leaderId()).isNotEqualTo(intruder.selfId()).isNotIn(honest.stream().map(n -> n.id).toList());
            assertThat(honest).allMatch(n -> !victim.id.equals(n.ordering.leaderId()));
            assertThat(honest).noneMatch(n -> n.holds(smuggled));
            intruder.close();

            victim.start();
            List<Transaction> last = submit(net, net.nodes, 10);
            net.awaitCommitted(net.nodes, last);
            net.assertSameChains(net.nodes);
        }
    }

    @Test
    void aRaftClientWithAKeyOutsideGenesisCannotReachTheGroupWhileOneWithAValidatorKeyCan() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 0).startAll()) {
            net.awaitLeader();
            KeyPair outsider = net.newKey();
            Message forward = Message.valueOf(ByteString.copyFrom(RaftMessages.forward(List.of(net.tx("x").encoded()))));

            try (RaftClient member = net.client(net.nodes.get(0).key)) {
                RaftClientReply reply = member.io().sendReadOnly(forward);
                assertThat(reply.isSuccess()).isTrue();
            }
            try (RaftClient intruder = net.client(outsider, 10)) {
                assertThatThrownBy(() -> intruder.io().sendReadOnly(forward)).isInstanceOf(Exception.class);
                Message entry = Message.valueOf(ByteString.copyFrom(new byte[] {RaftMessages.SIGNATURE, 0}));
                assertThatThrownBy(() -> intruder.io().send(entry)).isInstanceOf(Exception.class);
            }
            assertThat(refusedKey(outsider)).isTrue();
            net.awaitCommitted(net.nodes, submit(net, net.nodes, 5));
            net.assertSameChains(net.nodes);
        }
    }

    @Test
    void anSmChainWithAnObserverCommitsOverMutualTls() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 1, SuiteId.SM).startAll()) {
            RaftTestNetwork.Node leader = net.awaitLeader();
            List<Transaction> txs = submit(net, net.nodes.subList(0, 3), 20);
            net.awaitCommitted(net.nodes, txs);
            net.assertSameChains(net.nodes);
            assertThat(net.nodes.get(3).ordering.role()).isEqualTo(RaftRole.LISTENER);
            assertThat(net.nodes.get(3).ordering.leaderId()).isEqualTo(leader.id);
            assertThat(refusals.list).isEmpty();
        }
    }

    @Test
    void aNodeRefusesToStartWithAKeyThatIsNoMembersOrWithoutAKey() {
        RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 0);
        RaftConfig config = RaftConfig.of("v1", net.peers(), dir.resolve("v1"));
        org.jadechain.core.ledger.Ledger ledger = new org.jadechain.core.ledger.Ledger(net.genesis,
                new org.jadechain.core.contract.ContractRegistry(List.of(new CounterContract(1))),
                new org.jadechain.storage.InMemoryLedgerStore(net.suite));
        assertThatThrownBy(() -> new RaftOrdering(ledger, new QueueSource(), net.newKey(), config, System::currentTimeMillis).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither a genesis validator");
        assertThatThrownBy(() -> new RaftOrdering(ledger, new QueueSource(), null, config, System::currentTimeMillis).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs this node's key");
    }

    private boolean refusedKey(KeyPair key) {
        String k = key.publicKey().toString();
        return refusals.list.stream().anyMatch(e -> e.getFormattedMessage().contains(k));
    }

    private static List<Transaction> submit(RaftTestNetwork net, List<RaftTestNetwork.Node> to, int count) {
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Transaction t = net.tx("client-" + (i % 3));
            txs.add(t);
            to.get(i % to.size()).submit(t);
        }
        return txs;
    }

}
