package org.jadechain.node;

import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.ledger.Ordering;
import org.jadechain.node.mempool.Mempool;
import org.jadechain.node.metrics.NodeMetrics;
import org.jadechain.node.pipeline.CommitWaiters;
import org.jadechain.node.pipeline.SignatureVerifier;
import org.jadechain.node.query.ChainQueries;

/**
 * The running parts of a node that request handlers use; {@code nodeId} is this node's id and {@code raft}
 * its Raft group's members (null for a solo node).
 */
public record NodeContext(Genesis genesis, Ledger ledger, LedgerStore store, Mempool mempool,
                          SignatureVerifier verifier, CommitWaiters waiters, ChainQueries queries,
                          NodeMetrics metrics, Ordering ordering, String nodeId,
                          org.jadechain.node.config.RaftSettings raft) {

    /** A solo node's context. */
    public NodeContext(Genesis genesis, Ledger ledger, LedgerStore store, Mempool mempool, SignatureVerifier verifier,
                       CommitWaiters waiters, ChainQueries queries, NodeMetrics metrics, Ordering ordering) {
        this(genesis, ledger, store, mempool, verifier, waiters, queries, metrics, ordering,
                genesis.validators().get(0).id(), null);
    }
}
