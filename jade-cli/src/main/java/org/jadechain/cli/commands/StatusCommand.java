package org.jadechain.cli.commands;

import java.util.concurrent.Callable;
import org.jadechain.sdk.NodeStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jade status}. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the node's chain, height and validators.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Override
    public Integer call() {
        NodeStatus s = options.client().status();
        if (options.json()) {
            Output.json(s);
            return 0;
        }
        System.out.println("chain      " + s.chainId() + " (suite " + s.suite() + ", " + s.consensus() + ")");
        System.out.println("height     " + s.height() + "  head " + s.headHash());
        System.out.println("state root " + s.stateRoot());
        System.out.println("time       " + java.time.Instant.ofEpochMilli(s.timestamp()));
        System.out.println("mempool    " + s.mempoolSize() + " / " + s.mempoolCapacity());
        for (NodeStatus.Validator v : s.validators()) {
            System.out.println("validator  " + v.id() + " (" + v.organisation() + ") " + v.address());
        }
        return 0;
    }
}
