package org.jadechain.core.ledger;

import java.util.List;
import java.util.NavigableMap;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.state.Bytes;

/**
 * Everything one block changes, written by {@link LedgerStore#commit} in one atomic, durable step:
 * the block, its receipts and certificate, the index entries, the state changes (null value = delete),
 * the new hashes of the buckets they touched, and the new last height.
 */
public record BlockCommit(long height, Hash blockHash, byte[] blockBytes, List<Hash> txHashes,
                          List<byte[]> receiptBytes, byte[] certificateBytes,
                          NavigableMap<Bytes, byte[]> stateChanges, NavigableMap<Integer, Hash> bucketHashes) {
    public BlockCommit {
        txHashes = List.copyOf(txHashes);
        receiptBytes = List.copyOf(receiptBytes);
    }
}
