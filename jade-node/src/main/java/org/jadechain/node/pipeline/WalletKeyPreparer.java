package org.jadechain.node.pipeline;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.ledger.CommitListener;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.Transaction;

/**
 * Prepares the key of each newly opened wallet for verification ({@link CryptoSuite#prepareToVerify}) on a
 * background thread, so that the wallet's first payments cost this node one ordinary verification each. Without
 * it, an SM2 key's first two verifications build its comb tables, about seven verifications' extra work, which
 * lands on the signature pool exactly when many new wallets start paying at once (docs/PERFORMANCE.md).
 *
 * <p>Speed only: a key not prepared (dropped from a full queue, the node closing) is prepared by its first
 * verifications as before, and nothing here touches the ledger. {@link #committed} only queues the successful
 * {@code openWallet} calls' key bytes, so the ordering thread does not wait. Thread-safe.
 */
public final class WalletKeyPreparer implements CommitListener, AutoCloseable {
    /**
     * Keys waiting to be prepared. When more wallets open at once (a bank onboarding thousands), the oldest waiting
     * keys are dropped: SM2's wide comb tables are held for about 2,000–4,000 recent keys (two generations of
     * 2,048), so a wide table prepared long before the wallet's first payment would be evicted unused, its CPU
     * wasted.
     */
    static final int QUEUE_CAPACITY = 1_000;

    private final CryptoSuite suite;
    private final ThreadPoolExecutor worker;

    public WalletKeyPreparer(CryptoSuite suite) {
        this(suite, QUEUE_CAPACITY);
    }

    WalletKeyPreparer(CryptoSuite suite, int queueCapacity) {
        this.suite = suite;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity),
                r -> {
                    Thread t = new Thread(r, "wallet-keys");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.DiscardOldestPolicy());
    }

    @Override
    public void committed(CommittedBlock block) {
        List<Transaction> txs = block.block().transactions();
        List<Receipt> receipts = block.receipts();
        int first = receipts.size() - txs.size();
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            if (CurrencyContract.OPEN_WALLET.equals(tx.method()) && CurrencyContract.NAME.equals(tx.contract())
                    && receipts.get(first + i).ok()) {
                byte[] args = tx.args();
                worker.execute(() -> prepare(args));
            }
        }
    }

    /** Keys queued and not yet prepared; for tests and metrics. */
    int pending() {
        return worker.getQueue().size() + worker.getActiveCount();
    }

    private void prepare(byte[] openWalletArgs) {
        try {
            suite.prepareToVerify(suite.decodePublicKey(Args.decode(openWalletArgs).bytes(0)));
        } catch (ContractException | CryptoException | RuntimeException e) {
            // Not reached for a committed openWallet (the contract decoded this key); preparing only saves time.
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
