package org.jadechain.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.ContractRegistry;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.KvContract;
import org.jadechain.core.exec.TestChain;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.model.Block;
import org.jadechain.core.model.BlockHeader;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.model.Transaction;
import org.jadechain.core.state.StateTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes: A proposes and commits blocks; B, starting from the same genesis with an empty store,
 * replays A's blocks and must reach byte-identical headers, receipts and state (STYLE.md principle 7).
 */
class LedgerReplayTest {
    private static final CryptoSuite SUITE = TestChain.SUITE;
    private static final TestChain CHAIN = new TestChain();
    private static final ContractRegistry CONTRACTS = new ContractRegistry(List.of(new KvContract()));
    private static final TransactionValidator VALIDATOR = new TransactionValidator(TestChain.CHAIN_ID, SUITE);
    private static final Address PROPOSER = SUITE.address(CHAIN.validatorKeys.get(0).publicKey());
    private static final Map<KeyPair, Long> NONCES = new HashMap<>();
    /** Node A's store and ledger, with the chain of {@link #buildChainOnA()}; built once, only read by tests. */
    private static InMemoryLedgerStore storeA;
    private static Ledger a;

    @BeforeAll
    static void nodeAProposesAndCommitsSixBlocks() {
        storeA = new InMemoryLedgerStore(SUITE);
        a = new Ledger(CHAIN.genesis, CONTRACTS, storeA);
        buildChainOnA();
    }

    private static Transaction tx(KeyPair signer, String method, byte[] args) {
        long n = NONCES.merge(signer, 1L, Long::sum) - 1;
        return CHAIN.tx(signer, n, KvContract.NAME, method, args);
    }

    private static byte[] kv(String key, String value) {
        return Args.builder().string(key).string(value).encode();
    }

    /** Signatures of the first {@code count} validators over the header hash. */
    private static CommitCertificate certificate(Hash headerHash, int count) {
        List<CommitCertificate.Signature> sigs = new ArrayList<>();
        for (KeyPair v : CHAIN.validatorKeys.subList(0, count)) {
            sigs.add(new CommitCertificate.Signature(v.publicKey().encoded(),
                    SUITE.sign(v.privateKey(), CommitCertificate.signedMessage(headerHash))));
        }
        return new CommitCertificate(headerHash, sigs);
    }

    private static List<CheckedTransaction> check(List<Transaction> txs) {
        List<CheckedTransaction> out = new ArrayList<>();
        for (Transaction t : txs) {
            out.add(VALIDATOR.check(t));
        }
        return out;
    }

    private static ProposedBlock proposeAndCommit(long timestamp, Transaction... txs) {
        ProposedBlock p = a.propose(timestamp, check(List.of(txs)), PROPOSER);
        CommitCertificate cert = certificate(p.headerHash(), 3);
        assertThat(new CertificateVerifier(SUITE).check(cert, p.headerHash(), CHAIN.genesis.validators())).isNull();
        a.commit(p, cert);
        return p;
    }

    /** Six blocks with writes, refusals, a forged signature, a replay and triggers due in later blocks. */
    private static void buildChainOnA() {
        long t = TestChain.GENESIS_TIME;
        Transaction first = tx(CHAIN.alice, "set", kv("a", "1"));
        proposeAndCommit(t + 1_000, first, tx(CHAIN.bob, "set", kv("b", "2")),
                tx(CHAIN.centralBank, "mint", kv("coin", "100")));
        proposeAndCommit(t + 2_000, tx(CHAIN.bankA, "mint", kv("coin", "999")),
                tx(CHAIN.alice, "schedule", Args.builder().int64(t + 3_500).string("fire").string("t1").string("x").encode()),
                tx(CHAIN.bob, "schedule", Args.builder().int64(t + 3_500).string("fire").string("t2").string("y").encode()),
                tx(CHAIN.alice, "failAfterWrite", kv("c", "3")), first);
        proposeAndCommit(t + 3_000, TestChain.withBrokenSignature(CHAIN.tx(CHAIN.bob, 2, KvContract.NAME, "set",
                kv("b", "forged"))), tx(CHAIN.bob, "tryNested", kv("n", "4")));
        proposeAndCommit(t + 4_000, tx(CHAIN.alice, "set", kv("a", "5")));
        proposeAndCommit(t + 4_001);
        proposeAndCommit(t + 9_000, tx(CHAIN.bob, "crash", kv("z", "0")), tx(CHAIN.centralBank, "set", kv("a", "")));
    }

    @Test
    void aSecondNodeReplayingTheSameBlocksReachesIdenticalHeadersReceiptsAndState() throws Exception {
        assertThat(a.height()).isEqualTo(6);
        assertThat(storeA.block(4).receipts()).extracting(Receipt::kind)
                .as("the triggers ran at the start of block 4").startsWith(Receipt.Kind.TRIGGER, Receipt.Kind.TRIGGER);
        assertThat(storeA.block(2).receipts()).extracting(Receipt::code).containsExactly(ResultCode.NOT_AUTHORISED,
                ResultCode.OK, ResultCode.OK, ResultCode.INSUFFICIENT_FUNDS, ResultCode.BAD_NONCE);
        assertThat(storeA.block(3).receipts().get(0).code()).isEqualTo(ResultCode.BAD_SIGNATURE);

        replaysIdentically(null);
    }

