package org.jadechain.node.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.contract.ContractRegistry;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.ledger.BlockRejectedException;
import org.jadechain.contracts.governance.GovernanceQueries;
import org.jadechain.core.ledger.CertificateVerifier;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.ledger.ProposedBlock;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.ledger.TxLocation;
import org.jadechain.core.model.Block;
import org.jadechain.core.model.BlockHeader;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Transaction;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateTree;
import org.jadechain.node.pipeline.SignatureVerifier;
import org.jadechain.storage.InMemoryLedgerStore;

/**
 * Re-checks a stored chain from genesis, trusting nothing in the store: every block decodes, links to
 * the one before, carries a valid certificate from the validators in force at its height (genesis's, then
 * as governance changed them), is indexed where it should
 * be, and re-executes (in a fresh in-memory ledger) to the same transaction, receipt and state roots and
 * the same receipts byte for byte; finally the stored state must equal the replayed state bucket by
 * bucket, and the store's derived index (the wallet history, ADR 0011) the one the replay built; after every block each contract's invariants must hold (e.g. the currency supply adds up).
 * Stops at the first problem and names its height. Not thread-safe; runs on the caller's thread
 * (signatures are checked in parallel through the given verifier).
 */
public final class ChainAudit {
    /** Called after each verified block. */
    public interface Progress {
        void verified(long height, long lastHeight);
    }

    /** The outcome: ok, or the first bad height (-1 when the damage is not tied to one block) and why. */
    public record Result(boolean ok, long lastHeight, long badHeight, String problem) {
        static Result ok(long last) {
            return new Result(true, last, -1, null);
        }

        static Result bad(long last, long height, String problem) {
            return new Result(false, last, height, problem);
        }
    }

    private final Genesis genesis;
    private final ContractRegistry contracts;
    private final SignatureVerifier verifier;
    private final CryptoSuite suite;

    public ChainAudit(Genesis genesis, ContractRegistry contracts, SignatureVerifier verifier) {
        this.genesis = genesis;
        this.contracts = contracts;
        this.verifier = verifier;
        this.suite = genesis.cryptoSuite();
    }

    public Result audit(LedgerStore stored, Progress progress) {
        long last = stored.lastHeight();
        if (last < 0) {
            return Result.bad(last, 0, "the store holds no blocks at all");
        }
        InMemoryLedgerStore replayStore = new InMemoryLedgerStore(suite, contracts.indexer());
        Ledger replay = new Ledger(genesis, contracts, replayStore);
        String problem = checkGenesisBlock(stored, replay);
        if (problem != null) {
            return Result.bad(last, 0, problem);
        }
        CertificateVerifier certs = new CertificateVerifier(suite);
        for (long h = 1; h <= last; h++) {
            try {
                problem = checkBlock(stored, replay, certs, h);
            } catch (RuntimeException e) {
                problem = "unreadable: " + e.getMessage();
            }
            if (problem != null) {
                return Result.bad(last, h, problem);
            }
            progress.verified(h, last);
        }
        problem = compareState(stored, replayStore);
        if (problem == null) {
            problem = IndexComparison.compare(stored.index(), replayStore.index());
        }
        if (problem != null) {
            return Result.bad(last, last, problem);
        }
        return Result.ok(last);
    }

    private String checkGenesisBlock(LedgerStore stored, Ledger replay) {
        StoredBlock s = stored.block(0);
        if (s == null) {
            return "block 0 is missing";
        }
        StoredBlock mine = replay.store().block(0);
        if (!Arrays.equals(s.blockBytes(), mine.blockBytes())) {
            return "block 0 does not match the genesis file (different genesis, or altered bytes)";
        }
        return null;
    }

    private String checkBlock(LedgerStore stored, Ledger replay, CertificateVerifier certs, long h) {
        StoredBlock s = stored.block(h);
        if (s == null) {
            return "block is missing (the store claims height " + stored.lastHeight() + ")";
        }
        Block block;
        CommitCertificate cert;
        List<byte[]> receipts = s.receiptBytes();
        try {
            block = s.block();
            cert = s.certificate();
        } catch (DecodeException e) {
            return "stored bytes do not decode: " + e.getMessage();
        }
        BlockHeader header = block.header();
        if (header.height() != h) {
            return "stored under height " + h + " but its header says " + header.height();
        }
        Hash headerHash = header.hash(suite);
        // the validators in force for block h, as the ledger said before it (governance changes apply from the next block)
        String certProblem = certs.check(cert, headerHash,
                GovernanceQueries.validatorsAt(replay.store(), suite, h, genesis.validators()));
        if (certProblem != null) {
            return "commit certificate invalid: " + certProblem;
        }
        Long indexed = stored.heightOf(headerHash);
        if (indexed == null || indexed != h) {
            return "block hash index points to " + indexed + " instead of " + h;
        }
        List<CheckedTransaction> checked = verifier.checkAll(block.transactions());
        ProposedBlock mine;
        try {
            mine = replay.replay(block, checked);
        } catch (BlockRejectedException e) {
            return e.getMessage().replaceFirst("^block \\d+: ", "");
        }
        if (mine.receipts().size() != receipts.size()) {
            return "stored receipts (" + receipts.size() + ") differ in number from re-execution (" + mine.receipts().size() + ")";
        }
        for (int i = 0; i < receipts.size(); i++) {
            if (!Arrays.equals(receipts.get(i), mine.receipts().get(i).encode())) {
                return "stored receipt " + i + " differs from re-execution";
            }
        }
        List<Transaction> txs = block.transactions();
        for (int i = 0; i < txs.size(); i++) {
            TxLocation loc = stored.locate(txs.get(i).hash());
            if (loc == null || loc.height() != h || loc.index() != i) {
                return "transaction index for " + txs.get(i).hash().hex() + " points to " + loc + ", not (" + h + ", " + i + ")";
            }
        }
        replay.commit(mine, cert);
        for (org.jadechain.core.contract.Contract c : contracts.all()) {
            List<String> violations = c.checkInvariants(replay.store());
            if (!violations.isEmpty()) {
                return "contract " + c.name() + " invariants broken after this block: " + violations;
            }
        }
        return null;
    }

    private String compareState(LedgerStore stored, InMemoryLedgerStore replayed) {
        Hash[] storedHashes = stored.bucketHashes();
        Hash[] replayedHashes = replayed.bucketHashes();
        List<Integer> bad = new ArrayList<>();
        for (int b = 0; b < StateKeys.BUCKETS && bad.size() < 5; b++) {
            Hash actual = StateTree.recomputeBucket(suite, stored, b);
            if (!replayedHashes[b].equals(actual) || !storedHashes[b].equals(replayedHashes[b])) {
                bad.add(b);
            }
        }
        if (!bad.isEmpty()) {
            return "stored state differs from the state replayed from the blocks, in bucket(s) " + bad;
        }
        return null;
    }
}
