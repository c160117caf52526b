package org.jadechain.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.contract.BlockIndexer;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.ledger.BlockCommit;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.state.Bytes;
import org.jadechain.core.state.StateKeys;

/**
 * Deterministic stand-ins for what the ledger commits: the store treats blocks, receipts and certificates
 * as opaque bytes, so they are derived from the height alone and can be checked after any reopen.
 */
final class TestBlocks {
    static final CryptoSuite SUITE = CryptoSuites.of(SuiteId.INTL);

    private TestBlocks() {
    }

    /** Incompressible bytes of the given size (at least 8), starting with the height. */
    static byte[] blockBytes(long height, int size) {
        byte[] out = new byte[Math.max(8, size)];
        byte[] prefix = new ByteWriter(8).i64(height).toByteArray();
        System.arraycopy(prefix, 0, out, 0, 8);
        for (int off = 8, i = 0; off < out.length; off += Hash.LENGTH, i++) {
            byte[] h = SUITE.hash(prefix, new ByteWriter(8).i64(i).toByteArray()).unsafeBytes();
            System.arraycopy(h, 0, out, off, Math.min(Hash.LENGTH, out.length - off));
        }
        return out;
    }

    static Hash blockHash(long height, int size) {
        return SUITE.hash(blockBytes(height, size));
    }

    static Hash txHash(long height, int index) {
        return SUITE.hash(utf8("tx " + height + " " + index));
    }

    /** An empty successful receipt of the transaction {@link #txHash}{@code (height, index)}. */
    static Receipt receipt(long height, int index) {
        return new Receipt(txHash(height, index), Receipt.Kind.TRANSACTION, ResultCode.OK, "", List.of(), List.of());
    }

    static byte[] certificate(long height) {
        return utf8("certificate " + height);
    }

    /**
     * A derived index over the test receipts: receipt i of block h belongs to wallet {@code i % 3}, indexed as
     * {@code 'T', wallet, u64 h, u32 i} with a counter under {@code 'T', wallet}.
     */
    static final BlockIndexer INDEXER = (height, receipts, out) -> {
        for (int i = 0; i < receipts.size(); i++) {
            out.add(indexKey(i % 3, height, i));
            out.increment(indexCounter(i % 3));
        }
    };

    static byte[] indexKey(int wallet, long height, int index) {
        return new ByteWriter(16).u8('T').u8(wallet).i64(height).raw(new byte[] {
            (byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index}).toByteArray();
    }

    static byte[] indexCounter(int wallet) {
        return new byte[] {'T', (byte) wallet};
    }

    static Bytes key(String local) {
        return Bytes.wrap(StateKeys.fullKey("test", local));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static BlockCommit commit(long height, int txs, int blockSize, NavigableMap<Bytes, byte[]> changes,
                              NavigableMap<Integer, Hash> bucketHashes) {
        List<Hash> txHashes = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        List<byte[]> receiptBytes = new ArrayList<>();
        for (int i = 0; i < txs; i++) {
            txHashes.add(txHash(height, i));
            receipts.add(receipt(height, i));
            receiptBytes.add(receipts.get(i).encode());
        }
        return new BlockCommit(height, blockHash(height, blockSize), blockBytes(height, blockSize), txHashes, receipts,
                receiptBytes,
                certificate(height), changes, bucketHashes);
    }

    /** True when the stored block is exactly what {@code commit} wrote. */
    static boolean matches(BlockCommit c, StoredBlock b) {
        if (b == null || b.height() != c.height() || b.receiptBytes().size() != c.receiptBytes().size()) {
            return false;
        }
        for (int i = 0; i < c.receiptBytes().size(); i++) {
            if (!Arrays.equals(c.receiptBytes().get(i), b.receiptBytes().get(i))) {
                return false;
            }
        }
        return Arrays.equals(c.blockBytes(), b.blockBytes())
                && Arrays.equals(c.certificateBytes(), b.certificateBytes());
    }

    static void assertStored(BlockCommit c, StoredBlock b) {
        assertThat(b).as("block %d", c.height()).isNotNull();
        assertThat(matches(c, b)).as("block %d as written", c.height()).isTrue();
    }
}