    @Test
    void replayingWithAHashingPoolGivesTheSameBlocksAndStillRejectsAWrongRoot() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            replaysIdentically(pool);
            // a pool that never gets to the work: the replaying thread computes the roots itself
            replaysIdentically(task -> { });
            Ledger b = nodeBOneBehind();
            b.useHashingPool(pool);
            Block genuine = storeA.block(a.height()).block();
            Hash junk = SUITE.hash(new byte[] {42});
            assertRejected(b, new Block(with(genuine.header(), set(5, junk)), genuine.transactions()),
                    genuine.header().height(), "transaction root");
            assertRejected(b, new Block(with(genuine.header(), set(6, junk)), genuine.transactions()),
                    genuine.header().height(), "receipt root");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void replaysIdentically(java.util.concurrent.Executor hashingPool) throws Exception {
        InMemoryLedgerStore storeB = new InMemoryLedgerStore(SUITE);
        Ledger b = new Ledger(CHAIN.genesis, CONTRACTS, storeB);
        b.useHashingPool(hashingPool);
        assertThat(storeB.block(0).blockBytes()).isEqualTo(storeA.block(0).blockBytes());
        for (long h = 1; h <= a.height(); h++) {
            StoredBlock stored = storeA.block(h);
            Block block = stored.block();
            ProposedBlock mine = b.replay(block, check(block.transactions()));
            assertThat(mine.headerHash()).isEqualTo(block.header().hash(SUITE));
            CommitCertificate cert = stored.certificate();
            assertThat(new CertificateVerifier(SUITE).check(cert, mine.headerHash(), CHAIN.genesis.validators())).isNull();
            b.commit(mine, cert);

            StoredBlock replayed = storeB.block(h);
            assertThat(replayed.blockBytes()).as("block %d", h).isEqualTo(stored.blockBytes());
            assertThat(replayed.receiptBytes()).as("receipts of block %d", h)
                    .usingElementComparator(java.util.Arrays::compare).isEqualTo(stored.receiptBytes());
            assertThat(b.header(h).stateRoot()).isEqualTo(a.header(h).stateRoot());
            assertThat(b.header(h).encode()).isEqualTo(a.header(h).encode());
            assertThat(storeB.heightOf(mine.headerHash())).isEqualTo(h);
        }
        assertThat(storeB.bucketHashes()).isEqualTo(storeA.bucketHashes());
        assertThat(storeB.entries().keySet()).containsExactlyElementsOf(storeA.entries().keySet());
        assertThat(StateTree.rootOf(SUITE, storeB.entries())).isEqualTo(a.head().stateRoot());
        Transaction forgedLater = storeA.block(3).block().transactions().get(0);
        assertThat(storeB.locate(forgedLater.hash())).isEqualTo(new TxLocation(3, 0));
    }

    @Test
    void theGenesisBlockLinksToTheGenesisDocumentAndHoldsItsIdentityRegistry() throws Exception {
        BlockHeader h0 = a.header(0);
        assertThat(h0.height()).isZero();
        assertThat(h0.previousHash()).isEqualTo(CHAIN.genesis.hash());
        assertThat(h0.timestamp()).isEqualTo(TestChain.GENESIS_TIME);
        assertThat(h0.txCount()).isZero();
        assertThat(h0.txRoot()).isEqualTo(SUITE.hash(new byte[0]));
        InMemoryLedgerStore justGenesis = new InMemoryLedgerStore(SUITE);
        new Ledger(CHAIN.genesis, CONTRACTS, justGenesis);
        assertThat(h0.stateRoot()).isEqualTo(StateTree.rootOf(SUITE, justGenesis.entries()));
        assertThat(storeA.block(0).certificate().signatures()).isEmpty();
        InMemoryLedgerStore empty = new InMemoryLedgerStore(SUITE);
        assertThat(Ledger.genesisBlock(CHAIN.genesis, CONTRACTS, empty).headerHash()).isEqualTo(h0.hash(SUITE));
        assertThat(new org.jadechain.core.contract.Identities(storeA, SUITE)
                .caller(CHAIN.centralBank.publicKey()).organisation()).isEqualTo("central-bank");
    }

    @Test
    void aRestartedNodeResumesFromItsStoreAndRefusesAnotherGenesis() {
        Ledger restarted = new Ledger(CHAIN.genesis, CONTRACTS, storeA);
        assertThat(restarted.head()).isEqualTo(a.head());
        Genesis other = new Genesis("another-chain", CHAIN.genesis.suite(), 0, TestChain.GENESIS_TIME,
                CHAIN.genesis.organisations(), CHAIN.genesis.validators(), CHAIN.genesis.parameters());
        assertThatThrownBy(() -> new Ledger(other, CONTRACTS, storeA))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("different genesis");
    }

