package org.jadechain.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.jadechain.core.ledger.StoredChainCheck;
import org.jadechain.testkit.TestChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The check a node runs on a Raft snapshot before it replaces its store (ADR 0008): it passes a chain a ledger
 * wrote and refuses every forgery the full audit catches, without re-executing (so it may name a later height:
 * a re-signed header breaks the link of the block after it).
 */
class StoredChainCheckTest {
    /** The audit test's four-block chain, over which its forgeries are laid. */
    private static final TestChain CHAIN = ChainAuditTest.FOUR_BLOCKS;

    private static StoredChainCheck check() {
        return new StoredChainCheck(CHAIN.suite(), CHAIN.ledger().header(0).hash(CHAIN.suite()),
                RaftNetwork.validatorSets(CHAIN.genesis()));
    }

    @Test
    void aChainTheLedgerWrotePasses() {
        assertThat(check().check(CHAIN.store())).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jadechain.node.ChainAuditTest#forgeries")
    void everyForgeryTheAuditCatchesIsRefused(ChainAuditTest.Forgery forgery) {
        ChainAuditTest.Forger forger = new ChainAuditTest.Forger(CHAIN);
        forgery.apply().accept(forger);

        String problem = check().check(forger);

        assertThat(problem).as(forgery.name()).isNotNull();
    }
}
