package org.jadechain.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import org.jadechain.consensus.raft.RaftOrdering;
import org.jadechain.consensus.solo.SoloOrdering;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.Pem;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.ledger.CommitListener;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.Ordering;
import org.jadechain.node.api.ApiServer;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.node.devnet.DemoIdentities;
import org.jadechain.node.mempool.Mempool;
import org.jadechain.node.metrics.NodeMetrics;
import org.jadechain.node.pipeline.CommitWaiters;
import org.jadechain.node.pipeline.SignatureVerifier;
import org.jadechain.node.pipeline.WalletKeyPreparer;
import org.jadechain.node.query.ChainQueries;
import org.jadechain.sdk.GenesisFile;
import org.jadechain.storage.RocksLedgerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: RocksDB store, ledger, mempool, signature verifier, the orderer (solo, or Raft on Apache
 * Ratis as a validator or an observer) and the REST API, wired together. {@link #close()} stops ordering first, then the API, then flushes and closes the store;
 * a kill at any point loses no committed block because every commit is one synced batch.
 */
public final class JadeNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JadeNode.class);

    private final NodeConfig config;
    private final RocksLedgerStore store;
    private final Ordering ordering;
    private final ApiServer api;
    private final SignatureVerifier verifier;
    private final WalletKeyPreparer keyPreparer;
    private final NodeContext context;

    private final RaftReconfigurer reconfigurer;

    private JadeNode(NodeConfig config, RocksLedgerStore store, Ordering ordering, ApiServer api,
                     SignatureVerifier verifier, WalletKeyPreparer keyPreparer, NodeContext context,
                     RaftReconfigurer reconfigurer) {
        this.reconfigurer = reconfigurer;
        this.config = config;
        this.store = store;
        this.ordering = ordering;
        this.api = api;
        this.verifier = verifier;
        this.keyPreparer = keyPreparer;
        this.context = context;
    }

    /** Opens the store (creating block 0 on first start), starts ordering and serves the API. */
    public static JadeNode start(NodeConfig config, LongSupplier clock) throws IOException {
        return start(config, clock, null);
    }

    /**
     * As {@link #start(NodeConfig, LongSupplier)}; a devnet passes the directory of its demo identities' keys,
     * which adds the demo signer under {@code /v1/devnet} that the web console uses (ADR 0009). Any other
     * node passes null and holds no key but its own validator key.
     */
    public static JadeNode start(NodeConfig config, LongSupplier clock, Path demoKeys) throws IOException {
        Genesis genesis = GenesisFile.read(config.genesis());
        KeyPair key;
        try {
            key = Pem.readKeyPair(config.validatorKey());
        } catch (CryptoException e) {
            throw new IOException("cannot read validator key " + config.validatorKey() + ": " + e.getMessage(), e);
        }
        ValidatorInfo me = null;
        for (ValidatorInfo v : genesis.validators()) {
            if (v.publicKey().equals(key.publicKey())) {
                me = v;
            }
        }
        boolean observer = config.raftMode() && config.raft().member(config.nodeId()) != null
                && config.raft().member(config.nodeId()).observer();
        if (config.raftMode()) {
            RaftNetwork.check(config, genesis, me, observer);
        } else {
            if (me == null) {
                throw new IOException("the key " + config.validatorKey() + " is not a validator in " + config.genesis());
            }
            if (genesis.validators().size() != 1) {
                throw new IOException("solo ordering needs exactly one validator; genesis names "
                        + genesis.validators().size() + " (configure \"consensus\": \"raft\" for a network)");
            }
        }
        DemoIdentities demo = demoKeys == null ? null : DemoIdentities.load(demoKeys, genesis);
        RocksLedgerStore store = RocksLedgerStore.open(config.dataDir(), genesis.cryptoSuite(), RocksLedgerStore.Mode.NODE,
                SystemContracts.registry().indexer());
        SignatureVerifier verifier = null;
        WalletKeyPreparer keyPreparer = null;
        ApiServer api = null;
        Ordering ordering = null;
        RaftReconfigurer reconfigurer = null;
        try {
            Ledger ledger = new Ledger(genesis, SystemContracts.registry(), store);
            Mempool mempool = new Mempool(config.mempoolCapacity(), clock, store, genesis.cryptoSuite());
            verifier = SignatureVerifier.allCores(
                    new TransactionValidator(genesis.chainId(), genesis.cryptoSuite()));
            ledger.useHashingPool(verifier.executor());
            keyPreparer = new WalletKeyPreparer(genesis.cryptoSuite());
            CommitWaiters waiters = new CommitWaiters();
            NodeMetrics metrics = new NodeMetrics();
            if (config.raftMode()) {
                boolean joining = RaftNetwork.checkAgainstLedger(config, ledger);
                RaftOrdering raft = new RaftOrdering(ledger, mempool, observer ? null : key,
                        RaftNetwork.raftConfig(config, genesis, key, observer, joining), clock);
                raft.useValidatorSets(RaftNetwork.validatorSets(genesis));
                raft.useSignatureChecks(verifier::checkAll);
                raft.useCheckpoints(new RocksCheckpoints(store, genesis.cryptoSuite()));
                ordering = raft;
                reconfigurer = new RaftReconfigurer(raft, ledger, config);
            } else {
                ordering = new SoloOrdering(ledger, mempool, key, config.block(), clock);
            }
            NodeContext ctx = new NodeContext(genesis, ledger, store, mempool, verifier, waiters,
                    new ChainQueries(store), metrics, ordering, config.nodeId(), config.raft());
            metrics.gauge("jade_height", "height of the last committed block", ledger::height);
            metrics.gauge("jade_mempool_size", "transactions waiting for a block", mempool::size);
            api = new ApiServer(ctx, new ObjectMapper(), demo);
            for (CommitListener l : List.of(mempool, waiters, metrics, api.events(), keyPreparer)) {
                if (ordering instanceof RaftOrdering r) {
                    r.addListener(l);
                } else {
                    ((SoloOrdering) ordering).addListener(l);
                }
            }
            if (ordering instanceof RaftOrdering r) {
                metrics.gauge("jade_halted", "1 when this node stopped ordering (it could not reproduce a block, or its Raft server stopped), else 0",
                        () -> r.failure() == null ? 0 : 1);
                metrics.gauge("jade_raft_term", "the Raft term this node knows", r::term);
                metrics.gauge("jade_catch_up_certified_blocks",
                        "blocks this node executed from history once certified, without re-checking signatures (ADR 0010)",
                        r::blocksExecutedAsCertified);
            }
            ordering.start();
            if (ordering instanceof RaftOrdering r) {
                awaitLeader(r, LEADER_WAIT_MILLIS);
            }
            api.start(config.apiHost(), config.apiPort());
            if (reconfigurer != null) {
                reconfigurer.start();
            }
            log.info("node {} ({}) serving chain {} at height {} on http://{}:{}", config.nodeId(), ordering.mode(),
                    genesis.chainId(), ledger.height(), config.apiHost(), api.port());
            return new JadeNode(config, store, ordering, api, verifier, keyPreparer, ctx, reconfigurer);
        } catch (RuntimeException | IOException e) {
            if (reconfigurer != null) {
                reconfigurer.close();
            }
            if (ordering != null) {
                ordering.close();
            }
            if (api != null) {
                api.close();
            }
            if (verifier != null) {
                verifier.close();
            }
            if (keyPreparer != null) {
                keyPreparer.close();
            }
            store.close();
            throw e;
        }
    }

    /** How long a Raft node waits to learn its group's leader before it opens its API anyway. */
    static final long LEADER_WAIT_MILLIS = 15_000;

    /** Waits until the group has a leader this node knows (so /v1/status names it), or the time is up. */
    private static void awaitLeader(RaftOrdering raft, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (raft.leaderId() == null && raft.failure() == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (raft.leaderId() == null) {
            log.warn("no Raft leader known after {} ms; serving the API anyway (reads answer from this node's store)", millis);
        }
    }

    /**
     * Calls {@code onHalt} with the reason when this node stops ordering for good: a Raft node whose roots
     * differ from a block's, or an orderer whose commit failed. The caller decides (e.g. exit non-zero).
     */
    public void onHalt(java.util.function.Consumer<String> onHalt) {
        if (ordering instanceof RaftOrdering r) {
            r.addHaltListener(onHalt);
        }
    }

    public Ordering ordering() {
        return ordering;
    }

    public NodeContext context() {
        return context;
    }

    public int apiPort() {
        return api.port();
    }

    public NodeConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (reconfigurer != null) {
            reconfigurer.close();
        }
        ordering.close();
        api.close();
        verifier.close();
        keyPreparer.close();
        context.metrics().close();
        store.flush();
        store.close();
    }
}
