package org.jadechain.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jadechain.contracts.court.CourtCalls;
import org.jadechain.contracts.court.CourtContract;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.contracts.currency.Yuan;
import org.jadechain.core.crypto.Address;
import org.jadechain.sdk.JadeClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jade court}: the docket of enforcement cases ({@code cases|case|accept|dismiss|enforce|deduct|close})
 * and the currency's direct orders against wallets ({@code freeze|unfreeze}, and {@code deduct} in its
 * three-argument form). Signs with the court's key (--key; on devnet the court's by default).
 */
@Command(name = "court", mixinStandardHelpOptions = true,
        description = "Courts: the docket of enforcement cases, and freezes and deductions of wallet funds.",
        subcommands = {CourtCommand.Cases.class, CourtCommand.Case.class, CourtCommand.Accept.class,
                CourtCommand.Dismiss.class, CourtCommand.Enforce.class, CourtCommand.Deduct.class,
                CourtCommand.Close.class, CourtCommand.Freeze.class, CourtCommand.Unfreeze.class})
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
            description = {"Two forms:",
                    "  deduct CASE AMOUNT --reason TEXT      on the docket: move frozen funds of an enforcing case to its creditor",
                    "  deduct WALLET TO AMOUNT --case ID     a direct currency order: move frozen funds of a case to TO",
                    "Frozen money moves only this way."})
    static final class Deduct implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Mixin
        ReceiptOption receipt;

        @Parameters(arity = "2..3", paramLabel = "ARG", description = "CASE AMOUNT, or WALLET TO AMOUNT")
        List<String> args;

        @Option(names = "--case", description = "case id (direct currency order form)")
        String caseId;

        @Option(names = "--reason", description = "why (docket form)")
        String reason;

        @Override
        public Integer call() throws Exception {
            if (args.size() == 2) {
                if (reason == null || caseId != null) {
                    throw new IllegalArgumentException("the docket form is: jade court deduct CASE AMOUNT --reason TEXT");
                }
                long fen = Yuan.parse(args.get(1));
                return Transact.run(options, receipt, Transact.signer(options, DEFAULT), CourtContract.NAME,
                        CourtContract.DEDUCT, CourtCalls.deduct(args.get(0), fen, reason),
                        "deducted " + Yuan.format(fen) + " to the creditor of case " + args.get(0));
            }
            if (caseId == null) {
                throw new IllegalArgumentException("the direct form is: jade court deduct WALLET TO AMOUNT --case ID");
            }
            Address w = Transact.address(options.client(), args.get(0));
            Address t = Transact.address(options.client(), args.get(1));
            long fen = Yuan.parse(args.get(2));
            return Transact.run(options, receipt, Transact.signer(options, DEFAULT), CurrencyContract.NAME,
                    CurrencyContract.DEDUCT, CurrencyCalls.deduct(w, t, fen, caseId),
                    "deducted " + Yuan.format(fen) + " from " + w + " to " + t);
        }
    }

    /** A docket step on one case with a reason: accept, dismiss, enforce, close. */
    abstract static class Ruling implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Mixin
        ReceiptOption receipt;

        @Parameters(index = "0", paramLabel = "CASE", description = "case id, e.g. C-1")
        String caseId;

        @Option(names = "--reason", required = true, description = "why; kept in the case's timeline")
        String reason;

        abstract String method();

        abstract byte[] args();

        abstract String done();

        @Override
        public Integer call() throws Exception {
            return Transact.run(options, receipt, Transact.signer(options, DEFAULT), CourtContract.NAME, method(), args(),
                    done());
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true, description = "Accept a FILED case (court's key).")
    static final class Accept extends Ruling {
        String method() {
            return CourtContract.ACCEPT;
        }

        byte[] args() {
            return CourtCalls.accept(caseId, reason);
        }

        String done() {
            return "accepted case " + caseId;
        }
    }

    @Command(name = "dismiss", mixinStandardHelpOptions = true, description = "Dismiss a case (court's key).")
    static final class Dismiss extends Ruling {
        String method() {
            return CourtContract.DISMISS;
        }

        byte[] args() {
            return CourtCalls.dismiss(caseId, reason);
        }

        String done() {
            return "dismissed case " + caseId;
        }
    }

    @Command(name = "enforce", mixinStandardHelpOptions = true,
            description = "Order enforcement of an ACCEPTED case: freezes the outstanding amount in the debtor's wallet "
                    + "(as much as is there).")
    static final class Enforce extends Ruling {
        String method() {
            return CourtContract.ENFORCE;
        }

        byte[] args() {
            return CourtCalls.enforce(caseId, reason);
        }

        String done() {
            return "ordered enforcement of case " + caseId;
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Close a case; whatever it still holds frozen is released (court's key).")
    static final class Close extends Ruling {
        String method() {
            return CourtContract.CLOSE;
        }

        byte[] args() {
            return CourtCalls.close(caseId, reason);
        }

        String done() {
            return "closed case " + caseId;
        }
    }

    @Command(name = "cases", mixinStandardHelpOptions = true,
            description = "The docket: a court's cases, optionally in one state (FILED, ACCEPTED, ENFORCING, CLOSED, "
                    + "DISMISSED). Without --court, the court whose key signs (--key, or the devnet court), else all.")
    static final class Cases implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Option(names = "--court", description = "court organisation id")
        String court;

        @Option(names = "--state", description = "only cases in this state")
        String state;

        @Mixin
        PageOptions page;

        @Override
        public Integer call() throws Exception {
            JadeClient client = options.client();
            String c = court != null ? court : courtOfSigner(client);
            String path = "/v1/court/cases?" + page.query()
                    + (c == null ? "" : "&court=" + Paths.segment(c)) + (state == null ? "" : "&state=" + Paths.segment(state));
            JsonNode page = Transact.get(client, path, "the node has no court API");
            if (options.json()) {
                Output.json(page);
                return 0;
            }
            System.out.println(page.path("total").asLong() + " case(s)" + (c == null ? "" : " before " + c)
                    + (state == null ? "" : " in state " + state.toUpperCase(java.util.Locale.ROOT)));
            for (JsonNode k : page.path("cases")) {
                System.out.println("  " + k.path("case").asText() + "  " + k.path("state").asText() + "  agreement "
                        + k.path("agreement").asText() + "  outstanding " + k.path("outstandingYuan").asText() + " of "
                        + k.path("filedOutstandingYuan").asText() + "  frozen " + k.path("frozenYuan").asText()
                        + "  filed " + Output.localTime(k.path("filedTime").asLong()));
            }
            return 0;
        }

        /** The COURT organisation the signing key administers, or null when none (or no key). */
        private String courtOfSigner(JadeClient client) {
            Address me;
            try {
                me = Transact.signer(options, DEFAULT).address();
            } catch (Exception e) {
                return null;
            }
            JsonNode orgs = Transact.get(client, "/v1/organisations", "the node lists no organisations");
            for (JsonNode o : orgs.path("organisations")) {
                if ("COURT".equals(o.path("role").asText())) {
                    for (JsonNode a : o.path("addresses")) {
                        if (a.asText().equals(me.hex())) {
                            return o.path("id").asText();
                        }
                    }
                }
            }
            return null;
        }
    }

    @Command(name = "case", mixinStandardHelpOptions = true,
            description = "One case: parties, money, evidence (agreement, signatures, payments) and full timeline.")
    static final class Case implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", paramLabel = "CASE")
        String caseId;

        @Option(names = "--receipt", paramLabel = "FILE",
                description = "write the receipt bundle proving the filing and its evidence (check with jade proof verify)")
        Path receiptFile;

        @Override
        public Integer call() throws Exception {
            JadeClient client = options.client();
            JsonNode k = Transact.get(client, "/v1/court/cases/" + Paths.segment(caseId), "no case " + caseId + " on " + client.baseUrl());
            if (receiptFile != null) {
                JsonNode bundle = Transact.get(client, "/v1/court/cases/" + Paths.segment(caseId) + "/proof",
                        "no filing proof for " + caseId);
                Files.writeString(receiptFile, org.jadechain.sdk.json.Json.pretty(bundle));
            }
            if (options.json()) {
                Output.json(k);
                return 0;
            }
            System.out.println("case " + k.path("case").asText() + "  " + k.path("state").asText() + "  before "
                    + k.path("court").asText() + "  enforcing agreement " + k.path("agreement").asText());
            System.out.println("  creditor " + k.path("creditor").asText() + "  debtor " + k.path("debtor").asText());
            System.out.println("  outstanding " + k.path("outstandingYuan").asText() + " (filed for "
                    + k.path("filedOutstandingYuan").asText() + "; paid since " + k.path("paidAfterFilingYuan").asText()
                    + ", deducted " + k.path("deductedYuan").asText() + ", frozen now " + k.path("frozenYuan").asText() + ")");
            JsonNode e = k.path("evidence");
            System.out.println("  evidence " + e.path("evidenceHash").asText());
            System.out.println("    agreement hash " + e.path("agreementHash").asText() + ", terms " + e.path("termsHash").asText());
            System.out.println("    creditor signed in tx " + e.path("creditorSignature").path("txHash").asText()
                    + " (block " + e.path("creditorSignature").path("height").asLong() + ")");
            System.out.println("    debtor signed in tx " + e.path("debtorSignature").path("txHash").asText()
                    + " (block " + e.path("debtorSignature").path("height").asLong() + ")");
            System.out.println("    installments " + e.path("firstInstallment").asInt() + ".." + e.path("lastInstallment").asInt()
                    + " of " + e.path("schedule").size() + " unpaid");
            for (JsonNode p : e.path("payments")) {
                System.out.println("    paid " + p.path("amountYuan").asText() + " on #" + p.path("installment").asInt()
                        + " in tx " + p.path("txHash").asText());
            }
            System.out.println("  timeline");
            for (JsonNode t : k.path("timeline")) {
                System.out.println("    " + Output.localTime(t.path("time").asLong()) + "  " + t.path("step").asText()
                        + " -> " + t.path("state").asText() + "  " + t.path("amountYuan").asText() + "  block "
                        + t.path("height").asLong() + (t.path("reason").asText().isEmpty() ? "" : "  \"" + t.path("reason").asText() + "\""));
            }
            if (receiptFile != null) {
                System.out.println("  filing receipt written to " + receiptFile + " (check it offline with: jade proof verify "
                        + receiptFile + ")");
            }
            return 0;
        }
    }
}
