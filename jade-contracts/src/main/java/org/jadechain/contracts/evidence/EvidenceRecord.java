package org.jadechain.contracts.evidence;

import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hash;

/** A recorded document hash: who recorded it, when, in which transaction, with what description. */
public record EvidenceRecord(byte[] documentHash, Address recorder, long height, long timestamp, Hash txHash,
                             String metadata) {

    byte[] encode() {
        ByteWriter w = new ByteWriter(128 + metadata.length());
        w.raw(recorder.bytes()).varint(height).varint(timestamp).raw(txHash.unsafeBytes()).string(metadata);
        return w.toByteArray();
    }

    static EvidenceRecord decode(byte[] documentHash, byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            EvidenceRecord e = new EvidenceRecord(documentHash, Address.of(r.raw(Address.LENGTH, "recorder")),
                    r.varint("height"), r.varint("timestamp"), Hash.wrap(r.raw(Hash.LENGTH, "txHash")),
                    r.string("metadata", EvidenceContract.MAX_METADATA_BYTES));
            r.expectEnd("evidence record");
            return e;
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt evidence record: " + e.getMessage(), e);
        }
    }
}
