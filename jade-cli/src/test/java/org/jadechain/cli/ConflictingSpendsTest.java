package org.jadechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jadechain.cli.devnet.DemoConsortium;
import org.jadechain.cli.devnet.DevnetSeed;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.contracts.currency.CurrencyQueries;
import org.jadechain.contracts.currency.Yuan;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.model.Transaction;
import org.jadechain.node.JadeNode;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.sdk.JadeApiException;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.Signer;
import org.jadechain.sdk.TransactionBuilder;
import org.jadechain.sdk.TxView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients racing to spend the same wallet's money through the REST API: exactly the payments the
 * funds cover commit, every other one is refused, and nothing is spent twice.
 */
class ConflictingSpendsTest {
    @TempDir
    Path dir;

    private JadeNode node;
    private JadeClient client;
    private Genesis genesis;
    private Signer citizen;
    private Signer shop;

    @BeforeEach
    void startFundedDevnet() throws Exception {
        genesis = DemoConsortium.write(dir, SuiteId.INTL, 0, System.currentTimeMillis());
        node = JadeNode.start(NodeConfig.read(dir.resolve("node.json")), System::currentTimeMillis);
        client = new JadeClient("http://127.0.0.1:" + node.apiPort());
        DevnetSeed.run(client, dir.resolve("keys"), genesis, System.out);
        citizen = Signer.load(dir.resolve("keys/citizen-1.pem"));
        shop = Signer.load(dir.resolve("keys/shop-1.pem"));
        // the devnet seed opened shop-1's (empty, class-2) wallet
        assertThat(client.getJson("/v1/currency/wallets/" + shop.address().hex())).isPresent();
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void racingClientsCannotSpendTheSameFundsTwice() throws Exception {
        long balance = CurrencyQueries.wallet(node.context().store(), citizen.address()).balance();
        assertThat(balance).isEqualTo(Yuan.parse("20000.00"));
        long amount = Yuan.parse("7000.00");
        int clients = 12;
        int attemptsEach = 5;
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                start.await();
                TransactionBuilder b = new TransactionBuilder(genesis.chainId(), genesis.suite(), citizen);
                for (int i = 0; i < attemptsEach; i++) {
                    long nonce = client.nonce(citizen.address()).pendingNonce();
                    Transaction tx = b.build(nonce, CurrencyContract.NAME, CurrencyContract.TRANSFER,
                            CurrencyCalls.transfer(shop.address(), amount, "race"));
                    try {
                        accepted.add(client.submit(tx));
                    } catch (JadeApiException e) {
                        assertThat(e.errorCode()).isIn("BAD_NONCE", "DUPLICATE");
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

        int ok = 0;
        int refused = 0;
        for (String hash : accepted) {
            TxView v = client.awaitCommitted(hash, Duration.ofSeconds(30));
            if (v.receipt().ok()) {
                ok++;
            } else {
                assertThat(v.receipt().code()).isEqualTo("INSUFFICIENT_FUNDS");
                refused++;
            }
        }
        long covered = balance / amount;
        assertThat(accepted.size()).isGreaterThan((int) covered);
        assertThat(ok).isEqualTo((int) covered);
        assertThat(refused).isEqualTo(accepted.size() - ok);
        var store = node.context().store();
        assertThat(CurrencyQueries.wallet(store, citizen.address()).balance()).isEqualTo(balance - covered * amount);
        assertThat(CurrencyQueries.wallet(store, shop.address()).balance()).isEqualTo(covered * amount);
        assertThat(CurrencyQueries.checkInvariants(store)).isEmpty();
    }

    @Test
    void theSameNonceSignedForDifferentPayeesIsAdmittedOnce() throws Exception {
        long nonce = client.nonce(citizen.address()).pendingNonce();
        Signer citizen3 = Signer.load(dir.resolve("keys/citizen-3.pem"));
        TransactionBuilder b = new TransactionBuilder(genesis.chainId(), genesis.suite(), citizen);
        List<Transaction> spends = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            spends.add(b.build(nonce, CurrencyContract.NAME, CurrencyContract.TRANSFER,
                    CurrencyCalls.transfer(i % 2 == 0 ? shop.address() : citizen3.address(), Yuan.parse("15000.00") + i, "double spend " + i)));
        }
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(spends.size());
        CountDownLatch start = new CountDownLatch(1);
        for (Transaction tx : spends) {
            pool.submit(() -> {
                start.await();
                try {
                    accepted.add(client.submit(tx));
                } catch (JadeApiException e) {
                    assertThat(e.errorCode()).isEqualTo("BAD_NONCE");
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(accepted).hasSize(1);
        client.awaitCommitted(accepted.peek(), Duration.ofSeconds(30));
        int committed = 0;
        for (Transaction tx : spends) {
            Optional<TxView> v = client.transaction(tx.hash().hex());
            if (v.isPresent() && v.get().committed()) {
                committed++;
            }
        }
        assertThat(committed).isEqualTo(1);
        assertThat(CurrencyQueries.checkInvariants(node.context().store())).isEmpty();
    }
}
