package org.jadechain.contracts.records;

import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hash;

/**
 * A collection of records, as created: its id ({@code COL-<n>}), name, the AGENCY organisation that created
 * it and the key that signed the creation, who may submit, who may read (the agency always among them),
 * and the block height, ledger time and transaction of its creation. Immutable.
 *
 * <p>Stored encoding (id is the key): {@code u8 1, string name, string agency, 20 bytes creator,
 * principals submitters, principals readers, varint height, varint timestamp, 32 bytes txHash}.
 */
public record RecordCollection(String id, String name, String agency, Address creator, Principals submitters,
                               Principals readers, long height, long timestamp, Hash txHash) {

    byte[] encode() {
        ByteWriter w = new ByteWriter(256);
        w.u8(1).string(name).string(agency).raw(creator.bytes());
        submitters.write(w);
        readers.write(w);
        w.varint(height).varint(timestamp).raw(txHash.unsafeBytes());
        return w.toByteArray();
    }

    static RecordCollection decode(String id, byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            if (r.u8("version") != 1) {
                throw new DecodeException("unknown collection record version");
            }
            RecordCollection c = new RecordCollection(id, r.string("name", RecordsContract.MAX_NAME_BYTES),
                    r.string("agency", Principals.MAX_ORGANISATION_ID_BYTES), Address.of(r.raw(Address.LENGTH, "creator")),
                    Principals.read(r), Principals.read(r), r.varint("height"), r.varint("timestamp"),
                    Hash.wrap(r.raw(Hash.LENGTH, "txHash")));
            r.expectEnd("collection record");
            return c;
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt collection record " + id + ": " + e.getMessage(), e);
        }
    }
}
