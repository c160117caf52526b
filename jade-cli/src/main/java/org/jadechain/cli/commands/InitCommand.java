package org.jadechain.cli.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jadechain.cli.devnet.DemoConsortium;
import org.jadechain.core.crypto.SuiteId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jade init}: a demo consortium's genesis, node configuration and keys. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a demo consortium (central bank, two banks, court, mediator, agency, regulator, "
                + "three citizens, a shop): genesis.json, node.json and keys/ID.pem in a directory.")
public final class InitCommand implements Callable<Integer> {
    @Option(names = "--dir", defaultValue = "jade-data", description = "directory to create; default ${DEFAULT-VALUE}")
    Path dir;

    @Option(names = "--suite", defaultValue = "sm", description = "sm or intl; default ${DEFAULT-VALUE}")
    String suite;

    @Option(names = "--port", defaultValue = "8080", description = "API port written into node.json; default ${DEFAULT-VALUE}")
    int port;

    @Override
    public Integer call() throws Exception {
        DemoConsortium.write(dir, SuiteId.fromLabel(suite), port, System.currentTimeMillis());
        System.out.println("wrote " + dir.resolve("genesis.json") + ", " + dir.resolve("node.json") + " and keys in "
                + dir.resolve("keys"));
        System.out.println("start the node with: jade node start --config " + dir.resolve("node.json"));
        return 0;
    }
}
