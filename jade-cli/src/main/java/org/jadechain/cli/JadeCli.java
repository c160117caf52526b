package org.jadechain.cli;

import org.jadechain.cli.commands.BankCommand;
import org.jadechain.cli.commands.BenchCommand;
import org.jadechain.cli.commands.BlockCommand;
import org.jadechain.cli.commands.CentralBankCommand;
import org.jadechain.cli.commands.CourtCommand;
import org.jadechain.cli.commands.DbCommand;
import org.jadechain.cli.commands.GovernanceCommand;
import org.jadechain.cli.commands.MediationCommand;
import org.jadechain.cli.commands.RecordsCommand;
import org.jadechain.cli.commands.RegulatorCommand;
import org.jadechain.cli.commands.SupplyCommand;
import org.jadechain.cli.commands.WalletCommand;
import org.jadechain.cli.commands.DevnetCommand;
import org.jadechain.cli.commands.EvidenceCommand;
import org.jadechain.cli.commands.InitCommand;
import org.jadechain.cli.commands.KeysCommand;
import org.jadechain.cli.commands.NodeCommand;
import org.jadechain.cli.commands.ProofCommand;
import org.jadechain.cli.commands.StatusCommand;
import org.jadechain.cli.commands.TxCommand;
import org.jadechain.cli.commands.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jade} command. */
@Command(name = "jade", mixinStandardHelpOptions = true, version = "jade 0.1.0",
        description = "Jadechain: a permissioned ledger for a sovereign digital currency, courts and records.",
        subcommands = {DevnetCommand.class, InitCommand.class, NodeCommand.class, KeysCommand.class,
                StatusCommand.class, BlockCommand.class, TxCommand.class, EvidenceCommand.class,
                ProofCommand.class, VerifyCommand.class, CentralBankCommand.class, BankCommand.class,
                WalletCommand.class, CourtCommand.class, RegulatorCommand.class, SupplyCommand.class,
                MediationCommand.class, RecordsCommand.class, GovernanceCommand.class, BenchCommand.class, DbCommand.class,
                CommandLine.HelpCommand.class})
public final class JadeCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (0 only on success). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new JadeCli());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return cl.execute(args);
    }
}
