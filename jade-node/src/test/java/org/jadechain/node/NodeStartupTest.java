package org.jadechain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.node.config.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's mistakes at start-up are refused with a message, and leave the data directory usable. */
class NodeStartupTest {
    @TempDir
    Path dir;

    @Test
    void aNodeWhoseKeyIsNotTheGenesisValidatorRefusesToStart() throws Exception {
        NodeDirectory chain = NodeDirectory.create(dir, SuiteId.INTL);
        NodeConfig c = chain.config();
        NodeConfig wrongKey = new NodeConfig(c.nodeId(), c.genesis(), dir.resolve("keys").resolve("citizen-1.pem"),
                c.dataDir(), c.apiHost(), 0, c.block(), c.mempoolCapacity(), c.consensus());

        assertThatThrownBy(() -> JadeNode.start(wrongKey, System::currentTimeMillis))
                .isInstanceOf(IOException.class).hasMessageContaining("not a validator");
    }

    @Test
    void aConfigurationAskingForAnotherConsensusIsRefused() throws Exception {
        NodeDirectory.create(dir, SuiteId.INTL);
        Path file = dir.resolve("node.json");
        Files.writeString(file, Files.readString(file).replace("\"solo\"", "\"raft\""));

        assertThatThrownBy(() -> NodeConfig.read(file)).isInstanceOf(IOException.class).hasMessageContaining("raft");
    }

    @Test
    void theRaftSnapshotThresholdIsReadWithADefaultAndANonsenseValueIsRefused() throws Exception {
        NodeDirectory.create(dir, SuiteId.INTL);
        Path file = dir.resolve("node.json");
        String solo = Files.readString(file);
        String members = "\"members\": [{\"id\": \"validator-1\", \"address\": \"127.0.0.1:9180\"}]";

        Files.writeString(file, raft(solo, "{" + members + "}"));
        assertThat(NodeConfig.read(file).raft().snapshotThreshold()).isEqualTo(10_000);
        Files.writeString(file, raft(solo, "{\"snapshotThreshold\": 50, " + members + "}"));
        assertThat(NodeConfig.read(file).raft().snapshotThreshold()).isEqualTo(50);
        Files.writeString(file, raft(solo, "{\"snapshotThreshold\": 0, " + members + "}"));
        assertThatThrownBy(() -> NodeConfig.read(file)).isInstanceOf(IOException.class).hasMessageContaining("snapshotThreshold");
    }

    private static String raft(String soloConfig, String section) {
        String json = soloConfig.replace("\"solo\"", "\"raft\"").trim();
        return json.substring(0, json.length() - 1) + ", \"raft\": " + section + "}";
    }

    @Test
    void aSecondNodeOnTheSameDataDirectoryIsRefusedWhileTheFirstKeepsServing() throws Exception {
        NodeDirectory chain = NodeDirectory.create(dir, SuiteId.INTL);
        try (JadeNode first = JadeNode.start(chain.config(), System::currentTimeMillis)) {
            Api api = new Api(first.apiPort());

            assertThatThrownBy(() -> JadeNode.start(chain.config(), System::currentTimeMillis)).hasMessageContaining("lock");

            api.awaitCommitted(api.accepted(chain.evidence("citizen-1", 0, "still serving")));
        }
    }

    @Test
    void aNodeWhosePortIsTakenFailsToStartAndReleasesItsDatabase() throws Exception {
        NodeDirectory other = NodeDirectory.create(Files.createDirectory(dir.resolve("other")), SuiteId.INTL);
        NodeDirectory chain = NodeDirectory.create(Files.createDirectory(dir.resolve("mine")), SuiteId.INTL);
        try (JadeNode occupant = JadeNode.start(other.config(), System::currentTimeMillis)) {
            NodeConfig c = chain.config();
            NodeConfig taken = new NodeConfig(c.nodeId(), c.genesis(), c.validatorKey(), c.dataDir(), c.apiHost(),
                    occupant.apiPort(), c.block(), c.mempoolCapacity(), c.consensus());

            assertThatThrownBy(() -> JadeNode.start(taken, System::currentTimeMillis)).isInstanceOf(RuntimeException.class);

            try (JadeNode retried = JadeNode.start(chain.config(), System::currentTimeMillis)) {
                assertThat(new Api(retried.apiPort()).status().path("height").asLong()).isZero();
            }
        }
    }
}
