package org.jadechain.cli.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Transaction;
import org.jadechain.sdk.Signer;
import org.jadechain.sdk.TransactionBuilder;

/**
 * The load: {@code wallets} fresh key pairs and {@code transfers} currency transfers among them, all signed
 * before any clock starts. Transfer {@code j} is sent by wallet {@code j mod wallets} with that wallet's
 * nonce {@code firstNonce + j div wallets}, to the next wallet round the ring, so each wallet sends and
 * receives the same number of transfers and a wallet's transfers appear in nonce order. Immutable after
 * {@link #create}.
 */
public final class Workload {
    private final SuiteId suite;
    private final List<Signer> wallets;
    private final Transaction[] transfers;
    private final long amount;

    private Workload(SuiteId suite, List<Signer> wallets, Transaction[] transfers, long amount) {
        this.suite = suite;
        this.wallets = wallets;
        this.transfers = transfers;
        this.amount = amount;
    }

    /** Only the wallets, with no transfers signed yet. */
    public static List<Signer> newWallets(SuiteId suite, int count, SecureRandom random) {
        if (count < 2) {
            throw new IllegalArgumentException("a workload needs at least 2 wallets, not " + count);
        }
        List<Signer> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(Signer.generate(suite, random));
        }
        return List.copyOf(out);
    }

    /**
     * Signs the transfers on all cores.
     *
     * @param amount fen per transfer
     */
    public static Workload create(String chainId, SuiteId suite, List<Signer> wallets, int transfers, long amount,
                                  long firstNonce) {
        int n = wallets.size();
        List<TransactionBuilder> builders = new ArrayList<>(n);
        List<Address> addresses = new ArrayList<>(n);
        for (Signer s : wallets) {
            builders.add(new TransactionBuilder(chainId, suite, s));
            addresses.add(s.address());
        }
        Transaction[] txs = new Transaction[transfers];
        IntStream.range(0, transfers).parallel().forEach(j -> {
            int from = j % n;
            Address to = addresses.get((from + 1) % n);
            txs[j] = builders.get(from).build(firstNonce + j / n, CurrencyContract.NAME, CurrencyContract.TRANSFER,
                    CurrencyCalls.transfer(to, amount, ""));
        });
        return new Workload(suite, wallets, txs, amount);
    }

    public SuiteId suite() {
        return suite;
    }

    public List<Signer> wallets() {
        return wallets;
    }

    public int size() {
        return transfers.length;
    }

    public Transaction transfer(int j) {
        return transfers[j];
    }

    public long amount() {
        return amount;
    }

    /** The most transfers any one wallet sends (and receives). */
    public int transfersPerWallet() {
        return (transfers.length + wallets.size() - 1) / wallets.size();
    }

    /**
     * The transfers split among {@code workers}, each worker owning whole senders (wallet {@code i} belongs
     * to worker {@code i mod workers}) so that it alone submits them, in nonce order; then cut into batches
     * of at most {@code batchSize}. Element {@code [w][b]} holds the transfer indexes of worker w's batch b.
     */
    public int[][][] batches(int workers, int batchSize) {
        if (workers < 1 || batchSize < 1) {
            throw new IllegalArgumentException("workers and batch size must be at least 1");
        }
        int n = wallets.size();
        List<List<Integer>> own = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            own.add(new ArrayList<>());
        }
        for (int j = 0; j < transfers.length; j++) {
            own.get((j % n) % workers).add(j);
        }
        int[][][] out = new int[workers][][];
        for (int w = 0; w < workers; w++) {
            List<Integer> mine = own.get(w);
            int count = (mine.size() + batchSize - 1) / batchSize;
            out[w] = new int[count][];
            for (int b = 0; b < count; b++) {
                int from = b * batchSize;
                int to = Math.min(mine.size(), from + batchSize);
                out[w][b] = mine.subList(from, to).stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return out;
    }
}
