package org.jadechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.jadechain.cli.devnet.DemoConsortium;
import org.jadechain.cli.devnet.DevnetSeed;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.node.JadeNode;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.sdk.JadeClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jade bench} end to end, for correctness only: every transfer is accounted for. No timing is asserted. */
class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void inProcessBenchCommitsEveryTransferAndWritesTheTable() throws Exception {
        Path out = dir.resolve("bench.json");
        Cli.Run r = Cli.run("bench", "--in-process", "--suite", "sm", "--wallets", "20", "--transfers", "300",
                "--batch", "50", "--concurrency", "3", "--ceiling", "5000", "--json", out.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("committed TPS", "latency", "of ceiling", "ledger growth");
        JsonNode j = JSON.readTree(out.toFile());
        assertThat(j.path("committed").asInt()).isEqualTo(300);
        assertThat(j.path("committedOk").asInt()).isEqualTo(300);
        assertThat(j.path("refused").path("submission").size()).isZero();
        assertThat(j.path("refused").path("execution").size()).isZero();
        assertThat(j.path("latencyMillis").path("count").asInt()).isEqualTo(300);
        assertThat(j.path("ceiling").path("allCoresPerSecond").asLong()).isEqualTo(5000);
        assertThat(j.path("storeBytesPerTransfer").asDouble()).isPositive();
    }

    @Test
    void benchAgainstARunningNodeAtAFixedRateCommitsEveryTransfer() throws Exception {
        Path chain = dir.resolve("chain");
        Genesis genesis = DemoConsortium.write(chain, SuiteId.INTL, 0, System.currentTimeMillis());
        try (JadeNode n = JadeNode.start(NodeConfig.read(chain.resolve("node.json")), System::currentTimeMillis)) {
            String node = "http://127.0.0.1:" + n.apiPort();
            DevnetSeed.run(new JadeClient(node), chain.resolve("keys"), genesis, System.out);
            Path out = dir.resolve("bench.json");
            Cli.Run r = Cli.run("bench", "--node", node, "--keys", chain.resolve("keys").toString(), "--wallets", "10",
                    "--transfers", "200", "--rate", "400", "--batch", "20", "--concurrency", "2", "--wallet-class", "2",
                    "--no-ceiling", "--json", out.toString());
            assertThat(r.status()).as(r.toString()).isZero();
            JsonNode j = JSON.readTree(out.toFile());
            assertThat(j.path("committedOk").asInt()).isEqualTo(200);
            assertThat(j.path("load").path("mode").asText()).isEqualTo("open-loop");
            assertThat(j.path("latencyMillis").path("count").asInt()).isEqualTo(200);
            // the wallets really moved money among themselves: the node's own count of wallets grew by 10
            JsonNode supply = new JadeClient(node).getJson("/v1/currency/supply").orElseThrow();
            assertThat(supply.path("walletCount").asInt()).isEqualTo(3 + 10);
            assertThat(supply.path("invariants").path("ok").asBoolean()).isTrue();
        }
    }
}
