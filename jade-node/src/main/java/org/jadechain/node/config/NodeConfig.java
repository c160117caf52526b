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
 * A node of a Raft network has {@code "consensus": "raft"} and a {@code raft} section (see {@link RaftSettings}):
 * <pre>
 * "raft": {"storageDir": "raft", "snapshotThreshold": 10000,
 *          "members": [{"id": "validator-1", "address": "127.0.0.1:9180", "api": "http://127.0.0.1:8080", "observer": false}, ...]}
 * </pre>
 * {@code snapshotThreshold} (optional, default 10,000): Raft log entries between snapshots of the ledger (ADR 0008).
 */
public record NodeConfig(String nodeId, Path genesis, Path validatorKey, Path dataDir, String apiHost, int apiPort,
                         SoloConfig block, int mempoolCapacity, String consensus, RaftSettings raft) {

    /** A solo node's configuration. */
    public NodeConfig(String nodeId, Path genesis, Path validatorKey, Path dataDir, String apiHost, int apiPort,
                      SoloConfig block, int mempoolCapacity, String consensus) {
        this(nodeId, genesis, validatorKey, dataDir, apiHost, apiPort, block, mempoolCapacity, consensus, null);
    }

    /** This configuration with another API port (0: any free port). */
    public NodeConfig withApiPort(int port) {
        return new NodeConfig(nodeId, genesis, validatorKey, dataDir, apiHost, port, block, mempoolCapacity, consensus, raft);
    }

    public boolean raftMode() {
        return "raft".equals(consensus);
    }

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
        if (!consensus.equals("solo") && !consensus.equals("raft")) {
            throw new IOException(file + ": consensus must be \"solo\" or \"raft\", not '" + consensus + "'");
        }
        RaftSettings raft = consensus.equals("raft") ? raft(n.path("raft"), base, file) : null;
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
                consensus, raft);
    }

    private static RaftSettings raft(JsonNode r, Path base, Path file) throws IOException {
        if (!r.isObject()) {
            throw new IOException(file + ": consensus \"raft\" needs a \"raft\" section with the group's members");
        }
        java.util.List<RaftSettings.Member> members = new java.util.ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode m : r.path("members")) {
            String id = m.path("id").asText("");
            String address = m.path("address").asText("");
            if (id.isEmpty() || !address.matches("[^:\\s]+:\\d{1,5}")) {
                throw new IOException(file + ": each raft member needs an \"id\" and an \"address\" host:port, got " + m);
            }
            if (!ids.add(id)) {
                throw new IOException(file + ": raft member '" + id + "' is listed twice");
            }
            boolean observer = m.path("observer").asBoolean(false);
            String key = m.path("publicKey").asText("");
            if (observer && !key.matches("[0-9a-f]{2,2048}")) {
                throw new IOException(file + ": observer '" + id + "' needs its node's \"publicKey\" (hex) so peers let it in");
            }
            members.add(new RaftSettings.Member(id, address, m.path("api").asText(""), observer, key));
        }
        if (members.stream().noneMatch(m -> !m.observer())) {
            throw new IOException(file + ": the raft section lists no validator");
        }
        long snapshotThreshold = r.path("snapshotThreshold").asLong(RaftSettings.DEFAULT_SNAPSHOT_THRESHOLD);
        if (snapshotThreshold < 1) {
            throw new IOException(file + ": raft \"snapshotThreshold\" must be a number of log entries, at least 1");
        }
        return new RaftSettings(base.resolve(r.path("storageDir").asText("raft")), members, snapshotThreshold);
    }

    private static String required(JsonNode n, String field, Path file) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IOException(file + ": field '" + field + "' is required");
        }
        return v.asText();
    }

    /** Writes a raft node's configuration: as {@link #write} plus the group's members. */
    public static void writeRaft(Path file, String nodeId, String genesis, String validatorKey, String dataDir,
                                 String host, int port, SoloConfig block, int mempoolCapacity, String raftStorageDir,
                                 java.util.List<RaftSettings.Member> members) throws IOException {
        write(file, nodeId, genesis, validatorKey, dataDir, host, port, block, mempoolCapacity);
        ObjectMapper m = new ObjectMapper();
        ObjectNode n = (ObjectNode) m.readTree(Files.readAllBytes(file));
        n.put("consensus", "raft");
        ObjectNode r = n.putObject("raft");
        r.put("storageDir", raftStorageDir);
        com.fasterxml.jackson.databind.node.ArrayNode a = r.putArray("members");
        for (RaftSettings.Member mem : members) {
            com.fasterxml.jackson.databind.node.ObjectNode o = a.addObject().put("id", mem.id()).put("address", mem.address())
                    .put("api", mem.api()).put("observer", mem.observer());
            if (!mem.publicKey().isEmpty()) {
                o.put("publicKey", mem.publicKey());
            }
        }
        Files.writeString(file, m.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
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
