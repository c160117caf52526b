package org.jadechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jadechain.cli.devnet.DemoConsortium;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.sdk.EvidenceCalls;
import org.jadechain.sdk.JadeApiException;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.Signer;
import org.jadechain.sdk.SubmitResult;

/**
 * The node processes of a network written by {@link DemoConsortium#writeNetwork}: node {@code i} (0-based) runs
 * {@code jade node start} on {@code node-(i+1)/node.json} as a separate OS process and serves its API at
 * {@code apis[i]}. For the multi-process tests.
 */
final class NodeProcesses {
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    final Process[] nodes;
    final String[] apis;
    private final Path dir;
    private final String logPrefix;

    NodeProcesses(Path dir, int count, int firstApiPort, String logPrefix) {
        this.dir = dir;
        this.logPrefix = logPrefix;
        this.nodes = new Process[count];
        this.apis = new String[count];
        for (int i = 0; i < count; i++) {
            apis[i] = "http://127.0.0.1:" + (firstApiPort + i);
        }
    }

    void start(int i) throws IOException {
        Path log = Path.of(System.getProperty("java.io.tmpdir"), logPrefix + "-node-" + (i + 1) + "-" + System.nanoTime() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        nodes[i] = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.jadechain.cli.JadeCli",
                "node", "start", "--config", DemoConsortium.nodeDir(dir, i + 1).resolve("node.json").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    void killAll() throws InterruptedException {
        for (Process p : nodes) {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    void awaitStatus(int i) throws Exception {
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

    void awaitHeight(int i, long height) throws InterruptedException {
        await("node " + i + " reaches height " + height, () -> new JadeClient(apis[i]).status().height() >= height);
    }

    /** The running node that reports itself leader (and is the process it says it is). */
    int leader() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < nodes.length; i++) {
                if (nodes[i] == null || !nodes[i].isAlive()) {
                    continue;
                }
                try {
                    JsonNode s = new JadeClient(apis[i]).getJson("/v1/status").orElseThrow();
                    if (s.path("leader").asBoolean()) {
                        assertThat(s.path("pid").asLong()).isEqualTo(nodes[i].pid());
                        return i;
                    }
                } catch (JadeApiException e) {
                    // not serving yet
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no node reports itself leader");
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Records a piece of evidence through {@code client} and waits until it is committed. */
    static SubmitResult record(JadeClient client, Signer who, String text) {
        SubmitResult r = client.submitAndWait(who, EvidenceCalls.recordEvidence(
                CryptoSuites.of("intl").hash(text.getBytes(StandardCharsets.UTF_8)).bytes(), text), Duration.ofSeconds(60));
        assertThat(r.ok()).as("%s", r).isTrue();
        return r;
    }
}
