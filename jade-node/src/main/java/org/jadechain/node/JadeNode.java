package org.jadechain.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.jadechain.consensus.solo.SoloOrdering;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.Pem;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.node.api.ApiServer;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.node.mempool.Mempool;
import org.jadechain.node.metrics.NodeMetrics;
import org.jadechain.node.pipeline.CommitWaiters;
import org.jadechain.node.pipeline.SignatureVerifier;
import org.jadechain.node.query.ChainQueries;
import org.jadechain.sdk.GenesisFile;
import org.jadechain.storage.RocksLedgerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: RocksDB store, ledger, mempool, signature verifier, the solo orderer and the REST API,
 * wired together. {@link #close()} stops ordering first, then the API, then flushes and closes the store;
 * a kill at any point loses no committed block because every commit is one synced batch.
 */
public final class JadeNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JadeNode.class);

    private final NodeConfig config;
    private final RocksLedgerStore store;
    private final SoloOrdering ordering;
    private final ApiServer api;
    private final SignatureVerifier verifier;
    private final NodeContext context;

    private JadeNode(NodeConfig config, RocksLedgerStore store, SoloOrdering ordering, ApiServer api,
                     SignatureVerifier verifier, NodeContext context) {
        this.config = config;
        this.store = store;
        this.ordering = ordering;
        this.api = api;
        this.verifier = verifier;
        this.context = context;
    }

    /** Opens the store (creating block 0 on first start), starts ordering and serves the API. */
    public static JadeNode start(NodeConfig config, LongSupplier clock) throws IOException {
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
        if (me == null) {
            throw new IOException("the key " + config.validatorKey() + " is not a validator in " + config.genesis());
        }
        if (genesis.validators().size() != 1) {
            throw new IOException("solo ordering needs exactly one validator; genesis names " + genesis.validators().size());
        }
        RocksLedgerStore store = RocksLedgerStore.open(config.dataDir(), genesis.cryptoSuite(), RocksLedgerStore.Mode.NODE);
        SignatureVerifier verifier = null;
        ApiServer api = null;
        try {
            Ledger ledger = new Ledger(genesis, SystemContracts.registry(), store);
            Mempool mempool = new Mempool(config.mempoolCapacity(), clock, store, genesis.cryptoSuite());
            verifier = SignatureVerifier.allCores(
                    new TransactionValidator(genesis.chainId(), genesis.cryptoSuite()));
            CommitWaiters waiters = new CommitWaiters();
            NodeMetrics metrics = new NodeMetrics();
            SoloOrdering ordering = new SoloOrdering(ledger, mempool, key, config.block(), clock);
            NodeContext ctx = new NodeContext(genesis, ledger, store, mempool, verifier, waiters,
                    new ChainQueries(store), metrics, ordering);
            metrics.gauge("jade_height", "height of the last committed block", ledger::height);
            metrics.gauge("jade_mempool_size", "transactions waiting for a block", mempool::size);
            api = new ApiServer(ctx, new ObjectMapper());
            ordering.addListener(mempool);
            ordering.addListener(waiters);
            ordering.addListener(metrics);
            ordering.addListener(api.events());
            api.start(config.apiHost(), config.apiPort());
            ordering.start();
            log.info("node {} serving chain {} at height {} on http://{}:{}", me.id(), genesis.chainId(),
                    ledger.height(), config.apiHost(), api.port());
            return new JadeNode(config, store, ordering, api, verifier, ctx);
        } catch (RuntimeException e) {
            if (api != null) {
                api.close();
            }
            if (verifier != null) {
                verifier.close();
            }
            store.close();
            throw e;
        }
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
        ordering.close();
        api.close();
        verifier.close();
        store.flush();
        store.close();
    }
}
