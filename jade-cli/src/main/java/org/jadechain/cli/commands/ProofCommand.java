package org.jadechain.cli.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.sdk.GenesisFile;
import org.jadechain.sdk.ReceiptVerifier;
import org.jadechain.sdk.VerificationResult;
import org.jadechain.sdk.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jade proof verify RECEIPT}: offline verification of a receipt against the genesis validators;
 * {@code jade proof get TX|CASE}: fetch the receipt of a committed transaction, or of a court case's filing.
 */
@Command(name = "proof", mixinStandardHelpOptions = true, description = "Fetch receipts and check them offline.",
        subcommands = {ProofCommand.Verify.class, ProofCommand.Get.class})
public final class ProofCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify a receipt offline, trusting only the genesis file: header, inclusion proofs, "
                    + "receipt and commit certificate. Exits 0 when valid, 1 when not (naming the failed check).")
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "RECEIPT", description = "receipt JSON written by jade evidence record")
        Path receipt;

        @Option(names = "--genesis", description = "genesis file with the validator keys; default devnet-data/genesis.json")
        Path genesis;

        @Option(names = "--file", description = "also check that this document has the receipt's hash")
        Path document;

        @Option(names = "--json", description = "print machine-readable JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Path g = genesis != null ? genesis : DevnetCommand.DEFAULT_DATA.resolve("genesis.json");
            if (!Files.isRegularFile(g)) {
                throw new IllegalArgumentException("no genesis file at " + g + "; give one with --genesis");
            }
            Genesis gen = GenesisFile.read(g);
            if (!Files.isRegularFile(receipt)) {
                throw new IllegalArgumentException("no receipt file at " + receipt);
            }
            String text = Files.readString(receipt);
            VerificationResult r = new ReceiptVerifier(gen).verifyText(text, document);
            if (json) {
                var n = Json.object();
                n.put("valid", r.valid());
                var passed = n.putArray("passed");
                r.passed().forEach(c -> passed.add(c.label()));
                if (!r.valid()) {
                    n.put("failedCheck", r.failedCheck().label()).put("reason", r.reason());
                }
                Output.json(n);
            } else {
                System.out.print(r.describe());
                System.out.println(r.valid() ? "VALID: " + receipt + " is proven by chain " + gen.chainId()
                        : "INVALID: " + receipt + " failed the " + r.failedCheck().label() + " check");
            }
            return r.valid() ? 0 : 1;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Fetch the receipt bundle of a committed transaction (its hash), or of a court case's filing and "
                    + "evidence (its id, e.g. C-1), and write it to a file for jade proof verify.")
    static final class Get implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        ClientOptions options;

        @Parameters(paramLabel = "TX|CASE", description = "transaction hash (64 hex digits) or case id")
        String ref;

        @Option(names = "--out", required = true, description = "where to write the receipt")
        Path out;

        @Override
        public Integer call() throws Exception {
            var client = options.client();
            String path = ref.matches("(0x)?[0-9a-fA-F]{64}") ? "/v1/transactions/" + ref.replaceFirst("^0x", "").toLowerCase(java.util.Locale.ROOT) + "/proof"
                    : "/v1/court/cases/" + Paths.segment(ref) + "/proof";
            var bundle = Transact.get(client, path, "no committed transaction or case '" + ref + "' on " + client.baseUrl());
            Files.writeString(out, Json.pretty(bundle));
            if (options.json()) {
                var n = Json.object();
                n.put("receipt", out.toString()).put("blockHeight", bundle.path("blockHeight").asLong())
                        .put("txHash", bundle.path("txHash").asText());
                Output.json(n);
            } else {
                System.out.println("receipt of " + ref + " (block " + bundle.path("blockHeight").asLong() + ") written to " + out
                        + " (check it offline with: jade proof verify " + out + ")");
            }
            return 0;
        }
    }
}
