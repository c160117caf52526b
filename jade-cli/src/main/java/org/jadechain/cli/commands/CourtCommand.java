package org.jadechain.cli.commands;

import java.util.concurrent.Callable;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.contracts.currency.Yuan;
import org.jadechain.core.crypto.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jade court freeze|unfreeze|deduct}: court orders against wallets (court key; devnet default court). */
@Command(name = "court", mixinStandardHelpOptions = true, description = "Court orders: freeze, unfreeze and deduct wallet funds.",
        subcommands = {CourtCommand.Freeze.class, CourtCommand.Unfreeze.class, CourtCommand.Deduct.class})
public final class CourtCommand {
    static final String DEFAULT = "court";

    @Command(name = "freeze", mixinStandardHelpOptions = true, description = "Freeze an amount of a wallet for a case.")
    static final class Freeze implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", paramLabel = "WALLET")
        String wallet;

        @Parameters(index = "1", paramLabel = "AMOUNT")
        String amount;

        @Option(names = "--case", required = true, description = "case id")
        String caseId;

        @Override
        public Integer call() throws Exception {
            Address w = Transact.address(options.client(), wallet);
            long fen = Yuan.parse(amount);
            return Transact.run(options, Transact.signer(options, DEFAULT), CurrencyContract.NAME, CurrencyContract.FREEZE,
                    CurrencyCalls.freeze(w, fen, caseId), "froze " + Yuan.format(fen) + " of " + w + " for case " + caseId);
        }
    }

    @Command(name = "unfreeze", mixinStandardHelpOptions = true, description = "Release what a case froze in a wallet.")
    static final class Unfreeze implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", paramLabel = "WALLET")
        String wallet;

        @Option(names = "--case", required = true)
        String caseId;

        @Override
        public Integer call() throws Exception {
            Address w = Transact.address(options.client(), wallet);
            return Transact.run(options, Transact.signer(options, DEFAULT), CurrencyContract.NAME, CurrencyContract.UNFREEZE,
                    CurrencyCalls.unfreeze(w, caseId), "released case " + caseId + " on " + w);
        }
    }

    @Command(name = "deduct", mixinStandardHelpOptions = true,
            description = "Move frozen funds of a case from a wallet to another (the only way frozen money moves).")
    static final class Deduct implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", paramLabel = "WALLET")
        String wallet;

        @Parameters(index = "1", paramLabel = "TO")
        String to;

        @Parameters(index = "2", paramLabel = "AMOUNT")
        String amount;

        @Option(names = "--case", required = true)
        String caseId;

        @Override
        public Integer call() throws Exception {
            Address w = Transact.address(options.client(), wallet);
            Address t = Transact.address(options.client(), to);
            long fen = Yuan.parse(amount);
            return Transact.run(options, Transact.signer(options, DEFAULT), CurrencyContract.NAME, CurrencyContract.DEDUCT,
                    CurrencyCalls.deduct(w, t, fen, caseId), "deducted " + Yuan.format(fen) + " from " + w + " to " + t);
        }
    }
}
