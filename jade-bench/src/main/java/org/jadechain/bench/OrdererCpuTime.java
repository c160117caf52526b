package org.jadechain.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.ProposedBlock;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.model.Transaction;
import org.jadechain.storage.RocksLedgerStore;
import org.jadechain.testkit.TestChain;

/**
 * The solo block producer's work per transfer, by this thread's CPU time: a ledger on RocksDB with 1,000
 * funded wallets proposes (executes, roots) and commits (one synced batch) a run of blocks of already
 * verified transfers, as {@code SoloOrdering} does. Verification is not included: that is the ceiling's part.
 * Prints, per block size, the median CPU microseconds per transfer of propose and of commit over the blocks
 * after the warm-up.
 *
 * <p>Run: {@code java -cp "jade-bench/target/jade-bench-0.1.0-SNAPSHOT.jar:jade-bench/target/lib/*"
 * org.jadechain.bench.OrdererCpuTime [suite] [blocks] [transfers per block] [none|pool|alternate]}
 * (the node's RocksDB store with the wallet-history index, ADR 0011). With {@code pool}, the ledger has an idle
 * two-thread hashing pool ({@code Ledger.useHashingPool}), as a follower replaying history has: what moves to it
 * is not counted, as it is not on the follower's apply thread. With {@code alternate}, even blocks have the pool
 * and odd blocks not, and both are printed (with the wall-clock time per transfer too): this VM's speed drifts by
 * a third between minutes, so only figures from one run compare.
 */
public final class OrdererCpuTime {
    private static final int WALLETS = 1_000;

    private OrdererCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        String suiteLabel = args.length > 0 ? args[0] : "intl";
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int perBlock = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        String mode = args.length > 3 ? args[3] : "none";
        if (!List.of("none", "pool", "alternate").contains(mode)) {
            throw new IllegalArgumentException("the fourth argument is pool, alternate or none, not " + mode);
        }
        boolean pool = !mode.equals("none");
        Path dir = Files.createTempDirectory("jade-orderer-cpu");
        try (RocksLedgerStore rocks = RocksLedgerStore.open(dir, org.jadechain.core.crypto.CryptoSuites.of(
                SuiteId.fromLabel(suiteLabel)), RocksLedgerStore.Mode.NODE, SystemContracts.registry().indexer())) {
            TestChain chain = TestChain.create(SuiteId.fromLabel(suiteLabel), SystemContracts.registry(), s -> rocks);
            ExecutorService hashing = pool ? HashingPool.of(2) : null;
            try {
                run(chain, blocks, perBlock, hashing, mode.equals("alternate"));
            } finally {
                if (hashing != null) {
                    hashing.shutdownNow();
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(TestChain chain, int blocks, int perBlock, ExecutorService pool, boolean alternate) {
        CryptoSuite suite = chain.suite();
        TransferBlock.openWallets(chain, WALLETS);
        System.out.printf("signing %,d transfers...%n", (long) blocks * perBlock);
        TransactionValidator validator = new TransactionValidator(TestChain.CHAIN_ID, suite);
        List<List<CheckedTransaction>> work = new ArrayList<>();
        Address[] addresses = new Address[WALLETS];
        for (int i = 0; i < WALLETS; i++) {
            addresses[i] = chain.address("wallet-" + i);
        }
        int n = 0;
        for (int b = 0; b < blocks; b++) {
            List<CheckedTransaction> txs = new ArrayList<>(perBlock);
            for (int i = 0; i < perBlock; i++, n++) {
                int from = n % WALLETS;
                int to = (from + 1 + n / WALLETS) % WALLETS;
                if (to == from) {
                    to = (to + 1) % WALLETS;
                }
                Transaction tx = chain.tx("wallet-" + from, CurrencyContract.NAME, CurrencyContract.TRANSFER,
                        CurrencyCalls.transfer(addresses[to], 1, ""));
                txs.add(validator.check(tx));
            }
            work.add(txs);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Ledger ledger = chain.ledger();
        Address proposer = suite.address(chain.validatorKey().publicKey());
        long[] propose = new long[blocks];
        long[] commit = new long[blocks];
        long[] wall = new long[blocks];
        for (int b = 0; b < blocks; b++) {
            ledger.useHashingPool(alternate && b % 2 == 1 ? null : pool);
            long ts = ledger.minimumNextTimestamp() + 1_000;
            long w0 = System.nanoTime();
            long t0 = mx.getCurrentThreadCpuTime();
            ProposedBlock p = ledger.propose(ts, work.get(b), proposer);
            long t1 = mx.getCurrentThreadCpuTime();
            ledger.commit(p, new CommitCertificate(p.headerHash(), List.of(new CommitCertificate.Signature(
                    chain.validatorKey().publicKey().encoded(), suite.sign(chain.validatorKey().privateKey(),
                            CommitCertificate.signedMessage(p.headerHash()))))));
            long t2 = mx.getCurrentThreadCpuTime();
            wall[b] = System.nanoTime() - w0;
            for (Receipt r : p.receipts()) {
                if (r.code() != ResultCode.OK) {
                    throw new IllegalStateException("transfer refused: " + r.code() + " " + r.message());
                }
            }
            propose[b] = t1 - t0;
            commit[b] = t2 - t1;
        }
        int skip = blocks / 3;
        if (alternate) {
            report(suite, blocks, perBlock, "hashing pool, even blocks", propose, commit, wall, skip, 0);
            report(suite, blocks, perBlock, "no pool, odd blocks", propose, commit, wall, skip, 1);
        } else {
            report(suite, blocks, perBlock, pool != null ? "hashing pool" : "no pool", propose, commit, wall, skip, -1);
        }
    }

    /** Prints the medians over the blocks after {@code skip}, of one parity (0 or 1) or all (-1). */
    private static void report(CryptoSuite suite, int blocks, int perBlock, String label, long[] propose, long[] commit,
                               long[] wall, int skip, int parity) {
        double pr = median(propose, skip, parity) / 1e3 / perBlock;
        double co = median(commit, skip, parity) / 1e3 / perBlock;
        double wa = median(wall, skip, parity) / 1e3 / perBlock;
        System.out.printf("suite %s, %d blocks of %,d transfers (medians after the first %d), %s:%n", suite.id().label(),
                blocks, perBlock, skip, label);
        System.out.printf("  propose (execute + roots)  %7.1f us of CPU per transfer%n", pr);
        System.out.printf("  commit (RocksDB batch)     %7.1f us of CPU per transfer%n", co);
        System.out.printf("  producer total             %7.1f us  = %,.0f transfers per CPU-second (wall %.1f us)%n",
                pr + co, 1e6 / (pr + co), wa);
    }

    private static double median(long[] values, int skip, int parity) {
        long[] tail = IntStream.range(skip, values.length)
                .filter(i -> parity < 0 || i % 2 == parity).mapToLong(i -> values[i]).toArray();
        Arrays.sort(tail);
        return tail[tail.length / 2];
    }
}
