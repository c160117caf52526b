package org.jadechain.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.BiConsumer;
import org.jadechain.consensus.solo.SoloConfig;
import org.jadechain.consensus.solo.SoloOrdering;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.ledger.BlockCommit;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.ledger.TxLocation;
import org.jadechain.core.model.Transaction;
import org.jadechain.node.api.ApiServer;
import org.jadechain.node.mempool.Mempool;
import org.jadechain.node.metrics.NodeMetrics;
import org.jadechain.node.pipeline.CommitWaiters;
import org.jadechain.node.pipeline.SignatureVerifier;
import org.jadechain.node.query.ChainQueries;
import org.jadechain.sdk.EvidenceCalls;
import org.jadechain.storage.InMemoryLedgerStore;
import org.jadechain.testkit.TestChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A transaction moves from the mempool into a stored block while a client asks about it. The block is
 * stored before the mempool lets go of it, so at every instant the node knows the transaction as pending
 * or as committed — the answer may be either, never "unknown". The interleaving is forced: the block is
 * committed right after the request's first look into the store.
 */
class TransactionLookupDuringCommitTest {
    private final TestChain chain = TestChain.create(SuiteId.INTL, SystemContracts.registry());
    private final InterleavingStore store = new InterleavingStore(new InMemoryLedgerStore(chain.suite()));
    private SoloOrdering ordering;
    private ApiServer server;
    private SignatureVerifier verifier;
    private Api api;

    @BeforeEach
    void startApiWithoutOrderingThread() {
        Ledger ledger = new Ledger(chain.genesis(), SystemContracts.registry(), store);
        Mempool mempool = new Mempool(100, System::currentTimeMillis, store, chain.suite());
        CommitWaiters waiters = new CommitWaiters();
        verifier = new SignatureVerifier(new TransactionValidator(TestChain.CHAIN_ID, chain.suite()), 1);
        ordering = new SoloOrdering(ledger, mempool, chain.validatorKey(), new SoloConfig(100, 60_000, 0),
                System::currentTimeMillis);
        ordering.addListener(mempool);
        ordering.addListener(waiters);
        NodeContext ctx = new NodeContext(chain.genesis(), ledger, store, mempool, verifier, waiters,
                new ChainQueries(store), new NodeMetrics(), ordering);
        server = new ApiServer(ctx, new ObjectMapper());
        server.start("127.0.0.1", 0);
        api = new Api(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        verifier.close();
    }

    @ParameterizedTest(name = "GET /v1/transactions/HASH{0}")
    @ValueSource(strings = {"", "?wait=5000"})
    void aTransactionCommittedWhileItIsLookedUpIsReportedCommittedNotUnknown(String query) {
        Transaction tx = chain.signed(chain.key("citizen-1"), 0, EvidenceCalls.CONTRACT, EvidenceCalls.RECORD_EVIDENCE,
                EvidenceCalls.recordEvidenceArgs(chain.suite().hash(new byte[] {1}).bytes(), "lease"));
        String hash = api.accepted(tx);
        store.afterNextLookupOf(tx.hash(), () -> ordering.produceBlock(System.currentTimeMillis()));

        Api.Answer a = api.get("/v1/transactions/" + hash + query);

        assertThat(store.lastHeight()).as("the block was committed during the request").isEqualTo(1);
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        assertThat(a.json().path("status").asText()).isEqualTo("COMMITTED");
        assertThat(a.json().path("height").asLong()).isEqualTo(1);
    }

    /** A store that runs an action right after one chosen transaction lookup, whose answer it then returns unchanged. */
    private static final class InterleavingStore implements LedgerStore {
        private final LedgerStore delegate;
        private volatile Hash target;
        private volatile Runnable action;

        InterleavingStore(LedgerStore delegate) {
            this.delegate = delegate;
        }

        void afterNextLookupOf(Hash txHash, Runnable then) {
            action = then;
            target = txHash;
        }

        @Override
        public TxLocation locate(Hash txHash) {
            TxLocation answer = delegate.locate(txHash);
            if (txHash.equals(target)) {
                target = null;
                action.run();
            }
            return answer;
        }

        @Override
        public long lastHeight() {
            return delegate.lastHeight();
        }

        @Override
        public StoredBlock block(long height) {
            return delegate.block(height);
        }

        @Override
        public Long heightOf(Hash blockHash) {
            return delegate.heightOf(blockHash);
        }

        @Override
        public void commit(BlockCommit commit) {
            delegate.commit(commit);
        }

        @Override
        public byte[] get(byte[] fullKey) {
            return delegate.get(fullKey);
        }

        @Override
        public void scanBucket(int bucket, BiConsumer<byte[], byte[]> visitor) {
            delegate.scanBucket(bucket, visitor);
        }

        @Override
        public Hash[] bucketHashes() {
            return delegate.bucketHashes();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
