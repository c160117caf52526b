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
        JadeClient client = options.client();
        SubmitResult r = client.submitAndWait(signer, contract, method, args, TIMEOUT);
        print(options, r, doneMessage);
        return r.ok() ? 0 : 1;
    }

    static void print(ClientOptions options, SubmitResult r, String doneMessage) {
        ReceiptView rv = r.receipt();
        if (options.json()) {
            ObjectNode n = Json.object();
            n.put("txHash", r.txHash()).put("height", r.height()).put("code", rv.code()).put("message", rv.message());
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
