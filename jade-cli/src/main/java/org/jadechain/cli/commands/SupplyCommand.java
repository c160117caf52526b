package org.jadechain.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jade supply}: issued, redeemed, reserves and wallets, and whether they add up. */
@Command(name = "supply", mixinStandardHelpOptions = true,
        description = "Total supply, each operator's reserve and the wallets' total; exits 1 if the ledger's invariants fail.")
public final class SupplyCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Override
    public Integer call() {
        JsonNode n = Transact.get(options.client(), "/v1/currency/supply", "the node has no currency contract");
        boolean ok = n.path("invariants").path("ok").asBoolean();
        if (options.json()) {
            Output.json(n);
            return ok ? 0 : 1;
        }
        String c = n.path("currency").asText();
        System.out.println("issued        " + n.path("issuedYuan").asText() + " " + c);
        System.out.println("redeemed      " + n.path("redeemedYuan").asText() + " " + c);
        System.out.println("supply        " + n.path("supplyYuan").asText() + " " + c + "  (issued - redeemed)");
        for (JsonNode r : n.path("reserves")) {
            System.out.println("  reserve     " + r.path("reserveYuan").asText() + "  " + r.path("operator").asText());
        }
        System.out.println("  wallets     " + n.path("walletsTotalYuan").asText() + "  (" + n.path("walletCount").asLong() + " wallets)");
        System.out.println(ok ? "adds up: reserves + wallets = supply; no negative balance; frozen <= balance; no limit broken"
                : "DOES NOT ADD UP: " + n.path("invariants").path("violations"));
        return ok ? 0 : 1;
    }
}
