package org.jadechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.jadechain.cli.devnet.DemoConsortium;
import org.jadechain.cli.devnet.DevnetSeed;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.node.JadeNode;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.sdk.JadeClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue #3's walkthrough, typed as a user would, against a devnet node (both suites). */
class CurrencyWalkthroughTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String node;
    private Path keys;

    private Cli.Run jade(String... args) {
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--node";
        full[args.length + 1] = node;
        return Cli.run(full);
    }

    private String key(String id) {
        return keys.resolve(id + ".pem").toString();
    }

    private static JsonNode json(Cli.Run r) throws Exception {
        return JSON.readTree(r.out());
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void centralBankToCitizenToShopWithLimitsFreezeAndDeduct(SuiteId suite) throws Exception {
        Genesis genesis = DemoConsortium.write(dir, suite, 0, System.currentTimeMillis());
        keys = dir.resolve("keys");
        try (JadeNode n = JadeNode.start(NodeConfig.read(dir.resolve("node.json")), System::currentTimeMillis)) {
            node = "http://127.0.0.1:" + n.apiPort();
            DevnetSeed.run(new JadeClient(node), keys, genesis, System.out);

            assertThat(jade("cb", "issue", "--to", "bank-a", "--amount", "1000000.00", "--key", key("central-bank")).status()).isZero();
            Cli.Run notCb = jade("cb", "issue", "--to", "bank-a", "--amount", "1.00", "--key", key("bank-b"), "--json");
            assertThat(notCb.status()).isEqualTo(1);
            assertThat(json(notCb).path("code").asText()).isEqualTo("NOT_AUTHORISED");

            Cli.Run citizenWallet = jade("bank", "open-wallet", "--class", "4", "--phone", "13800000002",
                    "--owner-key", key("citizen-2"), "--key", key("bank-a"), "--json");
            assertThat(citizenWallet.status()).as(citizenWallet.toString()).isZero();
            String wc = json(citizenWallet).path("wallet").asText();
            Cli.Run shopWallet = jade("bank", "open-wallet", "--class", "2", "--phone", "13800000009", "--name", "Shop One",
                    "--id-number", "91110000MA00000000", "--owner-key", keys.resolve("shop-1.pub.pem").toString(),
                    "--key", key("bank-a"), "--json");
            // the devnet seed already opened shop-1's class-2 wallet (the courts demo's creditor): refused, and named
            assertThat(shopWallet.status()).as(shopWallet.toString()).isEqualTo(1);
            assertThat(json(shopWallet).path("code").asText()).isEqualTo("ALREADY_EXISTS");
            assertThat(json(shopWallet).path("alreadyOpen").asBoolean()).isTrue();
            String ws = json(shopWallet).path("wallet").asText();
            assertThat(json(jade("wallet", "balance", ws, "--json")).path("class").asInt()).isEqualTo(2);

            assertThat(jade("bank", "exchange-in", wc, "3000.00", "--key", key("bank-a")).status()).isZero();
            assertThat(jade("wallet", "pay", ws, "1500.00", "--key", key("citizen-2")).status()).isZero();
            Cli.Run tooMuch = jade("wallet", "pay", ws, "2500.00", "--key", key("citizen-2"), "--json");
            assertThat(tooMuch.status()).isEqualTo(1);
            assertThat(json(tooMuch).path("code").asText()).isEqualTo("LIMIT_EXCEEDED");
            JsonNode balance = json(jade("wallet", "balance", "--key", key("citizen-2"), "--json"));
            assertThat(balance.path("balance").asLong()).isEqualTo(150_000);
            assertThat(balance.path("limits").path("leftTodayYuan").asText()).isEqualTo("3,500.00");

            Cli.Run supply = jade("supply", "--json");
            assertThat(supply.status()).isZero();
            JsonNode s = json(supply);
            assertThat(s.path("invariants").path("ok").asBoolean()).isTrue();
            assertThat(s.path("reservesTotal").asLong() + s.path("walletsTotal").asLong()).isEqualTo(s.path("supply").asLong());

            Cli.Run whois = jade("regulator", "whois", wc, "--key", key("regulator"));
            assertThat(whois.status()).isZero();
            assertThat(whois.out()).contains("13800000002");
            for (String other : new String[] {"bank-a", "bank-b", "court", "citizen-2", "central-bank"}) {
                Cli.Run denied = jade("regulator", "whois", wc, "--key", key(other));
                assertThat(denied.status()).isEqualTo(1);
                assertThat(denied.out() + denied.err()).doesNotContain("13800000002");
            }

            assertThat(jade("court", "freeze", ws, "1000.00", "--case", "case-1", "--key", key("court")).status()).isZero();
            Cli.Run frozen = jade("wallet", "pay", wc, "1000.00", "--key", key("shop-1"), "--json");
            assertThat(json(frozen).path("code").asText()).isEqualTo("FROZEN");
            assertThat(jade("court", "deduct", ws, wc, "1000.00", "--case", "case-1", "--key", key("court")).status()).isZero();

            assertThat(json(jade("wallet", "balance", wc, "--json")).path("balance").asLong()).isEqualTo(250_000);
            JsonNode shop = json(jade("wallet", "balance", ws, "--json"));
            assertThat(shop.path("balance").asLong()).isEqualTo(50_000);
            assertThat(shop.path("frozen").asLong()).isZero();
            assertThat(jade("wallet", "history", wc, "--json").out()).contains("DEDUCT");
            assertThat(jade("supply").status()).isZero();
        }
        assertThat(Cli.run("verify", "--data", dir.toString()).status()).isZero();
        Cli.Run reindexed = Cli.run("db", "reindex", "--data", dir.toString());
        assertThat(reindexed.status()).as(reindexed.err()).isZero();
        assertThat(reindexed.out()).contains("rebuilt the index");
        // verify compares the whole stored index with the one its replay builds: the rebuilt one must match it
        assertThat(Cli.run("verify", "--data", dir.toString()).status()).isZero();
    }

    @Test
    void amountsAreParsedExactlyAndGarbageIsRefusedBeforeAnythingIsSent() {
        Cli.Run r = Cli.run("wallet", "pay", "0000000000000000000000000000000000000000", "12.345", "--node", "http://127.0.0.1:1",
                "--key", "/nonexistent.pem");
        assertThat(r.status()).isNotZero();
        assertThat(Cli.run("cb", "issue", "--to", "bank-a", "--amount", "1e6", "--node", "http://127.0.0.1:1").status()).isNotZero();
    }
}
