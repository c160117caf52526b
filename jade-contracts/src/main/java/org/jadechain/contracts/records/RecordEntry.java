package org.jadechain.contracts.records;

import java.util.Arrays;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.Hex;

/**
 * One submitted record, i.e. one version of a document: its id ({@code R-<n>}), collection, version number
 * in its chain (1 for a new record), the record it corrects ({@code previous}, empty for version 1), the
 * record that corrects it ({@code next}, empty while it is the latest version), the chain's first record
 * ({@code first}, its own id for version 1), the submitting key's address and organisation (empty for a
 * plain key), the block height, ledger time and transaction, the mode
 * ({@value RecordsContract#MODE_HASH_ONLY} hash only, {@value RecordsContract#MODE_ENCRYPTED} encrypted),
 * the document hash, and for an encrypted record the {@link EncryptedContent} envelope (empty otherwise).
 * Immutable apart from the arrays, which accessors copy.
 *
 * <p>Stored encoding (id is the key; {@code next} is not stored but looked up): {@code u8 1, string
 * collection, varint version, string previous, string first, 20 bytes submitter, string
 * submitterOrganisation, varint height, varint timestamp, 32 bytes txHash, u8 mode, bytes documentHash,
 * bytes envelope}.
 */
public record RecordEntry(String id, String collection, long version, String previous, String next, String first,
                          Address submitter, String submitterOrganisation, long height, long timestamp, Hash txHash,
                          int mode, byte[] documentHash, byte[] envelope) {

    public RecordEntry {
        documentHash = documentHash.clone();
        envelope = envelope.clone();
    }

    @Override
    public byte[] documentHash() {
        return documentHash.clone();
    }

    @Override
    public byte[] envelope() {
        return envelope.clone();
    }

    public boolean encrypted() {
        return mode == RecordsContract.MODE_ENCRYPTED;
    }

    /** True when no later version corrects this one. */
    public boolean latest() {
        return next.isEmpty();
    }

    /**
     * The decoded envelope of an encrypted record.
     *
     * @throws IllegalStateException when the record stores only a hash
     */
    public EncryptedContent content() {
        if (!encrypted()) {
            throw new IllegalStateException("record " + id + " stores only a document hash; its content is off the ledger");
        }
        try {
            return EncryptedContent.decode(envelope);
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt envelope in record " + id + ": " + e.getMessage(), e);
        }
    }

    RecordEntry withNext(String nextId) {
        return new RecordEntry(id, collection, version, previous, nextId, first, submitter, submitterOrganisation,
                height, timestamp, txHash, mode, documentHash, envelope);
    }

    byte[] encode() {
        ByteWriter w = new ByteWriter(160 + envelope.length);
        w.u8(1).string(collection).varint(version).string(previous).string(first).raw(submitter.bytes())
                .string(submitterOrganisation).varint(height).varint(timestamp).raw(txHash.unsafeBytes()).u8(mode)
                .bytes(documentHash).bytes(envelope);
        return w.toByteArray();
    }

    static RecordEntry decode(String id, String next, byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            if (r.u8("version") != 1) {
                throw new DecodeException("unknown record entry version");
            }
            RecordEntry e = new RecordEntry(id, r.string("collection", RecordsContract.MAX_ID_BYTES), r.varint("version"),
                    r.string("previous", RecordsContract.MAX_ID_BYTES), next, r.string("first", RecordsContract.MAX_ID_BYTES),
                    Address.of(r.raw(Address.LENGTH, "submitter")),
                    r.string("submitter organisation", Principals.MAX_ORGANISATION_ID_BYTES), r.varint("height"),
                    r.varint("timestamp"), Hash.wrap(r.raw(Hash.LENGTH, "txHash")), r.u8("mode"),
                    r.bytes("document hash", RecordsContract.MAX_HASH_BYTES),
                    r.bytes("envelope", EncryptedContent.MAX_BYTES));
            r.expectEnd("record entry");
            return e;
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt record entry " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordEntry e && id.equals(e.id) && collection.equals(e.collection) && version == e.version
                && previous.equals(e.previous) && next.equals(e.next) && first.equals(e.first)
                && submitter.equals(e.submitter) && submitterOrganisation.equals(e.submitterOrganisation)
                && height == e.height && timestamp == e.timestamp && txHash.equals(e.txHash) && mode == e.mode
                && Arrays.equals(documentHash, e.documentHash) && Arrays.equals(envelope, e.envelope);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + txHash.hashCode();
    }

    @Override
    public String toString() {
        return "RecordEntry[" + id + " v" + version + " of " + collection + (previous.isEmpty() ? "" : ", corrects " + previous)
                + (next.isEmpty() ? "" : ", corrected by " + next) + ", mode " + mode + ", hash "
                + Hex.encode(documentHash) + ", height " + height + "]";
    }
}
