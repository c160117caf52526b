package org.jadechain.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Pem;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.ReceiptBundle;
import org.jadechain.sdk.ReceiptView;
import org.jadechain.sdk.Signer;
import org.jadechain.sdk.SubmitResult;
import org.jadechain.sdk.json.Json;

/**
 * What the role commands share: the signer (--key, else the devnet identity for the role), wallet
 * arguments (an address, a key file, or a devnet identity id such as {@code shop-1}), and submitting a
 * call and reporting its receipt — exit 0 only when it was committed with OK.
 */
final class Transact {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Transact() {
    }

    /** The --key signer, else devnet-data/keys/ROLE.pem when present. */
    static Signer signer(ClientOptions options, String devnetIdentity) throws Exception {
        if (options.key == null) {
            Path p = DevnetCommand.DEFAULT_DATA.resolve("keys").resolve(devnetIdentity + ".pem");
            if (Files.isRegularFile(p)) {
                return Signer.load(p);
            }
        }
        return options.signer();
    }

    /** A wallet or account address from an address, a PEM file, or a devnet identity id. */
    static Address address(JadeClient client, String ref) throws Exception {
        if (ref.matches("(0x)?[0-9a-fA-F]{40}")) {
            return Address.fromHex(ref);
        }
        Path p = Path.of(ref);
        if (!Files.isRegularFile(p)) {
            p = DevnetCommand.DEFAULT_DATA.resolve("keys").resolve(ref + ".pem");
        }
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("'" + ref + "' is not an address (40 hex digits), a key file or a devnet identity");
        }
        PublicKey key = publicKey(p);
        CryptoSuite suite = CryptoSuites.of(key.suite());
        return suite.address(key);
    }

    /** The public key in a PEM file holding either a private key (PKCS#8) or a public key. */
    static PublicKey publicKey(Path pem) throws Exception {
        String text = Files.readString(pem);
        try {
            return text.contains("PRIVATE KEY") ? Pem.readPrivateKey(text).publicKey() : Pem.readPublicKey(text);
        } catch (CryptoException e) {
            throw new IllegalArgumentException(pem + " does not hold a usable key: " + e.getMessage());
        }
    }

    /** Submits, waits, prints the outcome; returns the exit status. */
    static int run(ClientOptions options, Signer signer, String contract, String method, byte[] args, String doneMessage) {
        return run(options, null, signer, contract, method, args, doneMessage);
    }

    /** As {@link #run(ClientOptions, Signer, String, String, byte[], String)}, writing the receipt bundle when asked. */
    static int run(ClientOptions options, ReceiptOption receipt, Signer signer, String contract, String method, byte[] args,
                   String doneMessage) {
        return finish(options, receipt, submit(options, signer, contract, method, args), doneMessage);
    }

    static SubmitResult submit(ClientOptions options, Signer signer, String contract, String method, byte[] args) {
        return options.client().submitAndWait(signer, contract, method, args, TIMEOUT);
    }

    /** Saves the receipt (if asked and committed OK), prints the outcome; returns the exit status. */
    static int finish(ClientOptions options, ReceiptOption receipt, SubmitResult r, String doneMessage) {
        String saved = null;
        if (r.ok() && receipt != null && receipt.file() != null) {
            saved = writeReceipt(options.client(), r.txHash(), receipt.file());
        }
        print(options, r, doneMessage, saved);
        return r.ok() ? 0 : 1;
    }

    /** Fetches the committed transaction's bundle and writes it; returns the path written. */
    static String writeReceipt(JadeClient client, String txHash, Path file) {
        ReceiptBundle bundle = client.proof(txHash)
                .orElseThrow(() -> new IllegalStateException("the node has no proof for committed transaction " + txHash));
        try {
            bundle.write(file);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot write the receipt to " + file + ": " + e.getMessage());
        }
        return file.toString();
    }

    static void print(ClientOptions options, SubmitResult r, String doneMessage) {
        print(options, r, doneMessage, null);
    }

    /**
     * Prints the outcome. In JSON: {@code txHash, height, code, message, output, events} and, when written,
     * {@code receipt}; each output value (e.g. {@code agreement}) is also a top-level field of its own.
     */
    static void print(ClientOptions options, SubmitResult r, String doneMessage, String receiptFile) {
        ReceiptView rv = r.receipt();
        if (options.json()) {
            ObjectNode n = Json.object();
            n.put("txHash", r.txHash()).put("height", r.height()).put("code", rv.code()).put("message", rv.message());
            if (receiptFile != null) {
                n.put("receipt", receiptFile);
            }
            rv.output().forEach((k, v) -> {
                if (!n.has(k) && !k.equals("output") && !k.equals("events")) {
                    n.put(k, v);
                }
            });
            ObjectNode out = n.putObject("output");
            rv.output().forEach(out::put);
            ArrayNode events = n.putArray("events");
            for (ReceiptView.Event e : rv.events()) {
                ObjectNode en = events.addObject().put("contract", e.contract()).put("type", e.type());
                ObjectNode at = en.putObject("attributes");
                e.attributes().forEach(at::put);
            }
            Output.json(n);
        } else if (rv.ok()) {
            System.out.println(doneMessage + " (block " + r.height() + ", tx " + r.txHash() + ")");
            rv.output().forEach((k, v) -> System.out.println("  " + k + ": " + v));
            if (receiptFile != null) {
                System.out.println("  receipt written to " + receiptFile + " (check it offline with: jade proof verify "
                        + receiptFile + ")");
            }
        } else {
            System.out.println("REFUSED " + rv.code() + ": " + rv.message());
            System.out.println("  nothing changed (tx " + r.txHash() + " in block " + r.height() + ")");
        }
    }

    /** GET a JSON document or fail with a plain message. */
    static JsonNode get(JadeClient client, String path, String what) {
        return client.getJson(path).orElseThrow(() -> new IllegalArgumentException(what));
    }
}
