package org.jadechain.core.model;

import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;

/**
 * A block header. Its hash (the chain hash of {@link #encode()}) is what validators sign.
 *
 * <pre>
 * u8      version (1)
 * string  chainId
 * varint  height
 * raw32   previous header hash (for height 0: the hash of the genesis document)
 * varint  timestamp, milliseconds since the Unix epoch, set by the proposer, strictly increasing
 * varint  transaction count
 * raw32   transaction root (RFC 9162 Merkle tree of the encoded transactions)
 * raw32   receipt root (the same over the encoded receipts)
 * raw32   state root
 * raw20   proposer address
 * </pre>
 */
public record BlockHeader(String chainId, long height, Hash previousHash, long timestamp, int txCount,
                          Hash txRoot, Hash receiptRoot, Hash stateRoot, Address proposer) {
    public static final int VERSION = 1;

    public byte[] encode() {
        ByteWriter w = new ByteWriter(200);
        w.u8(VERSION).string(chainId).varint(height).raw(previousHash.unsafeBytes()).varint(timestamp)
                .varint(txCount).raw(txRoot.unsafeBytes()).raw(receiptRoot.unsafeBytes())
                .raw(stateRoot.unsafeBytes()).raw(proposer.bytes());
        return w.toByteArray();
    }

    public Hash hash(CryptoSuite suite) {
        return suite.hash(encode());
    }

    public static BlockHeader decode(byte[] bytes) throws DecodeException {
        ByteReader r = new ByteReader(bytes);
        BlockHeader h = read(r);
        r.expectEnd("block header");
        return h;
    }

    static BlockHeader read(ByteReader r) throws DecodeException {
        int version = r.u8("header version");
        if (version != VERSION) {
            throw new DecodeException("unknown block header version " + version);
        }
        String chainId = r.string("chainId", Limits.MAX_CHAIN_ID_BYTES);
        long height = r.varint("height");
        Hash prev = Hash.wrap(r.raw(Hash.LENGTH, "previousHash"));
        long ts = r.varint("timestamp");
        int count = (int) r.varint("txCount", Limits.MAX_TXS_PER_BLOCK);
        Hash txRoot = Hash.wrap(r.raw(Hash.LENGTH, "txRoot"));
        Hash receiptRoot = Hash.wrap(r.raw(Hash.LENGTH, "receiptRoot"));
        Hash stateRoot = Hash.wrap(r.raw(Hash.LENGTH, "stateRoot"));
        Address proposer = Address.of(r.raw(Address.LENGTH, "proposer"));
        return new BlockHeader(chainId, height, prev, ts, count, txRoot, receiptRoot, stateRoot, proposer);
    }
}
