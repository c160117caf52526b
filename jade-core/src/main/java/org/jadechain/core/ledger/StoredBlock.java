package org.jadechain.core.ledger;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.model.Block;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Receipt;

/** A committed block as stored: its bytes, its receipts' bytes and its certificate's bytes. */
public record StoredBlock(long height, byte[] blockBytes, List<byte[]> receiptBytes, byte[] certificateBytes) {
    public StoredBlock {
        receiptBytes = List.copyOf(receiptBytes);
    }

    public Block block() throws DecodeException {
        return Block.decode(blockBytes);
    }

    public List<Receipt> receipts() throws DecodeException {
        List<Receipt> out = new ArrayList<>(receiptBytes.size());
        for (byte[] r : receiptBytes) {
            out.add(Receipt.decode(r));
        }
        return out;
    }

    public CommitCertificate certificate() throws DecodeException {
        return CommitCertificate.decode(certificateBytes);
    }
}
