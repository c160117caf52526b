package org.jadechain.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jadechain.contracts.currency.Yuan;
import org.jadechain.contracts.mediation.Installment;
import org.jadechain.contracts.mediation.MediationCalls;
import org.jadechain.contracts.mediation.MediationContract;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.Hex;
import org.jadechain.sdk.EvidenceCalls;
import org.jadechain.sdk.JadeClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jade mediation propose|sign|pay|withdraw|show|list}: mediation agreements. The mediator proposes,
 * both parties sign with their own keys, the debtor pays installments; an installment left unpaid past its
 * due time files an enforcement case with the named court by itself.
 */
@Command(name = "mediation", mixinStandardHelpOptions = true,
        description = "Mediation agreements that file an enforcement case by themselves when an installment is missed.",
        subcommands = {MediationCommand.Propose.class, MediationCommand.Sign.class, MediationCommand.Pay.class,
                MediationCommand.Withdraw.class, MediationCommand.Show.class, MediationCommand.ListAgreements.class})
public final class MediationCommand {
    static final String DEFAULT_MEDIATOR = "mediator";

    static JsonNode agreement(JadeClient client, String id) {
        return Transact.get(client, "/v1/mediation/agreements/" + Paths.segment(id), "no agreement " + id + " on " + client.baseUrl());
    }

    @Command(name = "propose", mixinStandardHelpOptions = true,
            description = "Propose an agreement (mediator's key): creditor and debtor wallets, the enforcing court, "
                    + "installments AMOUNT@DUE, and the signed terms document (only its hash goes on the ledger).")
    static final class Propose implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Mixin
        ReceiptOption receipt;

        @Option(names = "--creditor", required = true, description = "creditor wallet: address, key file or devnet identity")
        String creditor;

        @Option(names = "--debtor", required = true, description = "debtor wallet: address, key file or devnet identity")
        String debtor;

        @Option(names = "--court", required = true, description = "the COURT organisation that will enforce it")
        String court;

        @Option(names = "--installment", required = true, paramLabel = "AMOUNT@DUE",
                description = "repeatable, in order: e.g. 100.00@+30s, 2500.00@2026-12-01T09:00:00+08:00")
        List<String> installments;

        @Option(names = "--terms", description = "the signed terms document; its hash is recorded")
        Path terms;

        @Option(names = "--terms-hash", description = "or the terms document's hash in hex")
        String termsHash;

        @Override
        public Integer call() throws Exception {
            JadeClient client = options.client();
            byte[] hash = termsHash(client);
            long now = System.currentTimeMillis();
            List<Installment> schedule = new ArrayList<>();
            for (String spec : installments) {
                int at = spec.indexOf('@');
                if (at <= 0 || at == spec.length() - 1) {
                    throw new IllegalArgumentException("installment '" + spec + "' is not AMOUNT@DUE (e.g. 100.00@+30s)");
                }
                schedule.add(new Installment(Yuan.parse(spec.substring(0, at)), DueTime.parse(spec.substring(at + 1), now)));
            }
            Address c = Transact.address(client, creditor);
            Address d = Transact.address(client, debtor);
            return Transact.run(options, receipt, Transact.signer(options, DEFAULT_MEDIATOR), MediationContract.NAME,
                    MediationContract.PROPOSE, MediationCalls.propose(c, d, court, schedule, hash),
                    "proposed an agreement of " + schedule.size() + " installment(s) between creditor " + c
                            + " and debtor " + d + ", enforced by " + court);
        }

        private byte[] termsHash(JadeClient client) throws Exception {
            if ((terms == null) == (termsHash == null)) {
                throw new IllegalArgumentException("give the terms document with --terms FILE or its hash with --terms-hash HEX");
            }
            if (terms != null) {
                if (!Files.isRegularFile(terms)) {
                    throw new IllegalArgumentException(terms + " is not a readable file");
                }
                return EvidenceCalls.documentHash(CryptoSuites.of(client.status().suite()), terms).bytes();
            }
            return Hex.decode(termsHash);
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Sign an agreement as its creditor or debtor (your own key). It binds once both have signed.")
    static final class Sign implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Mixin
        ReceiptOption receipt;

        @Parameters(index = "0", paramLabel = "AGREEMENT", description = "agreement id, e.g. A-1")
        String id;

        @Option(names = "--terms", description = "refuse to sign unless this document is the agreement's terms")
        Path terms;

        @Override
        public Integer call() throws Exception {
            JadeClient client = options.client();
            JsonNode a = agreement(client, id);
            if (terms != null) {
                Hash actual = EvidenceCalls.documentHash(CryptoSuites.of(client.status().suite()), terms);
                if (!actual.hex().equals(a.path("termsHash").asText())) {
                    System.err.println("not signed: " + terms + " hashes to " + actual.hex() + ", but agreement " + id
                            + " names terms " + a.path("termsHash").asText());
                    return 1;
                }
            }
            Hash agreementHash = Hash.fromHex(a.path("agreementHash").asText());
            return Transact.run(options, receipt, options.signer(), MediationContract.NAME, MediationContract.SIGN,
                    MediationCalls.sign(id, agreementHash), "signed agreement " + id + " (" + a.path("totalYuan").asText()
                            + " in " + a.path("installments").size() + " installment(s), hash " + agreementHash.hex() + ")");
        }
    }

