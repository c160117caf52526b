package org.jadechain.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import org.jadechain.contracts.governance.GovernanceCalls;
import org.jadechain.contracts.governance.GovernanceContract;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jade governance validators|propose-add|propose-remove|approve|withdraw}: the validator set on the
 * ledger and changes to it, decided by a majority of the governing organisations (devnet default key: the
 * central bank's).
 */
@Command(name = "governance", mixinStandardHelpOptions = true,
        description = "The validator set on the ledger, and changes to it decided by the governing organisations.",
        subcommands = {GovernanceCommand.Validators.class, GovernanceCommand.ProposeAdd.class,
                GovernanceCommand.ProposeRemove.class, GovernanceCommand.Approve.class, GovernanceCommand.Withdraw.class})
public final class GovernanceCommand {
    static final String DEFAULT = "central-bank";

    @Command(name = "validators", mixinStandardHelpOptions = true,
            description = "Every version of the validator set and the heights it certifies; the governing organisations.")
    static final class Validators implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Override
        public Integer call() {
            JsonNode n = Transact.get(options.client(), "/v1/governance/validators", "the node has no governance API");
            if (options.json()) {
                Output.json(n);
                return 0;
            }
            System.out.println("governing organisations: " + n.path("governors"));
            for (JsonNode v : n.path("versions")) {
                System.out.println("version " + v.path("version").asLong() + ", from height " + v.path("fromHeight").asLong()
                        + (v.path("adoptedBy").isNull() ? " (genesis)" : " (adopted by tx " + v.path("adoptedBy").asText() + ")"));
                for (JsonNode m : v.path("validators")) {
                    System.out.println("  " + m.path("id").asText() + " (" + m.path("organisation").asText() + ") "
                            + m.path("address").asText() + (m.path("raftAddress").isNull() ? "" : "  raft " + m.path("raftAddress").asText()));
                }
            }
            return 0;
        }
    }

    @Command(name = "propose-add", mixinStandardHelpOptions = true, description = "Propose a new validator.")
    static final class ProposeAdd implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Mixin
        ReceiptOption receipt;

        @Parameters(index = "0", paramLabel = "ID", description = "the new validator's id, e.g. validator-4")
        String id;

        @Option(names = "--organisation", required = true, description = "the organisation that runs it")
        String organisation;

        @Option(names = "--validator-key", required = true, description = "its public (or private) key file")
        java.nio.file.Path key;

        @Option(names = "--raft-address", required = true, description = "its Raft endpoint, host:port")
        String raftAddress;

        @Option(names = "--reason", required = true)
        String reason;

        @Override
        public Integer call() throws Exception {
            return Transact.run(options, receipt, Transact.signer(options, DEFAULT), GovernanceContract.NAME,
                    GovernanceContract.PROPOSE, GovernanceCalls.proposeAdd(id, organisation, Transact.publicKey(key),
                            raftAddress, reason), "proposed adding validator " + id);
        }
    }

    @Command(name = "propose-remove", mixinStandardHelpOptions = true, description = "Propose removing a validator.")
    static final class ProposeRemove implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Mixin
        ReceiptOption receipt;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Option(names = "--reason", required = true)
        String reason;

        @Override
        public Integer call() throws Exception {
            return Transact.run(options, receipt, Transact.signer(options, DEFAULT), GovernanceContract.NAME,
                    GovernanceContract.PROPOSE, GovernanceCalls.proposeRemove(id, reason), "proposed removing validator " + id);
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a proposal for your organisation; the majority's approval adopts it.")
    static final class Approve implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Mixin
        ReceiptOption receipt;

        @Parameters(index = "0", paramLabel = "PROPOSAL", description = "e.g. G-1")
        String proposal;

        @Override
        public Integer call() throws Exception {
            return Transact.run(options, receipt, Transact.signer(options, DEFAULT), GovernanceContract.NAME,
                    GovernanceContract.APPROVE, GovernanceCalls.approve(proposal), "approved " + proposal);
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true, description = "Withdraw your organisation's open proposal.")
    static final class Withdraw implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Mixin
        ReceiptOption receipt;

        @Parameters(index = "0", paramLabel = "PROPOSAL")
        String proposal;

        @Override
        public Integer call() throws Exception {
            return Transact.run(options, receipt, Transact.signer(options, DEFAULT), GovernanceContract.NAME,
                    GovernanceContract.WITHDRAW, GovernanceCalls.withdraw(proposal), "withdrew " + proposal);
        }
    }
}
