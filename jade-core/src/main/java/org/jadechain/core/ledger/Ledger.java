package org.jadechain.core.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.contract.ChainInfo;
import org.jadechain.core.contract.Contract;
import org.jadechain.core.contract.ContractRegistry;
import org.jadechain.core.contract.Identities;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.exec.BlockExecutor;
import org.jadechain.core.exec.BlockOutcome;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.merkle.MerkleTree;
import org.jadechain.core.model.Block;
import org.jadechain.core.model.BlockHeader;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.Transaction;
import org.jadechain.core.state.CommittedStateCache;
import org.jadechain.core.state.StateOverlay;
import org.jadechain.core.state.StateTree;

/**
 * The chain on top of a {@link LedgerStore}: creates block 0 from genesis, executes and proposes new
 * blocks, re-executes blocks proposed elsewhere and refuses them when anything differs, and commits.
 *
 * <p>Threading: one thread proposes, replays and commits; readers go to the store directly. A proposal
 * is only valid for the head it was made on.
 */
public final class Ledger {
    private final Genesis genesis;
    private final CryptoSuite suite;
    private final LedgerStore store;
    private final BlockExecutor executor;
    private final MerkleTree merkle;
    private volatile Executor hashingPool;
    private final CommittedStateCache committedState;
    private StateTree stateTree;
    private BlockHeader head;

    public Ledger(Genesis genesis, ContractRegistry contracts, LedgerStore store) {
        this.genesis = genesis;
        this.suite = genesis.cryptoSuite();
        this.store = store;
        this.executor = new BlockExecutor(new ChainInfo(genesis), contracts);
        this.merkle = new MerkleTree(suite);
        this.committedState = new CommittedStateCache(store);
        if (store.lastHeight() < 0) {
            this.stateTree = new StateTree(suite, StateTree.emptyBuckets(suite));
            commitGenesis();
        } else {
            this.stateTree = new StateTree(suite, store.bucketHashes());
            checkGenesis();
        }
        this.head = header(store.lastHeight());
        checkStateRoot();
    }

    private void checkStateRoot() {
        if (!stateTree.root().equals(head.stateRoot())) {
            throw new IllegalStateException("stored state does not match block " + head.height()
                    + ": state root " + stateTree.root().hex() + ", header says " + head.stateRoot().hex());
        }
    }

    /**
     * Re-reads the head and the state's bucket hashes after the store's contents were replaced underneath
     * this ledger (a Raft snapshot installed, ADR 0008). Call on the thread that commits, with no proposal
     * outstanding: proposals made before are void.
     *
     * @throws IllegalStateException when the store is empty, holds another genesis's chain, or its state
     *     does not match its head
     */
    public void reopen() {
        if (store.lastHeight() < 0) {
            throw new IllegalStateException("the replaced store holds no blocks");
        }
        checkGenesis();
        this.committedState.clear();
        this.stateTree = new StateTree(suite, store.bucketHashes());
        this.head = header(store.lastHeight());
        checkStateRoot();
    }

    public Genesis genesis() {
        return genesis;
    }

    public CryptoSuite suite() {
        return suite;
    }

    public LedgerStore store() {
        return store;
    }

    public BlockExecutor executor() {
        return executor;
    }

    public BlockHeader head() {
        return head;
    }

    public long height() {
        return head.height();
    }

    /** Block 0: no transactions; its state is genesis's identity registry and each contract's initial state. */
    public static ProposedBlock genesisBlock(Genesis genesis, ContractRegistry contracts, LedgerStore emptyStore) {
        CryptoSuite suite = genesis.cryptoSuite();
        StateOverlay writes = new StateOverlay(emptyStore);
        Identities.initialise(genesis, writes);
        for (Contract c : contracts.all()) {
            c.initialise(genesis, writes);
        }
        StateTree tree = new StateTree(suite, StateTree.emptyBuckets(suite));
        StateTree.Update update = tree.preview(emptyStore, writes.changes());
        Hash emptyRoot = new MerkleTree(suite).root(List.of());
        BlockHeader header = new BlockHeader(genesis.chainId(), 0, genesis.hash(), genesis.timestamp(), 0,
                emptyRoot, emptyRoot, update.root(), Address.of(new byte[Address.LENGTH]));
        Block block = new Block(header, List.of());
        return new ProposedBlock(block, header.hash(suite), List.of(), List.of(), update);
    }

    private void commitGenesis() {
        ProposedBlock g = genesisBlock(genesis, executor.contracts(), store);
        commitInternal(g, new CommitCertificate(g.headerHash(), List.of()));
    }

    private void checkGenesis() {
        BlockHeader h0 = header(0);
        if (!h0.previousHash().equals(genesis.hash())) {
            throw new IllegalStateException("the stored chain was created from a different genesis document");
        }
    }

    /** The header at a height of the committed chain. */
    public BlockHeader header(long height) {
        StoredBlock b = store.block(height);
        if (b == null) {
            throw new IllegalStateException("block " + height + " missing from the store");
        }
        try {
            return b.block().header();
        } catch (DecodeException e) {
            throw new IllegalStateException("stored block " + height + " is corrupt: " + e.getMessage(), e);
        }
    }

    /** The timestamp a proposer must use at least: one millisecond after the head's. */
    public long minimumNextTimestamp() {
        return head.timestamp() + 1;
    }

