package org.jadechain.bench;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.ledger.ProposedBlock;
import org.jadechain.core.model.Transaction;
import org.jadechain.testkit.TestChain;

/** The stateless checks a node runs on a received block's transactions, as {@code ChainApplier} runs them. */
final class BlockChecks {
    private BlockChecks() {
    }

    static List<CheckedTransaction> all(TransferBlock block, ProposedBlock proposed, boolean certified) {
        TransactionValidator validator = new TransactionValidator(TestChain.CHAIN_ID, block.chain.suite());
        List<CheckedTransaction> out = new ArrayList<>(proposed.block().transactions().size());
        for (Transaction t : proposed.block().transactions()) {
            out.add(certified ? validator.checkCertified(t) : validator.check(t));
        }
        return out;
    }
}
