package org.jadechain.storage;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.ledger.TxLocation;

/**
 * The keys and values of {@link RocksLedgerStore}. Decoders check lengths exactly and throw
 * {@link StorageCorruptionException} naming the column family and key of a value that does not decode.
 */
final class RocksCodec {
    private RocksCodec() {
    }

    /** 8 bytes big-endian, so heights sort numerically as keys. */
    static byte[] u64(long v) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (v >>> (56 - 8 * i));
        }
        return out;
    }

    static long readU64(String column, byte[] key, byte[] value) {
        if (value.length != 8) {
            throw corrupt(column, key, "expected 8 bytes, found " + value.length);
        }
        long v = 0;
        for (byte b : value) {
            v = (v << 8) | (b & 0xff);
        }
        if (v < 0) {
            throw corrupt(column, key, "height " + Long.toUnsignedString(v) + " out of range");
        }
        return v;
    }

    static byte[] u16(int bucket) {
        return new byte[] {(byte) (bucket >>> 8), (byte) bucket};
    }

    /** Bucket prefix (2 bytes big-endian) followed by the full key. */
    static byte[] stateKey(int bucket, byte[] fullKey) {
        byte[] out = new byte[2 + fullKey.length];
        out[0] = (byte) (bucket >>> 8);
        out[1] = (byte) bucket;
        System.arraycopy(fullKey, 0, out, 2, fullKey.length);
        return out;
    }

    /** {@code varint count}, then each receipt as {@code varint length, bytes}. */
    static byte[] receipts(List<byte[]> receipts) {
        ByteWriter w = new ByteWriter(64);
        w.varint(receipts.size());
        for (byte[] r : receipts) {
            w.bytes(r);
        }
        return w.toByteArray();
    }

    static List<byte[]> readReceipts(String column, byte[] key, byte[] value) {
        try {
            ByteReader r = new ByteReader(value);
            int n = (int) r.varint("receipt count", r.remaining());
            List<byte[]> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(r.bytes("receipt " + i, r.remaining()));
            }
            r.expectEnd("receipts");
            return out;
        } catch (DecodeException e) {
            throw corrupt(column, key, e.getMessage());
        }
    }

    /** {@code varint height, varint index}. */
    static byte[] txLocation(long height, int index) {
        return new ByteWriter(16).varint(height).varint(index).toByteArray();
    }

    static TxLocation readTxLocation(String column, byte[] key, byte[] value) {
        try {
            ByteReader r = new ByteReader(value);
            long height = r.varint("height");
            int index = (int) r.varint("index", Integer.MAX_VALUE);
            r.expectEnd("transaction location");
            return new TxLocation(height, index);
        } catch (DecodeException e) {
            throw corrupt(column, key, e.getMessage());
        }
    }

    static StorageCorruptionException corrupt(String column, byte[] key, String detail) {
        return new StorageCorruptionException("column family " + column + ", key " + Hex.encode(key) + ": " + detail);
    }
}
