package org.jadechain.core.ledger;

import java.util.List;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.model.Block;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Receipt;

/** A block after its commit returned: what listeners (API, event stream, mempool) are told. */
public record CommittedBlock(Block block, Hash headerHash, List<Receipt> receipts, CommitCertificate certificate) {
    public CommittedBlock {
        receipts = List.copyOf(receipts);
    }

    public long height() {
        return block.header().height();
    }
}
