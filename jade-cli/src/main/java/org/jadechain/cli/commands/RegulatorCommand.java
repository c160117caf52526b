package org.jadechain.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.Pem;
import org.jadechain.sdk.IdentityEnvelope;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jade regulator whois|alerts}. Identities are decrypted here, never on the node. */
@Command(name = "regulator", mixinStandardHelpOptions = true, description = "Regulator: wallet identities and alerts.",
        subcommands = {RegulatorCommand.Whois.class, RegulatorCommand.Alerts.class})
public final class RegulatorCommand {

    @Command(name = "whois", mixinStandardHelpOptions = true,
            description = "Decrypt a wallet's identity with the regulator's private key (on this machine; the node only "
                    + "serves the ciphertext). Devnet default key: regulator.")
    static final class Whois implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", paramLabel = "WALLET")
        String wallet;

        @Override
        public Integer call() throws Exception {
            JadeClient client = options.client();
            Address w = Transact.address(client, wallet);
            JsonNode n = Transact.get(client, "/v1/currency/wallets/" + w.hex(), "no wallet " + w.hex());
            Path keyFile = options.key != null ? options.key : DevnetCommand.DEFAULT_DATA.resolve("keys").resolve("regulator.pem");
            if (!Files.isRegularFile(keyFile)) {
                throw new IllegalArgumentException("give the regulator's key with --key");
            }
            KeyPair key = Pem.readKeyPair(keyFile);
            CryptoSuite suite = CryptoSuites.of(key.suite());
            byte[] ciphertext = Hex.decode(n.path("identity").path("encryptedIdentity").asText());
            String identity;
            try {
                identity = IdentityEnvelope.open(suite, key, ciphertext);
            } catch (CryptoException e) {
                System.err.println("error: this key cannot open wallet " + w + "'s identity; only the regulator's key can");
                return 1;
            }
            if (options.json()) {
                var out = Json.object();
                out.put("wallet", w.hex()).put("operator", n.path("operator").asText()).put("class", n.path("class").asInt());
                out.set("identity", Json.parse(identity));
                Output.json(out);
            } else {
                System.out.println("wallet   " + w + " (class " + n.path("class").asInt() + ", opened by "
                        + n.path("operator").asText() + ")");
                System.out.println("identity " + identity);
            }
            return 0;
        }
    }

    @Command(name = "alerts", mixinStandardHelpOptions = true,
            description = "Large payments and structuring (many payments just under a wallet's limit).")
    static final class Alerts implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Override
        public Integer call() {
            JsonNode n = Transact.get(options.client(), "/v1/currency/alerts?limit=" + limit, "the node has no alerts endpoint");
            if (options.json()) {
                Output.json(n);
                return 0;
            }
            System.out.println(n.path("total").asLong() + " alerts");
            for (JsonNode a : n.path("alerts")) {
                System.out.printf("  #%-4d block %-6d %-14s wallet %s %s%s%n", a.path("index").asLong(), a.path("height").asLong(),
                        a.path("kind").asText(), a.path("wallet").asText(), a.path("amountYuan").asText(),
                        a.path("kind").asText().equals("STRUCTURING") ? " (" + a.path("count").asLong() + " near-limit payments in 24 h)" : "");
            }
            return 0;
        }
    }
}
