package org.jadechain.cli.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jadechain.cli.devnet.DemoConsortium;
import org.jadechain.cli.devnet.DevnetSeed;
import org.jadechain.cli.devnet.NetworkDevnet;
import org.jadechain.sdk.JadeClient;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.node.JadeNode;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.sdk.GenesisFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jade devnet [--nodes N]}: a local network with the demo consortium, in ./devnet-data. */
@Command(name = "devnet", mixinStandardHelpOptions = true,
        description = "Start a local network (creating ./devnet-data with demo keys on first run): one validator, "
                + "or with --nodes N that many validators as separate processes on Apache Ratis.")
public final class DevnetCommand implements Callable<Integer> {
    public static final Path DEFAULT_DATA = Path.of("devnet-data");

    /** A new solo devnet cuts an empty block after this long without one, so that the console shows the chain alive. */
    static final long HEARTBEAT_MILLIS = 3_000;

    @Option(names = "--suite", description = "crypto suite for a new devnet: sm (default) or intl")
    String suite;

    @Option(names = "--data", defaultValue = "devnet-data", description = "data directory; default ${DEFAULT-VALUE}")
    Path data;

    @Option(names = "--port", defaultValue = "8080", description = "API port for a new devnet; default ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--nodes", defaultValue = "1",
            description = "validators, each a separate process on Apache Ratis (API ports 8080, 8081, …); default 1 (solo)")
    int nodes;

    @Option(names = "--raft-port", defaultValue = "9180", description = "first Raft port with --nodes; default ${DEFAULT-VALUE}")
    int raftPort;

    @Option(names = "--observers", defaultValue = "0",
            description = "with --nodes: also this many non-voting observer nodes (API ports after the validators')")
    int observers;

    @Override
    public Integer call() throws Exception {
        if (nodes > 1) {
            return network();
        }
        if (nodes < 1) {
            throw new IllegalArgumentException("--nodes must be at least 1");
        }
        if (Files.isRegularFile(DemoConsortium.nodeDir(data, 1).resolve("node.json"))) {
            throw new IllegalArgumentException(data + " holds a devnet of several nodes; start it with its --nodes");
        }
        Path genesisFile = data.resolve("genesis.json");
        Genesis genesis;
        if (!Files.exists(genesisFile)) {
            SuiteId s = SuiteId.fromLabel(suite == null ? "sm" : suite);
            genesis = DemoConsortium.write(data, s, port, System.currentTimeMillis(), HEARTBEAT_MILLIS);
            System.out.println("created a new devnet in " + data + " (suite " + s.label() + ")");
        } else {
            genesis = GenesisFile.read(genesisFile);
            if (suite != null && SuiteId.fromLabel(suite) != genesis.suite()) {
                System.err.println("error: " + data + " holds a devnet made with suite " + genesis.suite().label()
                        + "; remove the directory to start over with --suite " + suite);
                return 2;
            }
            System.out.println("resuming the devnet in " + data);
        }
        NodeConfig config = NodeConfig.read(data.resolve("node.json"));
        JadeNode node = JadeNode.start(config, System::currentTimeMillis, data.resolve("keys"));
        String url = "http://localhost:" + node.apiPort();
        if (node.context().ledger().height() == 0) {
            try {
                DevnetSeed.run(new JadeClient(url), data.resolve("keys"), genesis, System.out);
            } catch (Exception e) {
                System.err.println("warning: could not fund the demo wallets: " + e.getMessage());
            }
        }
        System.out.println();
        System.out.println("Jadechain devnet '" + genesis.chainId() + "' (" + genesis.suite().label() + ") at height "
                + node.context().ledger().height() + ", API on " + url + "/v1/status");
        System.out.println("Web console: " + url + "/ (acts as the demo identities below)");
        System.out.println("Keys (PEM, public halves *.pub.pem): " + data.resolve("keys").toAbsolutePath());
        System.out.println("  organisations: central-bank bank-a bank-b court mediator agency regulator;"
                + " people: citizen-1..3 shop-1 (client commands default to citizen-1)");
        System.out.println("Try, in another terminal:");
        System.out.println("  ./jade status");
        System.out.println("  ./jade evidence record README.md");
        System.out.println("  ./jade proof verify README.md.receipt.json");
        System.out.println("  ./jade wallet balance                  (citizen-1's wallet; then: ./jade wallet pay citizen-3 12.50)");
        System.out.println("  ./jade mediation propose --creditor shop-1 --debtor citizen-1 --court court --installment 100.00@+1m "
                + "--terms README.md --key " + data.resolve("keys/mediator.pem"));
        System.out.println("  ./jade records list                    (see README.md for the courts and records walkthroughs)");
        System.out.println("Stop with Ctrl-C; start again with ./jade devnet to resume where it stopped.");
        System.out.flush();
        NodeCommand.runUntilStopped(node);
        return 0;
    }

    private int network() throws Exception {
        Path genesisFile = data.resolve("genesis.json");
        Genesis genesis;
        boolean created = !Files.exists(genesisFile);
        if (created) {
            SuiteId s = SuiteId.fromLabel(suite == null ? "sm" : suite);
            genesis = DemoConsortium.writeNetwork(data, s, nodes, observers, port, raftPort, System.currentTimeMillis());
            System.out.println("created a new devnet of " + nodes + " validators" + (observers > 0 ? " and " + observers
                    + " observers" : "") + " in " + data + " (suite " + s.label() + ")");
        } else {
            genesis = GenesisFile.read(genesisFile);
            if (suite != null && SuiteId.fromLabel(suite) != genesis.suite()) {
                System.err.println("error: " + data + " holds a devnet made with suite " + genesis.suite().label()
                        + "; remove the directory to start over with --suite " + suite);
                return 2;
            }
            System.out.println("resuming the devnet of " + nodes + " validators in " + data);
        }
        if (!created && observers == 0) {
            while (Files.isRegularFile(DemoConsortium.nodeDir(data, nodes + observers + 1).resolve("node.json"))) {
                observers++;
            }
        }
        return new NetworkDevnet(data, nodes + observers, System.out).run(genesis, created);
    }
}
