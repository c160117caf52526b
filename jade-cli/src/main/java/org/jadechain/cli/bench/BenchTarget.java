package org.jadechain.cli.bench;

import java.util.List;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Transaction;

/**
 * What {@code jade bench} drives: a running node over its REST API ({@link HttpTarget}) or a ledger in this
 * process ({@link InProcessTarget}). Both take batches of signed transactions and report committed blocks.
 * Implementations are thread-safe: several workers submit at once.
 */
public interface BenchTarget extends AutoCloseable {

    /** A batch made ready for submission before the clock starts (e.g. its request body encoded). */
    interface Prepared {
        int size();
    }

    /** Receives committed blocks, in height order, from one thread. */
    interface CommitSink {
        /** The transaction hashes (hex) of a committed block and their receipt codes, in block order. */
        void committed(long height, List<String> txHashes, List<String> codes);
    }

    /** Limits of a wallet class in fen, {@code -1} for no cap. */
    record WalletLimits(long maxBalance, long maxPayment, long maxDaily) {
    }

    String chainId();

    SuiteId suite();

    /** For the report: where the load went. */
    String describe();

    /** The regulator's key, to which new wallets' identities are encrypted. */
    PublicKey regulatorKey();

    /** The next nonce of an account, counting pending transactions. */
    long pendingNonce(Address account);

    /** The limits that apply to a wallet of that class (the wallet may be used to look them up). */
    WalletLimits limits(Address wallet, int walletClass);

    Prepared prepare(List<Transaction> batch);

    /**
     * Submits a prepared batch.
     *
     * @return per transaction, in order: null when accepted as pending, else the refusal code
     */
    List<String> submit(Prepared batch);

    /**
     * Starts reporting blocks committed from now on to the sink (replacing any earlier sink); returns once
     * every block committed after this call is sure to be reported.
     */
    void follow(CommitSink sink);

    @Override
    void close();
}
