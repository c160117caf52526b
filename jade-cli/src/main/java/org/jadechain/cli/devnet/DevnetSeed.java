package org.jadechain.cli.devnet;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.contracts.currency.Yuan;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.sdk.IdentityEnvelope;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.Signer;
import org.jadechain.sdk.SubmitResult;

/**
 * Gives a new devnet money to move, through ordinary signed transactions: the central bank issues
 * 10,000,000.00 to each operator; bank-a opens a class-2 wallet for citizen-1 and bank-b a class-3 wallet
 * for citizen-3, each funded by exchange-in; bank-a opens an empty class-2 wallet for the merchant shop-1 (the
 * creditor of the courts demo). citizen-2 is left without a wallet for users to open one themselves.
 */
public final class DevnetSeed {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DevnetSeed() {
    }

    public static void run(JadeClient client, Path keys, Genesis genesis, PrintStream out) throws Exception {
        CryptoSuite suite = genesis.cryptoSuite();
        Signer cb = Signer.load(keys.resolve("central-bank.pem"));
        for (String op : new String[] {"bank-a", "bank-b"}) {
            ok(client.submitAndWait(cb, CurrencyContract.NAME, CurrencyContract.ISSUE,
                    CurrencyCalls.issue(op, Yuan.parse("10000000.00")), TIMEOUT), "issue to " + op);
        }
        PublicKey regulator = null;
        for (Organisation o : genesis.organisations()) {
            if (o.role() == Role.REGULATOR) {
                regulator = o.adminKeys().get(0);
            }
        }
        openAndFund(client, suite, regulator, Signer.load(keys.resolve("bank-a.pem")), keys.resolve("citizen-1.pem"),
                2, "{\"idNumber\":\"110101199001011234\",\"name\":\"Citizen One\",\"phone\":\"13800000001\"}", "20000.00");
        openAndFund(client, suite, regulator, Signer.load(keys.resolve("bank-b.pem")), keys.resolve("citizen-3.pem"),
                3, "{\"name\":\"Citizen Three\",\"phone\":\"13800000003\"}", "5000.00");
        openWallet(client, suite, regulator, Signer.load(keys.resolve("bank-a.pem")), keys.resolve("shop-1.pem"), 2,
                "{\"name\":\"Shop One\",\"licence\":\"91110000MA00000001\",\"phone\":\"13800000009\"}");
        out.println("devnet funded: central bank issued 10,000,000.00 to bank-a and bank-b; citizen-1 holds 20,000.00 "
                + "(class 2, bank-a), citizen-3 holds 5,000.00 (class 3, bank-b); shop-1 has an empty class-2 wallet "
                + "(bank-a)");
    }

    private static void openAndFund(JadeClient client, CryptoSuite suite, PublicKey regulator, Signer bank, Path ownerKey,
                                    int walletClass, String identity, String amount) throws Exception {
        Signer owner = Signer.load(ownerKey);
        openWallet(client, suite, regulator, bank, ownerKey, walletClass, identity);
        ok(client.submitAndWait(bank, CurrencyContract.NAME, CurrencyContract.EXCHANGE_IN,
                CurrencyCalls.exchangeIn(owner.address(), Yuan.parse(amount)), TIMEOUT), "exchange in");
    }

    private static void openWallet(JadeClient client, CryptoSuite suite, PublicKey regulator, Signer bank, Path ownerKey,
                                   int walletClass, String identity) throws Exception {
        Signer owner = Signer.load(ownerKey);
        IdentityEnvelope env = IdentityEnvelope.seal(suite, identity, regulator, new SecureRandom());
        ok(client.submitAndWait(bank, CurrencyContract.NAME, CurrencyContract.OPEN_WALLET,
                CurrencyCalls.openWallet(owner.publicKey(), walletClass, env.commitment().bytes(), env.encryptedIdentity()),
                TIMEOUT), "open wallet");
    }

    private static void ok(SubmitResult r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException("devnet seeding failed at '" + what + "': " + r.receipt().code() + " " + r.receipt().message());
        }
    }
}
