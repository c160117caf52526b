package org.jadechain.storage;

import org.jadechain.core.ledger.LedgerStore;

class InMemoryLedgerStoreTest extends LedgerStoreContractTest {
    @Override
    protected LedgerStore openEmpty() {
        return new InMemoryLedgerStore(TestBlocks.SUITE, TestBlocks.INDEXER);
    }
}
