package org.jadechain.cli.commands;

import java.util.concurrent.Callable;
import org.jadechain.sdk.TxView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code jade tx HASH}. */
@Command(name = "tx", mixinStandardHelpOptions = true, description = "Show a transaction and its receipt.")
public final class TxCommand implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Parameters(paramLabel = "HASH", description = "transaction hash (64 hex digits)")
    String hash;

    @Override
    public Integer call() {
        var view = options.client().transaction(hash);
        if (view.isEmpty()) {
            System.err.println("error: no transaction " + hash + " is pending or committed on " + options.nodeUrl());
            return 1;
        }
        TxView t = view.get();
        if (options.json()) {
            Output.json(t.json());
            return 0;
        }
        var tx = t.json().path("transaction");
        System.out.println("tx " + t.txHash() + "  " + t.status());
        System.out.println("  " + tx.path("contract").asText() + "." + tx.path("method").asText() + " from "
                + tx.path("sender").asText() + " nonce " + tx.path("nonce").asLong());
        if (t.committed()) {
            System.out.println("  block " + t.height() + " position " + t.index() + " at " + java.time.Instant.ofEpochMilli(t.timestamp()));
            System.out.println("  result " + t.receipt().code() + (t.receipt().message().isEmpty() ? "" : ": " + t.receipt().message()));
            t.receipt().output().forEach((k, v) -> System.out.println("  " + k + " = " + v));
        }
        return 0;
    }
}
