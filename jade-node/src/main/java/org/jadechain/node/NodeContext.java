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

/** The running parts of a node that request handlers use. */
public record NodeContext(Genesis genesis, Ledger ledger, LedgerStore store, Mempool mempool,
                          SignatureVerifier verifier, CommitWaiters waiters, ChainQueries queries,
                          NodeMetrics metrics, Ordering ordering) {
}
