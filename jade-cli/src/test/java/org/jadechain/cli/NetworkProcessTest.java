package org.jadechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jadechain.cli.devnet.DemoConsortium;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.sdk.EvidenceCalls;
import org.jadechain.sdk.JadeApiException;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.ReceiptVerifier;
import org.jadechain.sdk.Signer;
import org.jadechain.sdk.SubmitResult;
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
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int NODES = 3;

    @TempDir
    Path tmp;

    private final Process[] nodes = new Process[NODES];
    private final String[] apis = new String[NODES];
    private Path dir;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : nodes) {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void killingTheLeaderLosesNothingAndTheRestartedNodeCatchesUp() throws Exception {
        dir = tmp.resolve("net");
        int apiBase = freeRange(NODES);
        int raftBase = freeRange(NODES);
        Genesis genesis = DemoConsortium.writeNetwork(dir, SuiteId.INTL, NODES, apiBase, raftBase, System.currentTimeMillis());
        for (int i = 0; i < NODES; i++) {
            apis[i] = "http://127.0.0.1:" + (apiBase + i);
            start(i);
        }
        for (int i = 0; i < NODES; i++) {
            awaitStatus(i);
        }
        Signer citizen = Signer.load(dir.resolve("keys").resolve("citizen-1.pem"));
        List<SubmitResult> acknowledged = new ArrayList<>();
        int leader = leader();
        int follower = (leader + 1) % NODES;
        for (int n = 0; n < 10; n++) {
            acknowledged.add(record(new JadeClient(apis[follower]), citizen, "before " + n));
        }

        nodes[leader].destroyForcibly();
        assertThat(nodes[leader].waitFor(30, TimeUnit.SECONDS)).isTrue();
        int survivor = (leader + 1) % NODES;
        long heightAtKill = new JadeClient(apis[survivor]).status().height();
        long killedAt = System.nanoTime();
        SubmitResult after = record(new JadeClient(apis[survivor]), citizen, "after the kill");
        acknowledged.add(after);
        assertThat(after.height()).isGreaterThan(heightAtKill);
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).as("a new leader committed").isLessThan(Duration.ofSeconds(30));
        // Another signer on another node: a client takes its next nonce from the node it asks, which may not
        // have applied the block holding the previous one yet.
        Signer other = Signer.load(dir.resolve("keys").resolve("citizen-2.pem"));
        for (int n = 0; n < 5; n++) {
            acknowledged.add(record(new JadeClient(apis[(leader + 2) % NODES]), other, "while down " + n));
        }

        start(leader);
        awaitStatus(leader);
        long target = new JadeClient(apis[survivor]).status().height();
        awaitHeight(leader, target);
        String root = new JadeClient(apis[survivor]).status().stateRoot();
        for (int i = 0; i < NODES; i++) {
            JadeClient c = new JadeClient(apis[i]);
            awaitHeight(i, target);
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

    private static SubmitResult record(JadeClient client, Signer who, String text) {
        SubmitResult r = client.submitAndWait(who, EvidenceCalls.recordEvidence(
                CryptoSuites.of("intl").hash(text.getBytes(StandardCharsets.UTF_8)).bytes(), text), Duration.ofSeconds(60));
        assertThat(r.ok()).as("%s", r).isTrue();
        return r;
    }

    private int leader() throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < NODES; i++) {
                JsonNode s = new JadeClient(apis[i]).getJson("/v1/status").orElseThrow();
                if (s.path("leader").asBoolean()) {
                    assertThat(s.path("pid").asLong()).isEqualTo(nodes[i].pid());
                    return i;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no node reports itself leader");
    }

    private void start(int i) throws IOException {
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "jade-nettest-node-" + (i + 1) + "-" + System.nanoTime() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        nodes[i] = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.jadechain.cli.JadeCli",
                "node", "start", "--config", DemoConsortium.nodeDir(dir, i + 1).resolve("node.json").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitStatus(int i) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            assertThat(nodes[i].isAlive()).as("node %d exited early", i).isTrue();
            try {
                new JadeClient(apis[i]).status();
                return;
            } catch (JadeApiException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("node " + i + " gave no /v1/status within " + TIMEOUT, e);
                }
                Thread.sleep(200);
            }
        }
    }

    private void awaitHeight(int i, long height) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (new JadeClient(apis[i]).status().height() < height) {
            assertThat(System.nanoTime()).as("node %d reaches height %d", i, height).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The first of {@code n} consecutive free loopback ports, below the ephemeral range. */
    private static int freeRange(int n) {
        return org.jadechain.testkit.LoopbackPorts.range(n);
    }
}
