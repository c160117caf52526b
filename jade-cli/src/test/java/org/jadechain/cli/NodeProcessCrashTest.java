package org.jadechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.model.Transaction;
import org.jadechain.sdk.EvidenceCalls;
import org.jadechain.sdk.EvidenceRecord;
import org.jadechain.sdk.GenesisFile;
import org.jadechain.sdk.JadeApiException;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.NodeStatus;
import org.jadechain.sdk.ReceiptBundle;
import org.jadechain.sdk.ReceiptVerifier;
import org.jadechain.sdk.Signer;
import org.jadechain.sdk.SubmitResult;
import org.jadechain.sdk.TransactionBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end test of issue #2: a real node process (as {@code jade node start} runs it) records
 * evidence over HTTP, is killed with SIGKILL while blocks are being produced, restarts at the same height
 * with the record and a valid proof, stops cleanly, and passes {@code jade verify} — which fails once one
 * byte of its database is flipped.
 */
class NodeProcessCrashTest {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private Process node;
    private Path log;

    @AfterEach
    void killNode() throws InterruptedException {
        if (node != null && node.isAlive()) {
            node.destroyForcibly();
            node.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aNodeKilledWithSigkillRestartsAtTheSameHeightWithTheRecordAndAValidProof() throws Exception {
        Path dir = tmp.resolve("jade-data");
        int port = freePort();
        assertThat(JadeCli.run("init", "--dir", dir.toString(), "--suite", "intl", "--port", String.valueOf(port))).isZero();
        Genesis genesis = GenesisFile.read(dir.resolve("genesis.json"));
        JadeClient client = new JadeClient("http://127.0.0.1:" + port);
        Signer citizen = Signer.load(dir.resolve("keys").resolve("citizen-1.pem"));
        Path document = tmp.resolve("lease.pdf");
        Files.writeString(document, "a signed lease", StandardCharsets.UTF_8);
        Hash documentHash = EvidenceCalls.documentHash(CryptoSuites.of("intl"), document);

        startNode(dir);
        awaitStatus(client);
        SubmitResult recorded = client.submitAndWait(citizen, EvidenceCalls.recordEvidence(documentHash.bytes(), "lease"),
                Duration.ofSeconds(30));
        assertThat(recorded.ok()).as("%s", recorded).isTrue();
        ReceiptBundle proof = client.proof(recorded.txHash()).orElseThrow();
        assertThat(new ReceiptVerifier(genesis).verify(proof).valid()).isTrue();
        keepTheOrdererBusy(client, genesis, dir);
        NodeStatus beforeKill = client.status();

        node.destroyForcibly();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("the node process died").isTrue();
        startNode(dir);
        NodeStatus restarted = awaitStatus(client);

        assertThat(restarted.height()).as("no committed block is lost").isGreaterThanOrEqualTo(beforeKill.height());
        assertThat(client.block(recorded.height()).orElseThrow().path("hash").asText()).isEqualTo(proof.headerHash());
        EvidenceRecord record = client.evidence(documentHash.bytes()).orElseThrow();
        assertThat(record.txHash()).isEqualTo(recorded.txHash());
        assertThat(record.height()).isEqualTo(recorded.height());
        assertThat(record.recorder()).isEqualTo(citizen.address().hex());
        ReceiptBundle proofAfter = client.proof(recorded.txHash()).orElseThrow();
        assertThat(new ReceiptVerifier(genesis).verify(proofAfter).valid()).isTrue();
        assertThat(proofAfter.toText()).isEqualTo(proof.toText());
        SubmitResult next = client.submitAndWait(citizen, EvidenceCalls.recordEvidence(
                CryptoSuites.of("intl").hash("after the crash".getBytes(StandardCharsets.UTF_8)).bytes(), "after"),
                Duration.ofSeconds(30));
        assertThat(next.ok()).isTrue();
        assertThat(next.height()).isGreaterThan(restarted.height());

        node.destroy();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("the node stops on SIGTERM").isTrue();
        Cli.Run verified = Cli.run("verify", "--data", dir.toString());
        assertThat(verified.status()).as("%s", verified).isZero();
        assertThat(verified.out()).contains("OK");

        Path copy = tmp.resolve("copy");
        copyTree(dir, copy);
        Path victim = largestDatabaseFile(copy.resolve("db"));
        flipMiddleByte(victim);
        Cli.Run damaged = Cli.run("verify", "--data", copy.toString());
        assertThat(damaged.status()).as("after flipping a byte of %s: %s", victim.getFileName(), damaged).isNotZero();
        assertThat(damaged.out() + damaged.err()).contains("DAMAGED");
    }

    /** Submits a burst from a second citizen without waiting, so the kill lands while blocks are being produced. */
    private static void keepTheOrdererBusy(JadeClient client, Genesis genesis, Path dir) throws Exception {
        Signer busy = Signer.load(dir.resolve("keys").resolve("citizen-2.pem"));
        TransactionBuilder b = new TransactionBuilder(genesis.chainId(), SuiteId.INTL, busy);
        for (int i = 0; i < 50; i++) {
            Transaction tx = b.build(i, EvidenceCalls.recordEvidence(
                    CryptoSuites.of("intl").hash(("burst " + i).getBytes(StandardCharsets.UTF_8)).bytes(), "burst"));
            client.submit(tx);
        }
    }

    private void startNode(Path dir) throws IOException {
        log = tmp.resolve("node-" + System.nanoTime() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        node = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.jadechain.cli.JadeCli",
                "node", "start", "--config", dir.resolve("node.json").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the node answers /v1/status, failing early (with its log) if the process exits. */
    private NodeStatus awaitStatus(JadeClient client) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            assertThat(node.isAlive()).as("node process exited early; log:%n%s", readLog()).isTrue();
            try {
                return client.status();
            } catch (JadeApiException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no /v1/status within " + START_TIMEOUT + "; log:\n" + readLog(), e);
                }
                Thread.sleep(100);
            }
        }
    }

    private String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        return org.jadechain.testkit.LoopbackPorts.free();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("LOCK")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static Path largestDatabaseFile(Path db) throws IOException {
        try (Stream<Path> files = Files.list(db)) {
            List<Path> candidates = files.filter(p -> p.toString().endsWith(".sst") || p.toString().endsWith(".log")).toList();
            assertThat(candidates).as("table or log files in %s", db).isNotEmpty();
            return candidates.stream().max(Comparator.comparingLong(NodeProcessCrashTest::size)).orElseThrow();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void flipMiddleByte(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x01);
        }
    }
}
