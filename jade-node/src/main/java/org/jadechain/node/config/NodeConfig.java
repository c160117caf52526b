package org.jadechain.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jadechain.consensus.solo.SoloConfig;

/**
 * A node's configuration file ({@code node.json}). Paths in it are relative to the file's directory.
 * <pre>
 * {"nodeId": "validator-1", "genesis": "genesis.json", "validatorKey": "keys/validator-1.pem",
 *  "dataDir": "db", "api": {"host": "127.0.0.1", "port": 8080},
 *  "block": {"maxTxs": 5000, "maxWaitMs": 200, "emptyBlockIntervalMs": 0},
 *  "mempool": {"capacity": 200000}, "consensus": "solo"}
 * </pre>
 */
public record NodeConfig(String nodeId, Path genesis, Path validatorKey, Path dataDir, String apiHost, int apiPort,
                         SoloConfig block, int mempoolCapacity, String consensus) {

    public static NodeConfig read(Path file) throws IOException {
        JsonNode n;
        try {
            n = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException("cannot read node configuration " + file + ": " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IOException(file + " is not a JSON object");
        }
        Path base = file.toAbsolutePath().getParent();
        JsonNode api = n.path("api");
        JsonNode block = n.path("block");
        String consensus = n.path("consensus").asText("solo");
        if (!consensus.equals("solo")) {
            throw new IOException("consensus '" + consensus + "' is not available in this build (only solo)");
        }
        int port = api.path("port").asInt(8080);
        if (port < 0 || port > 65535) {
            throw new IOException("api.port out of range: " + port);
        }
        return new NodeConfig(
                n.path("nodeId").asText("validator-1"),
                base.resolve(required(n, "genesis", file)),
                base.resolve(required(n, "validatorKey", file)),
                base.resolve(n.path("dataDir").asText("db")),
                api.path("host").asText("127.0.0.1"),
                port,
                new SoloConfig(block.path("maxTxs").asInt(5_000), block.path("maxWaitMs").asLong(200),
                        block.path("emptyBlockIntervalMs").asLong(0)),
                n.path("mempool").path("capacity").asInt(200_000),
                consensus);
    }

    private static String required(JsonNode n, String field, Path file) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IOException(file + ": field '" + field + "' is required");
        }
        return v.asText();
    }

    /** Writes a configuration with the given relative paths and settings. */
    public static void write(Path file, String nodeId, String genesis, String validatorKey, String dataDir,
                             String host, int port, SoloConfig block, int mempoolCapacity) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode n = m.createObjectNode();
        n.put("nodeId", nodeId).put("genesis", genesis).put("validatorKey", validatorKey).put("dataDir", dataDir);
        n.putObject("api").put("host", host).put("port", port);
        n.putObject("block").put("maxTxs", block.maxTxs()).put("maxWaitMs", block.maxWaitMillis())
                .put("emptyBlockIntervalMs", block.emptyBlockIntervalMillis());
        n.putObject("mempool").put("capacity", mempoolCapacity);
        n.put("consensus", "solo");
        Files.writeString(file, m.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
    }
}