    @Command(name = "pay", mixinStandardHelpOptions = true,
            description = "Pay installment N of an agreement (debtor's key): moves currency to the creditor through the "
                    + "currency contract, so wallet limits and freezes apply.")
    static final class Pay implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Mixin
        ReceiptOption receipt;

        @Parameters(index = "0", paramLabel = "AGREEMENT")
        String id;

        @Parameters(index = "1", paramLabel = "N", description = "installment number, from 1")
        int n;

        @Option(names = "--amount", description = "pay only this much (default: what remains of the installment)")
        String amount;

        @Override
        public Integer call() throws Exception {
            byte[] args = amount == null ? MediationCalls.payInstallment(id, n)
                    : MediationCalls.payInstallment(id, n, Yuan.parse(amount));
            return Transact.run(options, receipt, options.signer(), MediationContract.NAME,
                    MediationContract.PAY_INSTALLMENT, args, "paid installment " + n + " of " + id
                            + (amount == null ? "" : " (" + Yuan.format(Yuan.parse(amount)) + ")"));
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true,
            description = "Withdraw a proposed agreement before both parties have signed (mediator's key).")
    static final class Withdraw implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Mixin
        ReceiptOption receipt;

        @Parameters(index = "0", paramLabel = "AGREEMENT")
        String id;

        @Override
        public Integer call() throws Exception {
            return Transact.run(options, receipt, Transact.signer(options, DEFAULT_MEDIATOR), MediationContract.NAME,
                    MediationContract.WITHDRAW, MediationCalls.withdraw(id), "withdrew agreement " + id);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "An agreement: parties, signatures, installments (paid, remaining, status), payments, cases.")
    static final class Show implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", paramLabel = "AGREEMENT")
        String id;

        @Override
        public Integer call() {
            JsonNode a = agreement(options.client(), id);
            if (options.json()) {
                Output.json(a);
                return 0;
            }
            System.out.println("agreement " + a.path("agreement").asText() + "  " + a.path("state").asText()
                    + "  mediated by " + a.path("mediator").asText() + ", enforced by " + a.path("court").asText());
            System.out.println("  creditor " + a.path("creditor").asText() + "  signed: " + signed(a, "creditor"));
            System.out.println("  debtor   " + a.path("debtor").asText() + "  signed: " + signed(a, "debtor"));
            System.out.println("  total " + a.path("totalYuan").asText() + ", paid " + a.path("paidYuan").asText()
                    + ", unpaid and due " + a.path("unpaidDueYuan").asText());
            for (JsonNode i : a.path("installments")) {
                System.out.println("  #" + i.path("n").asInt() + "  " + i.path("amountYuan").asText() + " due "
                        + Output.localTime(i.path("due").asLong()) + "  paid " + i.path("paidYuan").asText() + "  "
                        + i.path("status").asText() + (i.path("case").isNull() ? "" : " (" + i.path("case").asText() + ")"));
            }
            for (JsonNode p : a.path("payments")) {
                System.out.println("  payment on #" + p.path("installment").asInt() + ": " + p.path("amountYuan").asText()
                        + " in block " + p.path("height").asLong() + ", tx " + p.path("txHash").asText());
            }
            for (JsonNode c : a.path("cases")) {
                System.out.println("  case " + c.path("case").asText() + " for installments "
                        + c.path("firstInstallment").asInt() + ".." + c.path("lastInstallment").asInt());
            }
            return 0;
        }

        private static String signed(JsonNode a, String party) {
            JsonNode s = a.path("signatures").path(party);
            return s.isNull() || s.isMissingNode() ? "no" : "block " + s.path("height").asLong() + ", tx " + s.path("txHash").asText();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Agreements, all or one party's.")
    static final class ListAgreements implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Option(names = "--party", description = "only this wallet's agreements (address, key file or devnet identity)")
        String party;

        @Mixin
        PageOptions page;

        @Override
        public Integer call() throws Exception {
            JadeClient client = options.client();
            String path = "/v1/mediation/agreements?" + page.query()
                    + (party == null ? "" : "&party=" + Transact.address(client, party).hex());
            JsonNode page = Transact.get(client, path, "the node has no mediation API");
            if (options.json()) {
                Output.json(page);
                return 0;
            }
            System.out.println(page.path("total").asLong() + " agreement(s)");
            for (JsonNode a : page.path("agreements")) {
                System.out.println("  " + a.path("agreement").asText() + "  " + a.path("state").asText() + "  "
                        + a.path("totalYuan").asText() + "  paid " + a.path("paidYuan").asText() + "  creditor "
                        + a.path("creditor").asText() + "  debtor " + a.path("debtor").asText() + "  court "
                        + a.path("court").asText() + (a.path("cases").isEmpty() ? "" : "  cases " + a.path("cases").size()));
            }
            return 0;
        }
    }
}
