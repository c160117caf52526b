package org.jadechain.core.ledger;

import java.util.List;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.model.Block;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.state.StateOverlay;
import org.jadechain.core.state.StateTree;

/** An executed block with its roots, ready to be signed and committed. */
public record ProposedBlock(Block block, Hash headerHash, List<Receipt> receipts, StateOverlay writes,
                            StateTree.Update stateUpdate) {
    public ProposedBlock {
        receipts = List.copyOf(receipts);
    }

    public long height() {
        return block.header().height();
    }
}
