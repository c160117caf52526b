package org.jadechain.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.ledger.BlockCommit;
import org.jadechain.core.ledger.ProposedBlock;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.Transaction;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.crypto.Hash;
import org.jadechain.storage.RocksLedgerStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A block of 10,000 currency transfers (1,000 funded wallets, 10 transfers each): executing it on the head
 * ({@code Ledger.propose}: execution, receipts, transaction/receipt/state roots; nothing is committed, so every
 * invocation executes the same block), and committing its writes to RocksDB in one synced batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class LedgerBenchmarks {
    static final int TRANSFERS = 10_000;
    static final int WALLETS = 1_000;

    @Param({"intl", "sm"})
    public String suite;

    private TransferBlock block;
    private ProposedBlock proposed;
    private long timestamp;
    private Path dir;
    private RocksLedgerStore rocks;
    private byte[] certificate;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        block = new TransferBlock(SuiteId.fromLabel(suite), WALLETS, TRANSFERS);
        timestamp = block.chain.ledger().minimumNextTimestamp();
        proposed = executeBlock();
        for (Receipt r : proposed.receipts()) {
            if (!r.code().name().equals("OK")) {
                throw new IllegalStateException("a benchmark transfer was refused: " + r.code() + " " + r.message());
            }
        }
        certificate = new CommitCertificate(proposed.headerHash(), java.util.List.of()).encode();
        dir = Files.createTempDirectory("jade-bench-rocks");
        rocks = RocksLedgerStore.open(dir, block.chain.suite(), RocksLedgerStore.Mode.NODE,
                org.jadechain.contracts.SystemContracts.registry().indexer());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        rocks.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Executes 10,000 verified transfers and computes the block's roots. */
    @Benchmark
    public ProposedBlock executeBlock() {
        return block.chain.ledger().propose(timestamp, block.transfers,
                block.chain.suite().address(block.chain.validatorKey().publicKey()));
    }

    /**
     * A follower's path for a live block (ADR 0004): every transaction's signature verified on the apply
     * thread, then the block re-executed and its roots compared.
     */
    @Benchmark
    public ProposedBlock replayCheckingSignatures() throws Exception {
        return block.chain.ledger().replay(proposed.block(), BlockChecks.all(block, proposed, false));
    }

    /** A catching-up node's path for certified history (ADR 0010): keys decoded, signatures not verified. */
    @Benchmark
    public ProposedBlock replayCertified() throws Exception {
        return block.chain.ledger().replay(proposed.block(), BlockChecks.all(block, proposed, true));
    }

    ProposedBlock proposed() {
        return proposed;
    }

    TransferBlock transferBlock() {
        return block;
    }

    /** Writes the block, receipts, indexes and state changes of 10,000 transfers in one synced WriteBatch. */
    @Benchmark
    public long commitBlockToRocksDb() {
        long height = rocks.lastHeight() + 1;
        java.util.List<Hash> txHashes = new java.util.ArrayList<>(TRANSFERS);
        for (Transaction t : proposed.block().transactions()) {
            txHashes.add(t.hash());
        }
        java.util.List<byte[]> receipts = new java.util.ArrayList<>(TRANSFERS);
        for (Receipt r : proposed.receipts()) {
            receipts.add(r.encode());
        }
        rocks.commit(new BlockCommit(height, proposed.headerHash(), proposed.block().encode(), txHashes,
                proposed.receipts(), receipts, certificate, proposed.stateUpdate().changes(),
                proposed.stateUpdate().bucketHashes()));
        return height;
    }
}
