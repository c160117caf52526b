package org.jadechain.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hash;
import org.jadechain.sdk.EvidenceCalls;
import org.jadechain.sdk.EvidenceRecord;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.ReceiptBundle;
import org.jadechain.sdk.SubmitResult;
import org.jadechain.sdk.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jade evidence record FILE}: puts a document's hash on the ledger and saves an offline-checkable receipt. */
@Command(name = "evidence", mixinStandardHelpOptions = true, description = "Tamper-evident evidence records.",
        subcommands = EvidenceCommand.Record.class)
public final class EvidenceCommand {

    @Command(name = "record", mixinStandardHelpOptions = true,
            description = "Record FILE's hash (the chain's hash function) and write a receipt: document hash, block, "
                    + "transaction, header, inclusion proof and commit certificate. Only the hash leaves this machine.")
    static final class Record implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(paramLabel = "FILE", description = "the document to record")
        Path file;

        @Option(names = "--metadata", defaultValue = "", description = "a short public description (default: the file name)")
        String metadata;

        @Option(names = "--out", description = "where to write the receipt; default FILE.receipt.json")
        Path out;

        @Option(names = "--timeout", defaultValue = "60", description = "seconds to wait for the block; default ${DEFAULT-VALUE}")
        long timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + " is not a readable file");
            }
            JadeClient client = options.client();
            String suite = client.status().suite();
            Hash hash = EvidenceCalls.documentHash(CryptoSuites.of(suite), file);
            String meta = metadata.isEmpty() ? file.getFileName().toString() : metadata;
            SubmitResult r = client.submitAndWait(options.signer(), EvidenceCalls.recordEvidence(hash.bytes(), meta),
                    Duration.ofSeconds(timeoutSeconds));
            String txHash = r.txHash();
            boolean already = false;
            if (!r.ok()) {
                if (!"ALREADY_EXISTS".equals(r.receipt().code())) {
                    System.err.println("refused: " + r.receipt().code() + ": " + r.receipt().message());
                    return 1;
                }
                Optional<EvidenceRecord> original = client.evidence(hash.bytes());
                if (original.isEmpty()) {
                    System.err.println("refused: " + r.receipt().message());
                    return 1;
                }
                txHash = original.get().txHash();
                already = true;
            }
            ReceiptBundle bundle = client.proof(txHash)
                    .orElseThrow(() -> new IllegalStateException("the node has no proof for a committed transaction"));
            Path target = out != null ? out : file.resolveSibling(file.getFileName() + ".receipt.json");
            bundle.write(target);
            if (options.json()) {
                ObjectNode n = Json.object();
                n.put("documentHash", hash.hex()).put("blockHeight", bundle.blockHeight()).put("txHash", bundle.txHash())
                        .put("alreadyRecorded", already).put("receipt", target.toString());
                Output.json(n);
            } else {
                System.out.println((already ? "already recorded " : "recorded ") + file + " (" + suite + " hash " + hash.hex() + ")");
                System.out.println("block height " + bundle.blockHeight() + ", transaction " + bundle.txHash());
                System.out.println("receipt written to " + target + " (check it offline with: jade proof verify " + target + ")");
            }
            return 0;
        }
    }
}
