package org.jadechain.core.ledger;

import java.util.List;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.model.Block;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.state.StateTree;

/**
 * An executed block with its roots, ready to be signed and committed: its receipts (and their encodings,
 * made once for the receipt root and reused by the commit) and the state update, which holds the writes.
 */
public record ProposedBlock(Block block, Hash headerHash, List<Receipt> receipts, List<byte[]> encodedReceipts,
                            StateTree.Update stateUpdate) {
    public ProposedBlock {
        receipts = List.copyOf(receipts);
        encodedReceipts = List.copyOf(encodedReceipts);
        if (receipts.size() != encodedReceipts.size()) {
            throw new IllegalArgumentException("one encoding per receipt expected");
        }
    }

    public long height() {
        return block.header().height();
    }
}
