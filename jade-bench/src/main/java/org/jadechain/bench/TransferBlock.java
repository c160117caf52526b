package org.jadechain.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.contracts.currency.IdentityCommitment;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.model.Transaction;
import org.jadechain.testkit.TestChain;

/**
 * A {@link TestChain} with the currency, {@code wallets} class-1 wallets opened by bank-a and funded, and
 * {@code transfers} signed and checked transfers of 0.01 yuan between them (each wallet sends
 * transfers / wallets of them, with consecutive nonces), not yet executed.
 */
final class TransferBlock {
    final TestChain chain;
    final List<CheckedTransaction> transfers;

    TransferBlock(SuiteId suiteId, int wallets, int transfers) {
        this.chain = TestChain.create(suiteId, SystemContracts.registry());
        openWallets(chain, wallets);
        CryptoSuite suite = chain.suite();
        TransactionValidator validator = new TransactionValidator(TestChain.CHAIN_ID, suite);
        this.transfers = new ArrayList<>(transfers);
        for (int i = 0; i < transfers; i++) {
            int from = i % wallets;
            int to = (from + 1 + i / wallets) % wallets;
            Transaction tx = chain.tx("wallet-" + from, CurrencyContract.NAME, CurrencyContract.TRANSFER,
                    CurrencyCalls.transfer(chain.address("wallet-" + to), 1, ""));
            this.transfers.add(validator.check(tx));
        }
    }

    /**
     * Issues to bank-a and opens {@code wallets} class-1 wallets ({@code wallet-0}, …) through it, each funded with
     * 1,000 yuan, in two committed blocks.
     */
    static void openWallets(TestChain chain, int wallets) {
        CryptoSuite suite = chain.suite();
        SecureRandom random = new SecureRandom();
        chain.submit("central-bank", CurrencyContract.NAME, CurrencyContract.ISSUE,
                CurrencyCalls.issue("bank-a", 1_000_000_000_00L));
        List<Transaction> setup = new ArrayList<>();
        for (int i = 0; i < wallets; i++) {
            String owner = "wallet-" + i;
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            String identity = "bench:" + i;
            byte[] sealed = suite.encryptTo(chain.key("regulator").publicKey(),
                    identity.getBytes(StandardCharsets.UTF_8), random);
            setup.add(chain.tx("bank-a", CurrencyContract.NAME, CurrencyContract.OPEN_WALLET,
                    CurrencyCalls.openWallet(chain.key(owner).publicKey(), 1,
                            IdentityCommitment.compute(suite, salt, identity).bytes(), sealed)));
            setup.add(chain.tx("bank-a", CurrencyContract.NAME, CurrencyContract.EXCHANGE_IN,
                    CurrencyCalls.exchangeIn(chain.address(owner), 1_000_00L)));
        }
        chain.block(setup.toArray(Transaction[]::new));
    }
}
