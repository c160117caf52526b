package org.jadechain.cli.commands;

import java.util.concurrent.Callable;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.contracts.currency.Yuan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jade cb issue|redeem}: the central bank's issuance, and operators' redemption. */
@Command(name = "cb", mixinStandardHelpOptions = true, description = "Central bank: issue currency to operators; redeem it.",
        subcommands = {CentralBankCommand.Issue.class, CentralBankCommand.Redeem.class})
public final class CentralBankCommand {

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issue currency to an operator's reserve (central bank key; devnet default central-bank).")
    static final class Issue implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Option(names = "--to", required = true, description = "operator organisation id, e.g. bank-a")
        String operator;

        @Option(names = "--amount", required = true, description = "amount in yuan, e.g. 1000000.00")
        String amount;

        @Override
        public Integer call() throws Exception {
            long fen = Yuan.parse(amount);
            return Transact.run(options, Transact.signer(options, "central-bank"), CurrencyContract.NAME,
                    CurrencyContract.ISSUE, CurrencyCalls.issue(operator, fen), "issued " + Yuan.format(fen) + " to " + operator);
        }
    }

    @Command(name = "redeem", mixinStandardHelpOptions = true,
            description = "Return currency from an operator's reserve to the central bank, which burns it "
                    + "(operator key; devnet default bank-a).")
    static final class Redeem implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Option(names = "--amount", required = true, description = "amount in yuan")
        String amount;

        @Override
        public Integer call() throws Exception {
            long fen = Yuan.parse(amount);
            return Transact.run(options, Transact.signer(options, "bank-a"), CurrencyContract.NAME,
                    CurrencyContract.REDEEM, CurrencyCalls.redeem(fen), "redeemed " + Yuan.format(fen));
        }
    }
}
