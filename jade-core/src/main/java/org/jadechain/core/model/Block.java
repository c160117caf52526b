package org.jadechain.core.model;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.codec.Limits;

/**
 * A header and its transactions in order. Encoding: {@code bytes header, varint n, n × bytes tx}.
 * Decoding checks that the count matches the header; roots are checked by the ledger, not here.
 */
public record Block(BlockHeader header, List<Transaction> transactions) {
    public Block {
        transactions = List.copyOf(transactions);
    }

    public byte[] encode() {
        byte[] h = header.encode();
        int size = h.length + 8;
        for (Transaction tx : transactions) {
            size += tx.size() + 4;
        }
        ByteWriter w = new ByteWriter(size);
        w.bytes(h).varint(transactions.size());
        for (Transaction tx : transactions) {
            w.bytes(tx.unsafeEncoded());
        }
        return w.toByteArray();
    }

    public static Block decode(byte[] bytes) throws DecodeException {
        ByteReader r = new ByteReader(bytes);
        BlockHeader header = BlockHeader.decode(r.bytes("header", 4096));
        int n = (int) r.varint("transaction count", Limits.MAX_TXS_PER_BLOCK);
        if (n != header.txCount()) {
            throw new DecodeException("block holds " + n + " transactions, header says " + header.txCount());
        }
        List<Transaction> txs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            txs.add(Transaction.decode(r.bytes("transaction " + i, Limits.MAX_TX_BYTES)));
        }
        r.expectEnd("block");
        return new Block(header, txs);
    }
}