    @Test
    void aProposalMustFollowTheHeadAndCarryACertificateForItsOwnHeader() {
        Ledger fresh = new Ledger(CHAIN.genesis, CONTRACTS, new InMemoryLedgerStore(SUITE));
        long t = TestChain.GENESIS_TIME;
        assertThatThrownBy(() -> fresh.propose(t, List.of(), PROPOSER)).isInstanceOf(IllegalArgumentException.class);
        ProposedBlock p = fresh.propose(t + 1, List.of(), PROPOSER);
        Hash other = SUITE.hash(new byte[] {1});
        assertThatThrownBy(() -> fresh.commit(p, certificate(other, 3))).isInstanceOf(IllegalArgumentException.class);
        ProposedBlock stale = fresh.propose(t + 2, List.of(), PROPOSER);
        fresh.commit(p, certificate(p.headerHash(), 3));
        assertThatThrownBy(() -> fresh.commit(stale, certificate(stale.headerHash(), 3)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(fresh.height()).isEqualTo(1);
    }

    /** Node B, caught up to one block below A's head, and A's head block. */
    private Ledger nodeBOneBehind() throws Exception {
        Ledger b = new Ledger(CHAIN.genesis, CONTRACTS, new InMemoryLedgerStore(SUITE));
        for (long h = 1; h < a.height(); h++) {
            Block block = storeA.block(h).block();
            b.commit(b.replay(block, check(block.transactions())), storeA.block(h).certificate());
        }
        return b;
    }

    private static BlockHeader with(BlockHeader h, UnaryOperator<Object[]> change) {
        Object[] f = {h.chainId(), h.height(), h.previousHash(), h.timestamp(), h.txCount(), h.txRoot(),
                h.receiptRoot(), h.stateRoot(), h.proposer()};
        f = change.apply(f);
        return new BlockHeader((String) f[0], (Long) f[1], (Hash) f[2], (Long) f[3], (Integer) f[4], (Hash) f[5],
                (Hash) f[6], (Hash) f[7], (Address) f[8]);
    }

    private static UnaryOperator<Object[]> set(int field, Object value) {
        return f -> {
            f[field] = value;
            return f;
        };
    }

    private void assertRejected(Ledger b, Block block, long height, String reason) {
        assertThatThrownBy(() -> b.replay(block, check(block.transactions())))
                .isInstanceOf(BlockRejectedException.class)
                .hasMessageContaining("block " + height)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((BlockRejectedException) e).height()).isEqualTo(height));
    }

    @Test
    void replayRejectsABlockThatDiffersFromWhatThisNodeComputes() throws Exception {
        Ledger b = nodeBOneBehind();
        Block genuine = storeA.block(a.height()).block();
        BlockHeader h = genuine.header();
        long height = h.height();
        Hash junk = SUITE.hash(new byte[] {42});
        List<Transaction> txs = genuine.transactions();

        assertRejected(b, new Block(with(h, set(7, junk)), txs), height, "state root");
        assertRejected(b, new Block(with(h, set(5, junk)), txs), height, "transaction root");
        assertRejected(b, new Block(with(h, set(6, junk)), txs), height, "receipt root");
        assertRejected(b, new Block(with(h, set(2, junk)), txs), height, "previous hash");
        assertRejected(b, new Block(with(h, set(3, b.head().timestamp())), txs), height, "timestamp");
        assertRejected(b, new Block(with(h, set(3, b.head().timestamp() - 1)), txs), height, "timestamp");
        assertRejected(b, new Block(with(h, set(0, "another-chain")), txs), height, "chain id");
        assertRejected(b, new Block(with(h, set(1, height + 1)), txs), height + 1, "expected height " + height);
        assertRejected(b, new Block(with(h, set(1, height - 1)), txs), height - 1, "expected height " + height);
        assertRejected(b, new Block(h, txs.subList(0, txs.size() - 1)), height, "transaction root");
        // the genuine block still replays: a rejection leaves nothing behind
        ProposedBlock mine = b.replay(genuine, check(txs));
        b.commit(mine, storeA.block(height).certificate());
        assertThat(b.head()).isEqualTo(a.head());
    }

    @Test
    void replayRejectsABlockWhoseTransactionsWereReordered() throws Exception {
        Ledger b = nodeBOneBehind();
        Block genuine = storeA.block(a.height()).block();
        List<Transaction> swapped = new ArrayList<>(genuine.transactions());
        java.util.Collections.swap(swapped, 0, 1);
        assertRejected(b, new Block(genuine.header(), swapped), genuine.header().height(), "root");
    }

    @Test
    void replayRejectsAHeaderWithTheWrongTransactionCount() throws Exception {
        Ledger b = nodeBOneBehind();
        Block genuine = storeA.block(a.height()).block();
        BlockHeader h = genuine.header();
        assertRejected(b, new Block(with(h, set(4, h.txCount() + 1)), genuine.transactions()), h.height(), "");
    }
}
