package org.jadechain.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.contracts.currency.Yuan;
import org.jadechain.core.crypto.Address;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.Signer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jade wallet ...}: what a wallet holder does. The wallet is the signing key's. */
@Command(name = "wallet", mixinStandardHelpOptions = true,
        description = "Wallet holder: pay, exchange back to deposits, see balance and history (devnet default key: citizen-1).",
        subcommands = {WalletCommand.Pay.class, WalletCommand.ExchangeOut.class, WalletCommand.Balance.class,
                WalletCommand.History.class})
public final class WalletCommand {

    @Command(name = "pay", mixinStandardHelpOptions = true, description = "Pay another wallet.")
    static final class Pay implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", paramLabel = "TO", description = "payee wallet: address, key file or devnet identity (e.g. shop-1)")
        String to;

        @Parameters(index = "1", paramLabel = "AMOUNT", description = "yuan, e.g. 1500.00")
        String amount;

        @Option(names = "--memo", defaultValue = "", description = "a note for the payee (at most 256 bytes)")
        String memo;

        @Override
        public Integer call() throws Exception {
            Address payee = Transact.address(options.client(), to);
            long fen = Yuan.parse(amount);
            return Transact.run(options, options.signer(), CurrencyContract.NAME, CurrencyContract.TRANSFER,
                    CurrencyCalls.transfer(payee, fen, memo), "paid " + Yuan.format(fen) + " to " + payee);
        }
    }

    @Command(name = "exchange-out", mixinStandardHelpOptions = true,
            description = "Move currency from your wallet back to your bank (digital cash -> deposits).")
    static final class ExchangeOut implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", paramLabel = "AMOUNT")
        String amount;

        @Override
        public Integer call() throws Exception {
            long fen = Yuan.parse(amount);
            return Transact.run(options, options.signer(), CurrencyContract.NAME, CurrencyContract.EXCHANGE_OUT,
                    CurrencyCalls.exchangeOut(fen), "exchanged " + Yuan.format(fen) + " out to your bank");
        }
    }

    static Address walletOf(ClientOptions options, JadeClient client, String ref) throws Exception {
        if (ref != null) {
            return Transact.address(client, ref);
        }
        Signer s = options.signer();
        return s.address();
    }

    @Command(name = "balance", mixinStandardHelpOptions = true, description = "Balance, frozen amount, class and limits left today.")
    static final class Balance implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", arity = "0..1", paramLabel = "WALLET", description = "default: the --key's own wallet")
        String wallet;

        @Override
        public Integer call() throws Exception {
            JadeClient client = options.client();
            Address w = walletOf(options, client, wallet);
            JsonNode n = Transact.get(client, "/v1/currency/wallets/" + w.hex(), "no wallet " + w.hex() + " (ask a bank to open one)");
            if (options.json()) {
                Output.json(n);
                return 0;
            }
            System.out.println("wallet    " + w + " (class " + n.path("class").asInt() + ", opened by " + n.path("operator").asText() + ")");
            System.out.println("balance   " + n.path("balanceYuan").asText());
            System.out.println("frozen    " + n.path("frozenYuan").asText());
            System.out.println("available " + n.path("availableYuan").asText());
            JsonNode l = n.path("limits");
            System.out.println("limits    balance " + l.path("maxBalanceYuan").asText() + ", single payment "
                    + l.path("maxPaymentYuan").asText() + ", daily " + l.path("maxDailyYuan").asText()
                    + (l.path("leftToday").isNull() ? "" : " (" + l.path("leftTodayYuan").asText() + " left today)"));
            for (JsonNode f : n.path("freezes")) {
                System.out.println("frozen by " + f.path("court").asText() + " for case " + f.path("caseId").asText()
                        + ": " + f.path("amountYuan").asText());
            }
            return 0;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "A wallet's history, newest first.")
    static final class History implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", arity = "0..1", paramLabel = "WALLET")
        String wallet;

        @Option(names = "--limit", defaultValue = "20")
        int limit;

        @Override
        public Integer call() throws Exception {
            JadeClient client = options.client();
            Address w = walletOf(options, client, wallet);
            JsonNode n = Transact.get(client, "/v1/currency/wallets/" + w.hex() + "/history?limit=" + limit, "no wallet " + w.hex());
            if (options.json()) {
                Output.json(n);
                return 0;
            }
            System.out.println("wallet " + w + ": " + n.path("total").asLong() + " entries");
            for (JsonNode e : n.path("entries")) {
                System.out.printf("  #%-4d block %-6d %-12s %14s  %s %s%n", e.path("index").asLong(), e.path("height").asLong(),
                        e.path("kind").asText(), e.path("amountYuan").asText(), e.path("counterparty").asText(),
                        e.path("reference").asText());
            }
            return 0;
        }
    }
}
