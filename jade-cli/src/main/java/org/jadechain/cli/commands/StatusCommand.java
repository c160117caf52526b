package org.jadechain.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jadechain.sdk.JadeApiException;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code jade status}: the node's chain, height, state root and validators; on a Raft network also every
 * member's role, term, height and state root (asked of each member's own API). Without {@code --node}, on a
 * devnet of several nodes, the first node that answers is asked.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the chain, height, state root and validators; on a network, every node's role, term, "
                + "height and state root.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Override
    public Integer call() {
        String url = reachableNode();
        JadeClient client = new JadeClient(url);
        JsonNode s = Transact.get(client, "/v1/status", "no status from " + url);
        List<ObjectNode> members = new ArrayList<>();
        for (JsonNode m : s.path("network")) {
            members.add(member(m));
        }
        if (options.json()) {
            ObjectNode n = s.deepCopy();
            if (!members.isEmpty()) {
                ArrayNode a = n.putArray("members");
                members.forEach(a::add);
            }
            Output.json(n);
            return 0;
        }
        System.out.println("node       " + s.path("nodeId").asText() + " at " + url + "  (" + s.path("role").asText()
                + (s.path("consensus").asText().equals("raft") ? ", term " + s.path("term").asLong() : "") + ")");
        System.out.println("chain      " + s.path("chainId").asText() + " (suite " + s.path("suite").asText() + ", "
                + s.path("consensus").asText() + ")");
        System.out.println("height     " + s.path("height").asLong() + "  head " + s.path("headHash").asText());
        System.out.println("state root " + s.path("stateRoot").asText());
        System.out.println("time       " + java.time.Instant.ofEpochMilli(s.path("timestamp").asLong()));
        System.out.println("mempool    " + s.path("mempool").path("size").asLong() + " / "
                + s.path("mempool").path("capacity").asLong());
        if (s.has("failure")) {
            System.out.println("HALTED     " + s.path("failure").asText());
        }
        for (JsonNode v : s.path("validators")) {
            System.out.println("validator  " + v.path("id").asText() + " (" + v.path("organisation").asText() + ") "
                    + v.path("address").asText());
        }
        if (!members.isEmpty()) {
            System.out.println();
            System.out.printf("%-14s %-9s %-6s %-8s %-18s %-26s %s%n", "NODE", "ROLE", "TERM", "HEIGHT", "STATE ROOT",
                    "API", "LEADER");
            for (ObjectNode m : members) {
                if (!m.path("reachable").asBoolean()) {
                    System.out.printf("%-14s %-9s %-6s %-8s %-18s %-26s %s%n", m.path("id").asText(), "DOWN", "-", "-",
                            "-", m.path("api").asText(), m.path("error").asText());
                } else {
                    System.out.printf("%-14s %-9s %-6d %-8d %-18s %-26s %s%n", m.path("id").asText(),
                            m.path("role").asText(), m.path("term").asLong(), m.path("height").asLong(),
                            m.path("stateRoot").asText().substring(0, Math.min(16, m.path("stateRoot").asText().length())) + "…",
                            m.path("api").asText(), m.path("leaderId").asText());
                }
            }
        }
        return 0;
    }

    private static ObjectNode member(JsonNode m) {
        ObjectNode n = Json.object();
        n.put("id", m.path("id").asText()).put("api", m.path("api").asText()).put("observer", m.path("observer").asBoolean());
        try {
            JsonNode s = new JadeClient(m.path("api").asText()).getJson("/v1/status").orElseThrow();
            n.put("reachable", true).put("role", s.path("role").asText()).put("term", s.path("term").asLong())
                    .put("leaderId", s.path("leaderId").asText()).put("height", s.path("height").asLong())
                    .put("headHash", s.path("headHash").asText()).put("stateRoot", s.path("stateRoot").asText());
            if (s.has("failure")) {
                n.put("failure", s.path("failure").asText());
            }
        } catch (RuntimeException e) {
            n.put("reachable", false).put("error", e instanceof JadeApiException ? e.getMessage() : e.toString());
        }
        return n;
    }

    /** --node / $JADE_NODE; else the default, or on a devnet of several nodes the first that answers. */
    private String reachableNode() {
        String url = options.nodeUrl();
        if (options.node != null || System.getenv("JADE_NODE") != null) {
            return url;
        }
        List<String> candidates = new ArrayList<>(List.of(url));
        for (int i = 1; i <= 16; i++) {
            Path cfg = DevnetCommand.DEFAULT_DATA.resolve("node-" + i).resolve("node.json");
            if (Files.isRegularFile(cfg)) {
                try {
                    candidates.add("http://127.0.0.1:" + org.jadechain.node.config.NodeConfig.read(cfg).apiPort());
                } catch (java.io.IOException e) {
                    // skip an unreadable configuration
                }
            }
        }
        for (String c : candidates) {
            try {
                new JadeClient(c).getJson("/v1/status");
                return c;
            } catch (RuntimeException e) {
                // try the next
            }
        }
        return url;
    }
}
