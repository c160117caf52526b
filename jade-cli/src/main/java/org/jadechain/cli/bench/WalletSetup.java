package org.jadechain.cli.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.model.Transaction;
import org.jadechain.sdk.IdentityEnvelope;
import org.jadechain.sdk.Signer;
import org.jadechain.sdk.TransactionBuilder;

/**
 * Opens and funds the benchmark's wallets with ordinary signed transactions before the clock starts: the
 * central bank (when its key is given) issues the total to the operator; the operator opens every wallet
 * in the chosen class (identity sealed to the regulator, as a bank would) and exchanges each wallet's share
 * in. Refuses to start when the class's limits would refuse part of the load.
 */
public final class WalletSetup {
    private static final int BATCH = 1_000;
    private static final long TIMEOUT_MILLIS = 300_000;

    private final BenchTarget target;
    private final Signer operator;
    private final String operatorId;
    private final Signer centralBank;

    /** @param centralBank may be null: the operator's reserve must then cover the funding */
    public WalletSetup(BenchTarget target, Signer operator, String operatorId, Signer centralBank) {
        this.target = target;
        this.operator = operator;
        this.operatorId = operatorId;
        this.centralBank = centralBank;
    }

    /**
     * Opens and funds the workload's wallets; returns once all of it is committed.
     *
     * @throws IllegalStateException when a setup transaction is refused, or the class limits do not fit
     */
    public void run(List<Signer> wallets, int walletClass, long fundPerWallet, long amount, int transfersPerWallet)
            throws InterruptedException {
        if (centralBank != null) {
            TransactionBuilder cb = new TransactionBuilder(target.chainId(), target.suite(), centralBank);
            Transaction issue = cb.build(target.pendingNonce(centralBank.address()), CurrencyContract.NAME,
                    CurrencyContract.ISSUE, CurrencyCalls.issue(operatorId, Math.multiplyExact(fundPerWallet, wallets.size())));
            submitAndAwait(List.of(issue), "issue to " + operatorId);
        }
        TransactionBuilder op = new TransactionBuilder(target.chainId(), target.suite(), operator);
        long nonce = target.pendingNonce(operator.address());
        SecureRandom random = new SecureRandom();
        PublicKey regulator = target.regulatorKey();
        List<Transaction> txs = new ArrayList<>(wallets.size());
        for (int i = 0; i < wallets.size(); i++) {
            IdentityEnvelope env = IdentityEnvelope.seal(CryptoSuites.of(target.suite()),
                    "{\"name\":\"bench wallet " + i + "\",\"phone\":\"1390000" + String.format("%04d", i % 10_000) + "\"}",
                    regulator, random);
            txs.add(op.build(nonce++, CurrencyContract.NAME, CurrencyContract.OPEN_WALLET,
                    CurrencyCalls.openWallet(wallets.get(i).publicKey(), walletClass, env.commitment().bytes(),
                            env.encryptedIdentity())));
        }
        submitAndAwait(txs, "open " + wallets.size() + " wallets");
        checkLimits(target.limits(wallets.get(0).address(), walletClass), walletClass, fundPerWallet, amount,
                transfersPerWallet);
        txs.clear();
        for (Signer w : wallets) {
            txs.add(op.build(nonce++, CurrencyContract.NAME, CurrencyContract.EXCHANGE_IN,
                    CurrencyCalls.exchangeIn(w.address(), fundPerWallet)));
        }
        submitAndAwait(txs, "fund " + wallets.size() + " wallets");
    }

    /** The checks the currency contract would make, for the busiest wallet of the plan. */
    static void checkLimits(BenchTarget.WalletLimits l, int walletClass, long fund, long amount, int perWallet) {
        long outflow = Math.multiplyExact(amount, (long) perWallet);
        long peakBalance = Math.addExact(fund, outflow);
        if (l.maxPayment() >= 0 && amount > l.maxPayment()) {
            throw new IllegalStateException("class " + walletClass + " allows single payments up to " + l.maxPayment()
                    + " fen; the transfers are " + amount + " fen");
        }
        if (l.maxDaily() >= 0 && outflow > l.maxDaily()) {
            throw new IllegalStateException("class " + walletClass + " allows " + l.maxDaily() + " fen a day; each wallet "
                    + "would pay " + outflow + " fen: use more wallets (--wallets) or class 1 (--wallet-class 1)");
        }
        if (l.maxBalance() >= 0 && peakBalance > l.maxBalance()) {
            throw new IllegalStateException("class " + walletClass + " holds at most " + l.maxBalance() + " fen; a wallet "
                    + "could reach " + peakBalance + " fen: use more wallets or class 1");
        }
    }

    private void submitAndAwait(List<Transaction> txs, String what) throws InterruptedException {
        List<String> hashes = new ArrayList<>(txs.size());
        for (Transaction t : txs) {
            hashes.add(t.hash().hex());
        }
        CommitTracker tracker = new CommitTracker(hashes, n -> { });
        target.follow(tracker);
        for (int from = 0; from < txs.size(); from += BATCH) {
            List<Transaction> batch = txs.subList(from, Math.min(txs.size(), from + BATCH));
            List<String> codes = target.submit(target.prepare(batch));
            for (int k = 0; k < codes.size(); k++) {
                tracker.sent(from + k, System.nanoTime());
                if (codes.get(k) != null) {
                    throw new IllegalStateException("setup (" + what + ") refused by the node: " + codes.get(k));
                }
            }
        }
        if (!tracker.awaitAll(TIMEOUT_MILLIS)) {
            throw new IllegalStateException("setup (" + what + ") not committed within " + TIMEOUT_MILLIS / 1000 + " s");
        }
        if (tracker.committedOk() != txs.size()) {
            throw new IllegalStateException("setup (" + what + ") refused in blocks: " + tracker.executionRefusals());
        }
    }
}
