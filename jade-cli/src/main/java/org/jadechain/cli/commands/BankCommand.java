package org.jadechain.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.contracts.currency.IdentityCommitment;
import org.jadechain.contracts.currency.Yuan;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.sdk.IdentityEnvelope;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.Signer;
import org.jadechain.sdk.SubmitResult;
import org.jadechain.sdk.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jade bank ...}: what a commercial bank (operator) does. */
@Command(name = "bank", mixinStandardHelpOptions = true,
        description = "Commercial bank (operator): open wallets, change their class, exchange deposits into currency.",
        subcommands = {BankCommand.OpenWallet.class, BankCommand.SetClass.class, BankCommand.ExchangeIn.class,
                BankCommand.Reserve.class, BankCommand.ProveIdentity.class})
public final class BankCommand {
    static final String DEFAULT = "bank-a";

    @Command(name = "open-wallet", mixinStandardHelpOptions = true,
            description = "Open a wallet for a customer's key. The identity never reaches the ledger in clear: it is "
                    + "committed with a random salt and encrypted to the regulator's key. Keep the printed salt to "
                    + "prove later whose wallet it is (jade bank prove-identity).")
    static final class OpenWallet implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Option(names = "--class", required = true, description = "wallet class 1-4 (4: anonymous, phone number only)")
        int walletClass;

        @Option(names = "--owner-key", required = true, description = "the customer's key file (public or private PEM)")
        Path ownerKey;

        @Option(names = "--phone", description = "phone number")
        String phone;

        @Option(names = "--name", description = "name (classes 1-3)")
        String name;

        @Option(names = "--id-number", description = "identity document number (classes 1-3)")
        String idNumber;

        @Override
        public Integer call() throws Exception {
            TreeMap<String, String> identity = new TreeMap<>();
            if (phone != null) {
                identity.put("phone", phone);
            }
            if (name != null) {
                identity.put("name", name);
            }
            if (idNumber != null) {
                identity.put("idNumber", idNumber);
            }
            if (identity.isEmpty()) {
                throw new IllegalArgumentException("give the customer's identity: at least --phone");
            }
            String identityJson = Json.compact(Json.mapper().valueToTree(identity));
            JadeClient client = options.client();
            PublicKey owner = Transact.publicKey(ownerKey);
            CryptoSuite suite = CryptoSuites.of(owner.suite());
            PublicKey regulator = regulatorKey(client, suite);
            IdentityEnvelope env = IdentityEnvelope.seal(suite, identityJson, regulator, new SecureRandom());
            Signer signer = Transact.signer(options, DEFAULT);
            SubmitResult r = client.submitAndWait(signer, CurrencyContract.NAME, CurrencyContract.OPEN_WALLET,
                    CurrencyCalls.openWallet(owner, walletClass, env.commitment().bytes(), env.encryptedIdentity()),
                    Transact.TIMEOUT);
            String wallet = suite.address(owner).hex();
            if (options.json()) {
                ObjectNode n = Json.object();
                n.put("txHash", r.txHash()).put("height", r.height()).put("code", r.receipt().code())
                        .put("message", r.receipt().message());
                if (r.ok()) {
                    n.put("wallet", wallet).put("class", walletClass).put("salt", Hex.encode(env.salt()))
                            .put("identity", identityJson);
                } else if ("ALREADY_EXISTS".equals(r.receipt().code())) {
                    n.put("wallet", wallet).put("alreadyOpen", true);
                }
                Output.json(n);
            } else {
                Transact.print(options, r, "opened class-" + walletClass + " wallet " + wallet);
                if (r.ok()) {
                    System.out.println("  identity salt (keep it to prove ownership): " + Hex.encode(env.salt()));
                }
            }
            return r.ok() ? 0 : 1;
        }

        private static PublicKey regulatorKey(JadeClient client, CryptoSuite suite) throws Exception {
            JsonNode orgs = Transact.get(client, "/v1/organisations", "the node lists no organisations");
            for (JsonNode o : orgs.path("organisations")) {
                if ("REGULATOR".equals(o.path("role").asText()) && o.path("adminKeys").size() > 0) {
                    return suite.decodePublicKey(Hex.decode(o.path("adminKeys").get(0).asText()));
                }
            }
            throw new IllegalStateException("the chain has no REGULATOR organisation to encrypt identities to");
        }
    }

    @Command(name = "set-class", mixinStandardHelpOptions = true, description = "Change a wallet's class after more KYC.")
    static final class SetClass implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", paramLabel = "WALLET", description = "wallet address, key file or devnet identity")
        String wallet;

        @Parameters(index = "1", paramLabel = "CLASS", description = "new class 1-4")
        int walletClass;

        @Override
        public Integer call() throws Exception {
            Address w = Transact.address(options.client(), wallet);
            return Transact.run(options, Transact.signer(options, DEFAULT), CurrencyContract.NAME,
                    CurrencyContract.SET_CLASS, CurrencyCalls.setClass(w, walletClass), "wallet " + w + " is now class " + walletClass);
        }
    }

    @Command(name = "exchange-in", mixinStandardHelpOptions = true,
            description = "Move currency from the bank's reserve into a wallet it opened (deposits -> digital cash).")
    static final class ExchangeIn implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", paramLabel = "WALLET")
        String wallet;

        @Parameters(index = "1", paramLabel = "AMOUNT", description = "yuan, e.g. 3000.00")
        String amount;

        @Override
        public Integer call() throws Exception {
            Address w = Transact.address(options.client(), wallet);
            long fen = Yuan.parse(amount);
            return Transact.run(options, Transact.signer(options, DEFAULT), CurrencyContract.NAME,
                    CurrencyContract.EXCHANGE_IN, CurrencyCalls.exchangeIn(w, fen), "exchanged " + Yuan.format(fen) + " into " + w);
        }
    }

    @Command(name = "reserve", mixinStandardHelpOptions = true, description = "Show an operator's reserve.")
    static final class Reserve implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", arity = "0..1", paramLabel = "OPERATOR", defaultValue = DEFAULT)
        String operator;

        @Override
        public Integer call() {
            JsonNode n = Transact.get(options.client(), "/v1/currency/operators/" + operator, "no operator " + operator);
            if (options.json()) {
                Output.json(n);
            } else {
                System.out.println(operator + " reserve: " + n.path("reserveYuan").asText());
            }
            return 0;
        }
    }

    @Command(name = "prove-identity", mixinStandardHelpOptions = true,
            description = "Check that a wallet's on-ledger identity commitment matches an identity and its salt.")
    static final class ProveIdentity implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", paramLabel = "WALLET")
        String wallet;

        @Option(names = "--identity", required = true, description = "the identity JSON printed by open-wallet, e.g. {\"phone\":\"138...\"}")
        String identity;

        @Option(names = "--salt", required = true, description = "the salt printed by open-wallet (hex)")
        String salt;

        @Override
        public Integer call() throws Exception {
            JadeClient client = options.client();
            Address w = Transact.address(client, wallet);
            JsonNode n = Transact.get(client, "/v1/currency/wallets/" + w.hex(), "no wallet " + w.hex());
            CryptoSuite suite = CryptoSuites.of(client.status().suite());
            byte[] commitment = Hex.decode(n.path("identity").path("commitment").asText());
            boolean ok = IdentityCommitment.verify(suite, commitment, Hex.decode(salt), identity);
            System.out.println(ok ? "MATCH: wallet " + w + " belongs to " + identity
                    : "NO MATCH: the identity and salt do not open wallet " + w + "'s commitment");
            return ok ? 0 : 1;
        }
    }
}
