package org.jadechain.node.api;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.contracts.governance.GovernanceQueries;
import org.jadechain.contracts.governance.ValidatorSet;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.ledger.TxLocation;
import org.jadechain.node.NodeContext;
import org.jadechain.sdk.ReceiptBundle;
import org.jadechain.sdk.ReceiptBundles;

/**
 * The receipts of the validator-set changes in force at a height (oldest first), attached to every proof so
 * that an offline verifier holding only the genesis file knows which validators certify the block.
 */
final class ValidatorChangeProofs {
    private ValidatorChangeProofs() {
    }

    static ReceiptBundle attach(NodeContext node, ReceiptBundle bundle) {
        List<ReceiptBundle> changes = new ArrayList<>();
        List<ValidatorSet> history;
        try {
            history = GovernanceQueries.history(node.store(), node.genesis().cryptoSuite());
        } catch (IllegalStateException e) {
            return bundle;
        }
        for (ValidatorSet s : history) {
            if (s.version() == 0 || s.fromHeight() > bundle.blockHeight()) {
                continue;
            }
            TxLocation loc = node.store().locate(s.adoptedBy());
            if (loc == null) {
                throw new IllegalStateException("validator-set version " + s.version() + " names transaction "
                        + s.adoptedBy().hex() + ", which the store lacks");
            }
            try {
                changes.add(ReceiptBundles.build(node.store().block(loc.height()), loc.index(), node.genesis()));
            } catch (DecodeException e) {
                throw new IllegalStateException("stored block " + loc.height() + " does not decode: " + e.getMessage(), e);
            }
        }
        return changes.isEmpty() ? bundle : bundle.withValidatorChanges(changes, GovernanceQueries.validatorsAt(
                node.store(), node.genesis().cryptoSuite(), bundle.blockHeight()));
    }
}