    /**
     * Executes the checked transactions on top of the head and builds the next block.
     *
     * @param timestamp must be greater than the head's timestamp
     */
    public ProposedBlock propose(long timestamp, List<CheckedTransaction> txs, Address proposer) {
        if (timestamp <= head.timestamp()) {
            throw new IllegalArgumentException("timestamp " + timestamp + " not after the head's " + head.timestamp());
        }
        long height = head.height() + 1;
        List<Transaction> transactions = new ArrayList<>(txs.size());
        for (CheckedTransaction c : txs) {
            transactions.add(c.transaction());
        }
        Forked<Hash> txRoot = txRoot(transactions);
        BlockOutcome outcome = executor.execute(committedState, height, timestamp, txs);
        return build(height, timestamp, transactions, txRoot, outcome, proposer);
    }

    /**
     * Lets the Merkle roots of the blocks this ledger builds and replays be computed on {@code pool} while this
     * thread executes the block and computes its state root (a node passes its verification pool, idle while a
     * follower replays history). The roots do not depend on it; if the pool has not started one by the time it is
     * needed, the calling thread computes it. Without it, or with null, everything runs on the calling thread.
     */
    public void useHashingPool(Executor pool) {
        this.hashingPool = pool;
    }

    private Forked<Hash> txRoot(List<Transaction> txs) {
        return Forked.fork(() -> {
            List<byte[]> txBytes = new ArrayList<>(txs.size());
            for (Transaction t : txs) {
                txBytes.add(t.unsafeEncoded());
            }
            return merkle.root(txBytes);
        }, hashingPool);
    }

    private ProposedBlock build(long height, long timestamp, List<Transaction> txs, Forked<Hash> txRoot,
                                BlockOutcome outcome, Address proposer) {
        List<byte[]> receiptBytes = new ArrayList<>(outcome.receipts().size());
        for (Receipt r : outcome.receipts()) {
            receiptBytes.add(r.encode());
        }
        Forked<Hash> receiptRoot = Forked.fork(() -> merkle.root(receiptBytes), hashingPool);
        StateTree.Update update = stateTree.preview(store, outcome.writes().changes());
        BlockHeader header = new BlockHeader(genesis.chainId(), height, head.hash(suite), timestamp, txs.size(),
                txRoot.join(), receiptRoot.join(), update.root(), proposer);
        return new ProposedBlock(new Block(header, txs), header.hash(suite), outcome.receipts(), receiptBytes, update);
    }

    /**
     * Re-executes a block proposed elsewhere (or read back for verification) and checks that it links to
     * the head, its timestamp increases, and its transaction, receipt and state roots are what this node
     * computes.
     *
     * @param checked the block's transactions after stateless validation, in block order
     */
    public ProposedBlock replay(Block block, List<CheckedTransaction> checked) throws BlockRejectedException {
        BlockHeader h = block.header();
        long height = head.height() + 1;
        if (h.height() != height) {
            throw new BlockRejectedException(h.height(), "expected height " + height);
        }
        if (!h.chainId().equals(genesis.chainId())) {
            throw new BlockRejectedException(height, "chain id " + h.chainId() + " is not " + genesis.chainId());
        }
        if (!h.previousHash().equals(head.hash(suite))) {
            throw new BlockRejectedException(height, "previous hash does not match block " + head.height());
        }
        if (h.timestamp() <= head.timestamp()) {
            throw new BlockRejectedException(height, "timestamp " + h.timestamp() + " is not after " + head.timestamp());
        }
        if (checked.size() != block.transactions().size()) {
            throw new IllegalArgumentException("checked transactions do not match the block");
        }
        Forked<Hash> txRoot = txRoot(block.transactions());
        BlockOutcome outcome = executor.execute(committedState, height, h.timestamp(), checked);
        ProposedBlock mine = build(height, h.timestamp(), block.transactions(), txRoot, outcome, h.proposer());
        BlockHeader m = mine.block().header();
        if (!m.txRoot().equals(h.txRoot())) {
            throw new BlockRejectedException(height, "transaction root differs: header " + h.txRoot().hex() + ", computed " + m.txRoot().hex());
        }
        if (!m.receiptRoot().equals(h.receiptRoot())) {
            throw new BlockRejectedException(height, "receipt root differs: header " + h.receiptRoot().hex() + ", computed " + m.receiptRoot().hex());
        }
        if (!m.stateRoot().equals(h.stateRoot())) {
            throw new BlockRejectedException(height, "state root differs: header " + h.stateRoot().hex() + ", computed " + m.stateRoot().hex());
        }
        if (!java.util.Arrays.equals(m.encode(), h.encode())) {
            throw new BlockRejectedException(height, "header differs from the one recomputed from its contents");
        }
        return mine;
    }

    /** Commits a proposal made on the current head, with its certificate, atomically. */
    public void commit(ProposedBlock proposal, CommitCertificate certificate) {
        if (proposal.height() != head.height() + 1
                || !proposal.block().header().previousHash().equals(head.hash(suite))) {
            throw new IllegalStateException("proposal for height " + proposal.height() + " is not on the head " + head.height());
        }
        if (!certificate.headerHash().equals(proposal.headerHash())) {
            throw new IllegalArgumentException("certificate is for another header");
        }
        commitInternal(proposal, certificate);
    }

    private void commitInternal(ProposedBlock p, CommitCertificate certificate) {
        List<Hash> txHashes = new ArrayList<>(p.block().transactions().size());
        for (Transaction t : p.block().transactions()) {
            txHashes.add(t.hash());
        }
        store.commit(new BlockCommit(p.height(), p.headerHash(), p.block().encode(), txHashes, p.receipts(),
                p.encodedReceipts(), certificate.encode(), p.stateUpdate().changes(), p.stateUpdate().bucketHashes()));
        stateTree.apply(p.stateUpdate());
        committedState.committed(p.stateUpdate().changes());
        head = p.block().header();
    }
}
