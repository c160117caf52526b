package org.jadechain.core.ledger;

import java.util.List;
import java.util.NavigableMap;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.state.Bytes;

/**
 * Everything one block changes, written by {@link LedgerStore#commit} in one atomic, durable step:
 * the block, its receipts and certificate, the index entries, the state changes (null value = delete),
 * the new hashes of the buckets they touched, and the new last height.
 *
 * <p>{@code receipts} are the decoded form of {@code receiptBytes} (receipt i encodes to receipt bytes i), which
 * the ledger already holds: the store keeps the bytes, and its {@link org.jadechain.core.contract.BlockIndexer}
 * reads the decoded receipts instead of decoding every receipt again.
 */
public record BlockCommit(long height, Hash blockHash, byte[] blockBytes, List<Hash> txHashes,
                          List<Receipt> receipts, List<byte[]> receiptBytes, byte[] certificateBytes,
                          NavigableMap<Bytes, byte[]> stateChanges, NavigableMap<Integer, Hash> bucketHashes) {
    public BlockCommit {
        txHashes = List.copyOf(txHashes);
        receipts = List.copyOf(receipts);
        receiptBytes = List.copyOf(receiptBytes);
        if (receipts.size() != receiptBytes.size()) {
            throw new IllegalArgumentException(receipts.size() + " receipts but " + receiptBytes.size() + " encoded");
        }
    }
}
