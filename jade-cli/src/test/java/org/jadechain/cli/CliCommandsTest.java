package org.jadechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.Pem;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.node.JadeNode;
import org.jadechain.node.config.NodeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code jade} client commands against a node made by {@code jade init}, run in this JVM. */
class CliCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path dir;
    private static JadeNode node;
    private static String url;

    @BeforeAll
    static void initAndStartNode() throws Exception {
        dir = tmp.resolve("jade-data");
        Cli.Run init = Cli.run("init", "--dir", dir.toString(), "--suite", "intl");
        assertThat(init.status()).as("%s", init).isZero();
        NodeConfig c = NodeConfig.read(dir.resolve("node.json"));
        NodeConfig ephemeral = new NodeConfig(c.nodeId(), c.genesis(), c.validatorKey(), c.dataDir(), c.apiHost(), 0,
                c.block(), c.mempoolCapacity(), c.consensus());
        node = JadeNode.start(ephemeral, System::currentTimeMillis);
        url = "http://127.0.0.1:" + node.apiPort();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void dbReindexRefusesADirectoryWithoutALedgerAndCreatesNothing() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-ledger"));
        Files.copy(dir.resolve("genesis.json"), empty.resolve("genesis.json"));

        Cli.Run r = Cli.run("db", "reindex", "--data", empty.toString());

        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("no ledger database in " + empty.resolve("db"));
        assertThat(empty.resolve("db")).doesNotExist();
    }

    @Test
    void initWritesTheDemoConsortiumsKeysAsPemFilesNamedById() throws Exception {
        for (String id : List.of("central-bank", "bank-a", "bank-b", "court", "mediator", "agency", "regulator",
                "citizen-1", "citizen-2", "citizen-3", "shop-1", "validator-1")) {
            KeyPair pair = Pem.readKeyPair(dir.resolve("keys").resolve(id + ".pem"));
            assertThat(Pem.readPublicKey(dir.resolve("keys").resolve(id + ".pub.pem"))).as(id).isEqualTo(pair.publicKey());
        }
        assertThat(Cli.run("init", "--dir", dir.toString()).status()).as("refuses to overwrite a chain").isNotZero();
    }

    @Test
    void evidenceRecordWritesAReceiptThatProofVerifyAcceptsOfflineAndRejectsWhenOneDigitChanges() throws Exception {
        Path document = tmp.resolve("contract.txt");
        Files.writeString(document, "the parties agree", StandardCharsets.UTF_8);
        String genesis = dir.resolve("genesis.json").toString();

        Cli.Run recorded = Cli.run("evidence", "record", document.toString(), "--node", url,
                "--key", dir.resolve("keys").resolve("citizen-1.pem").toString());

        assertThat(recorded.status()).as("%s", recorded).isZero();
        assertThat(recorded.out()).contains("block height");
        Path receipt = tmp.resolve("contract.txt.receipt.json");
        assertThat(receipt).exists();
        Cli.Run valid = Cli.run("proof", "verify", receipt.toString(), "--genesis", genesis, "--file", document.toString());
        assertThat(valid.status()).as("%s", valid).isZero();
        assertThat(valid.out()).contains("VALID");

        Path altered = tmp.resolve("altered.receipt.json");
        Files.writeString(altered, flipOneHexDigit(Files.readString(receipt), "receipt"));
        Cli.Run invalid = Cli.run("proof", "verify", altered.toString(), "--genesis", genesis, "--json");
        assertThat(invalid.status()).as("%s", invalid).isEqualTo(1);
        JsonNode verdict = JSON.readTree(invalid.out());
        assertThat(verdict.path("valid").asBoolean()).isFalse();
        assertThat(verdict.path("failedCheck").asText()).startsWith("receipt");
        assertThat(verdict.path("reason").asText()).isNotBlank();

        Cli.Run again = Cli.run("evidence", "record", document.toString(), "--node", url, "--json",
                "--key", dir.resolve("keys").resolve("citizen-2.pem").toString(), "--out", tmp.resolve("again.json").toString());
        assertThat(again.status()).as("%s", again).isZero();
        JsonNode second = JSON.readTree(again.out());
        assertThat(second.path("alreadyRecorded").asBoolean()).isTrue();
        assertThat(Cli.run("proof", "verify", tmp.resolve("again.json").toString(), "--genesis", genesis).status()).isZero();
    }

    @Test
    void statusBlockAndTxPrintJsonWithJson() throws Exception {
        Path document = tmp.resolve("memo.txt");
        Files.writeString(document, "memo", StandardCharsets.UTF_8);
        Cli.Run recorded = Cli.run("evidence", "record", document.toString(), "--node", url, "--json",
                "--key", dir.resolve("keys").resolve("citizen-3.pem").toString());
        assertThat(recorded.status()).as("%s", recorded).isZero();
        JsonNode r = JSON.readTree(recorded.out());

        Cli.Run status = Cli.run("status", "--node", url, "--json");

        assertThat(status.status()).as("%s", status).isZero();
        JsonNode s = JSON.readTree(status.out());
        assertThat(s.path("chainId").asText()).isEqualTo("jade-devnet");
        assertThat(s.path("suite").asText()).isEqualTo("intl");
        assertThat(s.path("height").asLong()).isGreaterThanOrEqualTo(r.path("blockHeight").asLong());
        Cli.Run block = Cli.run("block", r.path("blockHeight").asText(), "--node", url, "--json");
        assertThat(block.status()).as("%s", block).isZero();
        assertThat(JSON.readTree(block.out()).path("height").asLong()).isEqualTo(r.path("blockHeight").asLong());
        Cli.Run tx = Cli.run("tx", r.path("txHash").asText(), "--node", url, "--json");
        assertThat(tx.status()).as("%s", tx).isZero();
        assertThat(JSON.readTree(tx.out()).path("receipt").path("code").asText()).isEqualTo("OK");
        assertThat(Cli.run("tx", "00".repeat(32), "--node", url).status()).isEqualTo(1);
        assertThat(Cli.run("block", "100000", "--node", url).status()).isEqualTo(1);
    }

    @Test
    void clientCommandsFailWithAMessageWhenNoNodeAnswers() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        Cli.Run r = Cli.run("status", "--node", "http://127.0.0.1:" + closedPort);

        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("cannot reach node");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sm", "intl"})
    void keysNewWritesAPemPairThatReadsBack(String suite) throws Exception {
        Path key = tmp.resolve("keys-" + suite).resolve("alice.pem");

        Cli.Run r = Cli.run("keys", "new", "--suite", suite, "--out", key.toString());

        assertThat(r.status()).as("%s", r).isZero();
        KeyPair pair = Pem.readKeyPair(key);
        PublicKey pub = Pem.readPublicKey(key.resolveSibling("alice.pub.pem"));
        assertThat(pub).isEqualTo(pair.publicKey());
        assertThat(pair.suite().label()).isEqualTo(suite);
        assertThat(r.out()).contains(CryptoSuites.of(suite).address(pub).hex());
        assertThat(Cli.run("keys", "new", "--suite", suite, "--out", key.toString()).status())
                .as("never overwrites a key").isNotZero();
    }

    static Stream<List<String>> commands() {
        return Stream.of(List.of(), List.of("devnet"), List.of("init"), List.of("node"), List.of("node", "start"),
                List.of("keys"), List.of("keys", "new"), List.of("status"), List.of("block"), List.of("tx"),
                List.of("evidence"), List.of("evidence", "record"), List.of("proof"), List.of("proof", "verify"),
                List.of("verify"));
    }

    @ParameterizedTest(name = "jade {0} --help")
    @MethodSource("commands")
    void everyCommandExplainsItselfWithHelp(List<String> command) {
        String[] args = Stream.concat(command.stream(), Stream.of("--help")).toArray(String[]::new);

        Cli.Run r = Cli.run(args);

        assertThat(r.status()).as("%s", r).isZero();
        assertThat(r.out()).startsWith("Usage: jade" + (command.isEmpty() ? "" : " " + String.join(" ", command)));
    }

    /** Changes the middle hex digit of a top-level string field of a receipt file. */
    private static String flipOneHexDigit(String receiptJson, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(receiptJson);
        assertThat(m.find()).as("field %s in %s", field, receiptJson).isTrue();
        int at = m.start(1) + (m.end(1) - m.start(1)) / 2;
        char c = receiptJson.charAt(at);
        char other = c == '0' ? '1' : '0';
        return receiptJson.substring(0, at) + other + receiptJson.substring(at + 1);
    }
}
