package org.jadechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jadechain.cli.devnet.DemoConsortium;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.ReceiptVerifier;
import org.jadechain.sdk.Signer;
import org.jadechain.sdk.SubmitResult;
import org.jadechain.testkit.LoopbackPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #5 with real OS processes, as {@code jade devnet --nodes 3} runs them: three validators commit what
 * a follower is sent; the leader is killed with SIGKILL and the other two go on committing within seconds;
 * the killed node restarts and catches up to the same head; every acknowledged transaction is on every
 * node; every height has the same block on every node; {@code jade verify} passes on each data directory.
 */
class NetworkProcessTest {
    private static final int NODES = 3;

    @TempDir
    Path tmp;

    private NodeProcesses net;
    private Process[] nodes;
    private String[] apis;
    private Path dir;

    @AfterEach
    void stopAll() throws InterruptedException {
        if (net != null) {
            net.killAll();
        }
    }

    @Test
    void killingTheLeaderLosesNothingAndTheRestartedNodeCatchesUp() throws Exception {
        dir = tmp.resolve("net");
        int apiBase = LoopbackPorts.range(NODES);
        int raftBase = LoopbackPorts.range(NODES);
        Genesis genesis = DemoConsortium.writeNetwork(dir, SuiteId.INTL, NODES, apiBase, raftBase, System.currentTimeMillis());
        net = new NodeProcesses(dir, NODES, apiBase, "jade-nettest");
        nodes = net.nodes;
        apis = net.apis;
        for (int i = 0; i < NODES; i++) {
            net.start(i);
        }
        for (int i = 0; i < NODES; i++) {
            net.awaitStatus(i);
        }
        Signer citizen = Signer.load(dir.resolve("keys").resolve("citizen-1.pem"));
        List<SubmitResult> acknowledged = new ArrayList<>();
        int leader = net.leader();
        int follower = (leader + 1) % NODES;
        for (int n = 0; n < 10; n++) {
            acknowledged.add(NodeProcesses.record(new JadeClient(apis[follower]), citizen, "before " + n));
        }

        nodes[leader].destroyForcibly();
        assertThat(nodes[leader].waitFor(30, TimeUnit.SECONDS)).isTrue();
        int survivor = (leader + 1) % NODES;
        long heightAtKill = new JadeClient(apis[survivor]).status().height();
        long killedAt = System.nanoTime();
        SubmitResult after = NodeProcesses.record(new JadeClient(apis[survivor]), citizen, "after the kill");
        acknowledged.add(after);
        assertThat(after.height()).isGreaterThan(heightAtKill);
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).as("a new leader committed").isLessThan(Duration.ofSeconds(30));
        // Another signer on another node: a client takes its next nonce from the node it asks, which may not
        // have applied the block holding the previous one yet.
        Signer other = Signer.load(dir.resolve("keys").resolve("citizen-2.pem"));
        for (int n = 0; n < 5; n++) {
            acknowledged.add(NodeProcesses.record(new JadeClient(apis[(leader + 2) % NODES]), other, "while down " + n));
        }

        net.start(leader);
        net.awaitStatus(leader);
        long target = new JadeClient(apis[survivor]).status().height();
        net.awaitHeight(leader, target);
        String root = new JadeClient(apis[survivor]).status().stateRoot();
        for (int i = 0; i < NODES; i++) {
            JadeClient c = new JadeClient(apis[i]);
            net.awaitHeight(i, target);
            for (long h = 0; h <= target; h++) {
                assertThat(c.block(h).orElseThrow().path("hash").asText()).as("block %d on node %d", h, i)
                        .isEqualTo(new JadeClient(apis[survivor]).block(h).orElseThrow().path("hash").asText());
            }
            assertThat(c.block(target).orElseThrow().path("header").path("stateRoot").asText()).isEqualTo(root);
            for (SubmitResult r : acknowledged) {
                assertThat(c.transaction(r.txHash()).orElseThrow().committed()).as("tx %s on node %d", r.txHash(), i).isTrue();
                assertThat(new ReceiptVerifier(genesis).verify(c.proof(r.txHash()).orElseThrow()).valid()).isTrue();
            }
        }

        for (int i = 0; i < NODES; i++) {
            nodes[i].destroy();
            assertThat(nodes[i].waitFor(30, TimeUnit.SECONDS)).as("node %d stops on SIGTERM", i).isTrue();
        }
        for (int i = 0; i < NODES; i++) {
            Cli.Run verified = Cli.run("verify", "--data", DemoConsortium.nodeDir(dir, i + 1).toString());
            assertThat(verified.status()).as("%s", verified).isZero();
            assertThat(verified.out()).contains("OK");
        }
    }

}
