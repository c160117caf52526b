package org.jadechain.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jadechain.cli.devnet.DemoConsortium;
import org.jadechain.consensus.solo.SoloOrdering;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.contracts.currency.ClassLimits;
import org.jadechain.contracts.currency.CurrencyParameters;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.Pem;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.Transaction;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.node.mempool.Admission;
import org.jadechain.node.mempool.Mempool;
import org.jadechain.node.pipeline.SignatureVerifier;
import org.jadechain.node.pipeline.WalletKeyPreparer;
import org.jadechain.storage.InMemoryLedgerStore;
import org.jadechain.storage.RocksLedgerStore;

/**
 * A solo devnet chain inside this process, without HTTP: the demo consortium written to a temporary
 * directory (as {@code jade devnet} does), its store (RocksDB there, or in memory), and the node's own
 * pipeline — {@link SignatureVerifier} on all cores → {@link Mempool} → {@link SoloOrdering} (block
 * executor, roots, commit) with the devnet's block settings, and its {@link WalletKeyPreparer}. Submitting a
 * batch does what the batch endpoint does after decoding. The directory is deleted on close.
 */
public final class InProcessTarget implements BenchTarget {
    private final Path dir;
    private final Genesis genesis;
    private final LedgerStore store;
    private final Mempool mempool;
    private final SignatureVerifier verifier;
    private final SoloOrdering ordering;
    private final WalletKeyPreparer keyPreparer;
    private final ExecutorService reporter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bench-commit-reporter");
        t.setDaemon(true);
        return t;
    });
    private final boolean rocks;
    private volatile CommitSink sink;

    private InProcessTarget(Path dir, Genesis genesis, LedgerStore store, Mempool mempool, SignatureVerifier verifier,
                            SoloOrdering ordering, WalletKeyPreparer keyPreparer, boolean rocks) {
        this.dir = dir;
        this.genesis = genesis;
        this.store = store;
        this.mempool = mempool;
        this.verifier = verifier;
        this.ordering = ordering;
        this.keyPreparer = keyPreparer;
        this.rocks = rocks;
    }

    /**
     * Creates the chain and starts block production.
     *
     * @param inMemory keep the ledger in memory instead of RocksDB
     */
    public static InProcessTarget start(SuiteId suite, boolean inMemory) throws IOException {
        Path dir = Files.createTempDirectory("jade-bench-");
        Genesis genesis = DemoConsortium.write(dir, suite, 0, System.currentTimeMillis());
        NodeConfig config = NodeConfig.read(dir.resolve("node.json"));
        KeyPair key;
        try {
            key = Pem.readKeyPair(config.validatorKey());
        } catch (CryptoException e) {
            throw new IOException("cannot read the validator key: " + e.getMessage(), e);
        }
        var indexer = SystemContracts.registry().indexer();
        LedgerStore store = inMemory ? new InMemoryLedgerStore(genesis.cryptoSuite(), indexer)
                : RocksLedgerStore.open(config.dataDir(), genesis.cryptoSuite(), RocksLedgerStore.Mode.NODE, indexer);
        Ledger ledger = new Ledger(genesis, SystemContracts.registry(), store);
        Mempool mempool = new Mempool(config.mempoolCapacity(), System::currentTimeMillis, store, genesis.cryptoSuite());
        SignatureVerifier verifier = SignatureVerifier.allCores(new TransactionValidator(genesis.chainId(),
                genesis.cryptoSuite()));
        SoloOrdering ordering = new SoloOrdering(ledger, mempool, key, config.block(), System::currentTimeMillis);
        WalletKeyPreparer keyPreparer = new WalletKeyPreparer(genesis.cryptoSuite());
        InProcessTarget t = new InProcessTarget(dir, genesis, store, mempool, verifier, ordering, keyPreparer,
                !inMemory);
        ordering.addListener(mempool);
        ordering.addListener(keyPreparer);
        ordering.addListener(t::committed);
        ordering.start();
        return t;
    }

    /** The demo consortium's keys (central-bank.pem, bank-a.pem, …). */
    public Path keys() {
        return dir.resolve("keys");
    }

    /** The RocksDB directory (empty path for an in-memory ledger). */
    public Path dataDir() {
        return dir.resolve("db");
    }

    @Override
    public String chainId() {
        return genesis.chainId();
    }

    @Override
    public SuiteId suite() {
        return genesis.suite();
    }

    @Override
    public String describe() {
        return "in-process solo ledger (" + (rocks ? "RocksDB in " + dir.resolve("db") : "in memory") + ")";
    }

    @Override
    public PublicKey regulatorKey() {
        for (Organisation o : genesis.organisations()) {
            if (o.role() == Role.REGULATOR) {
                return o.adminKeys().get(0);
            }
        }
        throw new IllegalStateException("no regulator in the demo consortium");
    }

    @Override
    public long pendingNonce(Address account) {
        return mempool.pendingNonce(account);
    }

    @Override
    public WalletLimits limits(Address wallet, int walletClass) {
        ClassLimits l = CurrencyParameters.fromGenesis(genesis).limits(walletClass);
        return new WalletLimits(l.maxBalance(), l.maxPayment(), l.maxDaily());
    }

    private record Batch(List<Transaction> txs) implements Prepared {
        @Override
        public int size() {
            return txs.size();
        }
    }

    @Override
    public Prepared prepare(List<Transaction> batch) {
        return new Batch(List.copyOf(batch));
    }

    @Override
    public List<String> submit(Prepared batch) {
        List<CheckedTransaction> checked = verifier.checkAll(((Batch) batch).txs());
        List<String> out = new ArrayList<>(checked.size());
        for (CheckedTransaction c : checked) {
            Admission a = mempool.admit(c);
            out.add(a.accepted() ? null : a.code());
        }
        return out;
    }

    private void committed(CommittedBlock block) {
        CommitSink s = sink;
        if (s == null) {
            return;
        }
        reporter.execute(() -> {
            List<String> hashes = new ArrayList<>(block.receipts().size());
            List<String> codes = new ArrayList<>(block.receipts().size());
            for (Receipt r : block.receipts()) {
                if (r.kind() == Receipt.Kind.TRANSACTION) {
                    hashes.add(r.txHash().hex());
                    codes.add(r.code().name());
                }
            }
            s.committed(block.height(), hashes, codes);
        });
    }

    @Override
    public void follow(CommitSink sink) {
        this.sink = sink;
    }

    /** Bytes under the RocksDB directory now (0 in memory). */
    public long storeBytes() {
        return BenchFiles.size(dataDir());
    }

    @Override
    public void close() {
        ordering.close();
        reporter.shutdown();
        try {
            reporter.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        verifier.close();
        keyPreparer.close();
        try {
            store.close();
        } catch (Exception e) {
            // closing a temporary store: nothing in it is kept
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
