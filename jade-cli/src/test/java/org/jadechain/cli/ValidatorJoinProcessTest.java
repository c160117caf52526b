package org.jadechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jadechain.cli.devnet.DemoConsortium;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.Pem;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.node.config.RaftSettings;
import org.jadechain.consensus.solo.SoloConfig;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.Signer;
import org.jadechain.sdk.SubmitResult;
import org.jadechain.testkit.LoopbackPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #5, item 7, with real OS processes: a fourth validator with a key not in genesis starts from an
 * empty data directory and is not let in; the governing organisations (central bank and bank-a of
 * central-bank, bank-a, bank-b) adopt it through the {@code jade governance} commands; the leader adds it to
 * the Raft group, it catches up from the log and then counts: with one of the original validators killed,
 * the network of four still commits, which needs the new validator's vote and signature. Every height has
 * the same block on every node, and {@code jade verify} passes on all four data directories.
 */
class ValidatorJoinProcessTest {
    private static final int GENESIS_VALIDATORS = 3;
    private static final int NODES = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void aValidatorAddedByGovernanceJoinsTheRaftGroupCatchesUpAndCounts() throws Exception {
        dir = tmp.resolve("net");
        int apiBase = LoopbackPorts.range(NODES);
        int raftBase = LoopbackPorts.range(NODES);
        DemoConsortium.writeNetwork(dir, SuiteId.INTL, GENESIS_VALIDATORS, apiBase, raftBase, System.currentTimeMillis());
        String newAddress = "127.0.0.1:" + (raftBase + 3);
        writeJoiningNode(apiBase + 3, newAddress);
        net = new NodeProcesses(dir, NODES, apiBase, "jade-jointest");
        nodes = net.nodes;
        apis = net.apis;
        for (int i = 0; i < GENESIS_VALIDATORS; i++) {
            net.start(i);
        }
        for (int i = 0; i < GENESIS_VALIDATORS; i++) {
            net.awaitStatus(i);
        }
        // One signer per node: a client asks the node it talks to for its next nonce, and another node may not
        // have applied the block with the previous one yet.
        Signer[] signers = new Signer[NODES];
        List<String> people = List.of("citizen-1", "citizen-2", "citizen-3", "shop-1");
        for (int i = 0; i < NODES; i++) {
            signers[i] = Signer.load(dir.resolve("keys").resolve(people.get(i) + ".pem"));
        }
        List<SubmitResult> acknowledged = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            int node = n % GENESIS_VALIDATORS;
            acknowledged.add(NodeProcesses.record(new JadeClient(apis[node]), signers[node], "before " + n));
        }

        net.start(3);
        net.awaitStatus(3);
        Thread.sleep(2_000);
        assertThat(new JadeClient(apis[3]).status().height()).as("a validator not yet adopted receives nothing").isZero();

        Cli.Run proposed = Cli.run("governance", "propose-add", "validator-4", "--organisation", "court",
                "--validator-key", dir.resolve("keys/validator-4.pub.pem").toString(), "--raft-address", newAddress,
                "--reason", "the court runs a validator", "--key", dir.resolve("keys/central-bank.pem").toString(),
                "--node", apis[0], "--json");
        assertThat(proposed.status()).as("%s", proposed).isZero();
        String proposal = JSON.readTree(proposed.out()).path("proposal").asText();
        assertThat(proposal).as("%s", proposed).startsWith("G-");
        Cli.Run approved = Cli.run("governance", "approve", proposal, "--key", dir.resolve("keys/bank-a.pem").toString(),
                "--node", apis[1], "--json");
        assertThat(approved.status()).as("%s", approved).isZero();

        NodeProcesses.await("four Raft voters on every genesis validator", () -> {
            for (int i = 0; i < GENESIS_VALIDATORS; i++) {
                if (voters(i).size() != 4) {
                    return false;
                }
            }
            return true;
        });
        long target = new JadeClient(apis[0]).status().height();
        net.awaitHeight(3, target);

        int leader = net.leader();
        int victim = leader == 0 ? 1 : 0;
        nodes[victim].destroyForcibly();
        assertThat(nodes[victim].waitFor(30, TimeUnit.SECONDS)).isTrue();
        int survivor = victim == 0 ? 1 : 0;
        for (int n = 0; n < 5; n++) {
            int node = n % 2 == 0 ? 3 : survivor;
            acknowledged.add(NodeProcesses.record(new JadeClient(apis[node]), signers[node], "three of four " + n));
        }
        net.start(victim);
        net.awaitStatus(victim);

        long top = new JadeClient(apis[net.leader()]).status().height();
        for (int i = 0; i < NODES; i++) {
            net.awaitHeight(i, top);
        }
        JadeClient reference = new JadeClient(apis[survivor]);
        for (int i = 0; i < NODES; i++) {
            JadeClient c = new JadeClient(apis[i]);
            for (long h = 0; h <= top; h++) {
                assertThat(c.block(h).orElseThrow().path("hash").asText()).as("block %d on node %d", h, i)
                        .isEqualTo(reference.block(h).orElseThrow().path("hash").asText());
            }
            for (SubmitResult r : acknowledged) {
                assertThat(c.transaction(r.txHash()).orElseThrow().committed()).as("tx %s on node %d", r.txHash(), i).isTrue();
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

    /** validator-4's key and node directory; its members are the genesis validators' plus itself. */
    private void writeJoiningNode(int apiPort, String raftAddress) throws IOException {
        KeyPair key = CryptoSuites.of(SuiteId.INTL).generateKeyPair(new SecureRandom());
        Pem.writeKeyPair(dir.resolve("keys/validator-4.pem"), dir.resolve("keys/validator-4.pub.pem"), key);
        JsonNode first = JSON.readTree(Files.readAllBytes(DemoConsortium.nodeDir(dir, 1).resolve("node.json")));
        List<RaftSettings.Member> members = new ArrayList<>();
        for (JsonNode m : first.path("raft").path("members")) {
            members.add(new RaftSettings.Member(m.path("id").asText(), m.path("address").asText(), m.path("api").asText(),
                    m.path("observer").asBoolean(), m.path("publicKey").asText("")));
        }
        members.add(new RaftSettings.Member("validator-4", raftAddress, "http://127.0.0.1:" + apiPort, false));
        Path nd = DemoConsortium.nodeDir(dir, 4);
        Files.createDirectories(nd);
        NodeConfig.writeRaft(nd.resolve("node.json"), "validator-4", "../genesis.json", "../keys/validator-4.pem", "db",
                "127.0.0.1", apiPort, new SoloConfig(5_000, 100, 0), 200_000, "raft", members);
    }

    private List<String> voters(int i) {
        List<String> out = new ArrayList<>();
        new JadeClient(apis[i]).getJson("/v1/status").orElseThrow().path("raftVoters").forEach(v -> out.add(v.asText()));
        return out;
    }

}
