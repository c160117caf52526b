package org.jadechain.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code jade block N}. */
@Command(name = "block", mixinStandardHelpOptions = true, description = "Show a block by height or header hash.")
public final class BlockCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Parameters(paramLabel = "HEIGHT|HASH", description = "block height, or 64-hex header hash")
    String id;

    @Override
    public Integer call() {
        var client = options.client();
        var block = id.matches("\\d+") ? client.block(Long.parseLong(id)) : client.blockByHash(id);
        if (block.isEmpty()) {
            System.err.println("error: no block " + id);
            return 1;
        }
        JsonNode b = block.get();
        if (options.json()) {
            Output.json(b);
            return 0;
        }
        JsonNode h = b.path("header");
        System.out.println("block " + b.path("height").asLong() + "  " + b.path("hash").asText());
        System.out.println("  previous     " + h.path("previousHash").asText());
        System.out.println("  time         " + java.time.Instant.ofEpochMilli(h.path("timestamp").asLong()));
        System.out.println("  tx root      " + h.path("txRoot").asText());
        System.out.println("  receipt root " + h.path("receiptRoot").asText());
        System.out.println("  state root   " + h.path("stateRoot").asText());
        System.out.println("  proposer     " + h.path("proposer").asText());
        System.out.println("  signatures   " + b.path("certificate").path("signatures").size());
        for (JsonNode t : b.path("triggers")) {
            System.out.println("  trigger " + t.path("id").asText() + " " + t.path("code").asText());
        }
        for (JsonNode t : b.path("transactions")) {
            System.out.println("  tx " + t.path("txHash").asText() + " " + t.path("contract").asText() + "."
                    + t.path("method").asText() + " from " + t.path("sender").asText() + " -> " + t.path("code").asText());
        }
        return 0;
    }
}
