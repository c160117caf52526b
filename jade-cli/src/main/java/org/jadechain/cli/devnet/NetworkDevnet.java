package org.jadechain.cli.devnet;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.cli.JadeCli;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.node.config.RaftSettings;
import org.jadechain.sdk.JadeClient;

/**
 * {@code jade devnet --nodes N}: N validators as separate OS processes on this machine, each running
 * {@code jade node start --config DIR/node-i/node.json} with its own data directory, API port and Raft port,
 * its output in {@code node-i/node.log}. This process watches them: it reports a node that exits (with the
 * command to start it again), and stops them all when it is stopped.
 */
public final class NetworkDevnet {
    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Duration ARCHIVE_GRACE = Duration.ofSeconds(10);

    private final Path data;
    private final int nodes;
    private final PrintStream out;
    private final List<Process> children = new ArrayList<>();
    private volatile boolean archiving;

    public NetworkDevnet(Path data, int nodes, PrintStream out) {
        this.data = data;
        this.nodes = nodes;
        this.out = out;
    }

    /** The node configurations of an existing network devnet, checked to be {@code nodes} of them. */
    public static List<NodeConfig> configs(Path data, int nodes) throws IOException {
        List<NodeConfig> configs = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            Path f = DemoConsortium.nodeDir(data, i).resolve("node.json");
            if (!Files.isRegularFile(f)) {
                throw new IOException(data + " is not a devnet of " + nodes + " nodes (no " + f + "); remove it to start over");
            }
            configs.add(NodeConfig.read(f));
        }
        if (Files.isRegularFile(DemoConsortium.nodeDir(data, nodes + 1).resolve("node.json"))) {
            throw new IOException(data + " holds a devnet of more than " + nodes + " nodes; give its --nodes or remove it");
        }
        return configs;
    }

    /** Starts the nodes, seeds a new chain, then waits until this process is stopped. Returns the exit status. */
    public int run(Genesis genesis, boolean created) throws Exception {
        List<NodeConfig> configs = configs(data, nodes);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "devnet-stop"));
        for (int i = 1; i <= nodes; i++) {
            children.add(start(i));
        }
        for (int i = 1; i <= nodes; i++) {
            String api = api(configs.get(i - 1));
            if (!awaitUp(api, children.get(i - 1))) {
                out.println("error: node-" + i + " did not serve " + api + "/v1/status within " + STARTUP.toSeconds()
                        + " s; see " + log(i));
                stopAll();
                return 1;
            }
        }
        String first = api(configs.get(0));
        JadeClient client = new JadeClient(first);
        if (created || client.status().height() == 0) {
            try {
                DevnetSeed.run(client, data.resolve("keys"), genesis, out);
            } catch (Exception e) {
                out.println("warning: could not fund the demo wallets: " + e.getMessage());
            }
        }
        out.println();
        out.println("Jadechain devnet '" + genesis.chainId() + "' (" + genesis.suite().label() + "): " + nodes
                + " nodes on Apache Ratis (validators and observers)");
        for (int i = 1; i <= nodes; i++) {
            out.println("  node-" + i + "  pid " + children.get(i - 1).pid() + "  API " + api(configs.get(i - 1))
                    + "  log " + log(i));
        }
        out.println("Keys (PEM): " + data.resolve("keys").toAbsolutePath());
        out.println("Try, in another terminal:  ./jade status   (every node: role, term, height, state root)");
        out.println("Stop with Ctrl-C (stops every node); a node killed on its own restarts with");
        out.println("  ./jade node start --config " + DemoConsortium.nodeDir(data, 1).resolve("node.json") + "   (its own node-i)");
        out.flush();
        watch();
        return 0;
    }

    private static String api(NodeConfig c) {
        RaftSettings.Member me = c.raft() == null ? null : c.raft().member(c.nodeId());
        return me != null && !me.api().isEmpty() ? me.api() : "http://127.0.0.1:" + c.apiPort();
    }

    private Path log(int i) {
        return DemoConsortium.nodeDir(data, i).resolve("node.log");
    }

    private Process start(int i) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(nodeJvmOptions());
        if (i == 1 && writesNodeArchive()) {
            archiving = true;
            cmd.addAll(List.of("-Xlog:cds*=off", "-XX:ArchiveClassesAtExit=" + NODE_ARCHIVE));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                JadeCli.class.getName(), "node", "start", "--config",
                DemoConsortium.nodeDir(data, i).resolve("node.json").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(i).toFile()));
        return pb.start();
    }

    /**
     * Where the launcher keeps the class-data-sharing archive of a Raft node's classes ({@code jade.nodeArchive}),
     * or null when not started by the launcher.
     */
    private static final String NODE_ARCHIVE = System.getProperty("jade.nodeArchive");

    /**
     * Whether node 1 writes the node archive when it exits: the launcher asked for one and there is none yet. One
     * node only, so that no two processes write the file at once.
     */
    private static boolean writesNodeArchive() {
        return NODE_ARCHIVE != null && !Files.exists(Path.of(NODE_ARCHIVE));
    }

    /**
     * This JVM's heap, collector and compiler options (the launcher's, or the user's), and the class-data-sharing
     * archive it starts from, for each node process.
     */
    private static List<String> nodeJvmOptions() {
        List<String> out = new ArrayList<>();
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xmx") || a.startsWith("-Xms") || a.matches("-XX:[+-]?Use\\w*GC")
                    || a.matches("-XX:[+-]TieredCompilation") || a.startsWith("-XX:SharedArchiveFile=")
                    || a.equals("-Xlog:cds*=off")) {
                out.add(a);
            }
        }
        return out;
    }

    private static boolean awaitUp(String api, Process p) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                return false;
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(api + "/v1/status"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** Reports nodes that exit; returns when every node has exited. */
    private void watch() throws InterruptedException {
        boolean[] reported = new boolean[children.size()];
        while (true) {
            int alive = 0;
            for (int i = 0; i < children.size(); i++) {
                Process p = children.get(i);
                if (p.isAlive()) {
                    alive++;
                } else if (!reported[i]) {
                    reported[i] = true;
                    out.println("node-" + (i + 1) + " (pid " + p.pid() + ") exited with status " + p.exitValue()
                            + "; start it again with: ./jade node start --config "
                            + DemoConsortium.nodeDir(data, i + 1).resolve("node.json"));
                    out.flush();
                }
            }
            if (alive == 0) {
                out.println("every node this devnet started has exited");
                return;
            }
            Thread.sleep(500);
        }
    }

    private void stopAll() {
        for (Process p : children) {
            p.destroy();
        }
        long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        for (int i = 0; i < children.size(); i++) {
            Process p = children.get(i);
            try {
                // node 1 may be writing the node archive as it exits, which takes a few seconds
                long left = Math.max(0, deadline - System.nanoTime()) + (i == 0 && archiving ? ARCHIVE_GRACE.toNanos() : 0);
                if (!p.waitFor(left, java.util.concurrent.TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
