package org.jadechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jadechain.cli.devnet.DemoConsortium;
import org.jadechain.cli.devnet.DevnetSeed;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.contracts.currency.Yuan;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.node.JadeNode;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.sdk.IdentityEnvelope;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegulatorAlertStreamTest {
    @TempDir
    Path dir;

    @Test
    void aLargePaymentReachesTheEventStreamAndTheAlertList() throws Exception {
        Genesis genesis = DemoConsortium.write(dir, SuiteId.INTL, 0, System.currentTimeMillis());
        try (JadeNode node = JadeNode.start(NodeConfig.read(dir.resolve("node.json")), System::currentTimeMillis)) {
            String url = "http://127.0.0.1:" + node.apiPort();
            JadeClient client = new JadeClient(url);
            DevnetSeed.run(client, dir.resolve("keys"), genesis, System.out);
            Signer bank = Signer.load(dir.resolve("keys/bank-a.pem"));
            Signer citizen = Signer.load(dir.resolve("keys/citizen-1.pem"));
            Signer shop = Signer.load(dir.resolve("keys/shop-1.pem"));
            IdentityEnvelope env = IdentityEnvelope.seal(genesis.cryptoSuite(), "{\"phone\":\"1\"}",
                    genesis.organisation("regulator").adminKeys().get(0), new SecureRandom());
            Duration t = Duration.ofSeconds(30);
            client.submitAndWait(bank, CurrencyContract.NAME, CurrencyContract.OPEN_WALLET,
                    CurrencyCalls.openWallet(shop.publicKey(), 1, env.commitment().bytes(), env.encryptedIdentity()), t);
            client.submitAndWait(bank, CurrencyContract.NAME, CurrencyContract.EXCHANGE_IN,
                    CurrencyCalls.exchangeIn(citizen.address(), Yuan.parse("40000.00")), t);

            LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
            HttpClient http = HttpClient.newHttpClient();
            var response = http.sendAsync(HttpRequest.newBuilder(URI.create(url + "/v1/events"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            Stream<String> body = response.get(10, TimeUnit.SECONDS).body();
            Thread reader = new Thread(() -> body.forEach(lines::add));
            reader.setDaemon(true);
            reader.start();
            waitFor(lines, "event:hello");

            var paid = client.submitAndWait(citizen, CurrencyContract.NAME, CurrencyContract.TRANSFER,
                    CurrencyCalls.transfer(shop.address(), Yuan.parse("50000.00"), "car"), t);
            assertThat(paid.ok()).isTrue();

            waitFor(lines, "event:alert");
            String data = waitFor(lines, "data:");
            assertThat(data).contains("LARGE_PAYMENT").contains(citizen.address().hex()).contains(paid.txHash());
            assertThat(client.getJson("/v1/currency/alerts").orElseThrow().path("alerts").get(0).path("kind").asText())
                    .isEqualTo("LARGE_PAYMENT");
            body.close();
        }
    }

    private static String waitFor(LinkedBlockingQueue<String> lines, String prefix) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            String l = lines.poll(1, TimeUnit.SECONDS);
            if (l != null && l.replace(" ", "").startsWith(prefix.replace(" ", ""))) {
                return l;
            }
        }
        throw new AssertionError("no line starting with " + prefix + " on the event stream within 20 s");
    }
}
