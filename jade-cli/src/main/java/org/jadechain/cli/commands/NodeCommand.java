package org.jadechain.cli.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jadechain.node.JadeNode;
import org.jadechain.node.config.NodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jade node start}: runs one node until interrupted. */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Run a node.",
        subcommands = NodeCommand.Start.class)
public final class NodeCommand {

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start a node from its configuration file.")
    static final class Start implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "node configuration (node.json)")
        Path config;

        @Override
        public Integer call() throws Exception {
            JadeNode node = JadeNode.start(NodeConfig.read(config), System::currentTimeMillis);
            runUntilStopped(node);
            return 0;
        }
    }

    /** The exit status of a node that halted instead of following a block it could not reproduce. */
    public static final int HALTED = 3;

    /**
     * Blocks until the process is asked to stop (Ctrl-C, SIGTERM), then closes the node cleanly. A node that
     * halts (its roots differ from a block's) closes and ends the process with status {@value #HALTED}.
     */
    public static void runUntilStopped(JadeNode node) throws InterruptedException {
        node.onHalt(reason -> new Thread(() -> {
            System.err.println("HALTED: " + reason);
            System.err.println("this node stopped instead of following a block it could not reproduce; "
                    + "its store holds only blocks it verified");
            System.exit(HALTED);
        }, "halt-exit").start());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
