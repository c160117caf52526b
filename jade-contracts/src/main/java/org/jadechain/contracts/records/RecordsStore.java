package org.jadechain.contracts.records;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jadechain.core.contract.ContractState;
import org.jadechain.core.state.StateReader;

/**
 * The records contract's state layout (namespace {@value RecordsContract#NAME}) and typed access to it;
 * shared by the contract (over the call's overlay) and {@link RecordsQueries} (read-only). Only point keys:
 * nothing depends on iteration order. Ids are counters, so the lists of all collections and records need
 * no index of their own.
 *
 * <pre>
 * collectionCount                       u64; collections are COL-1 .. COL-n
 * col/&lt;collection id&gt;                   RecordCollection
 * colRecords/&lt;collection id&gt;            u64 number of records submitted to the collection
 * colRecord/&lt;collection id&gt;/&lt;u64 i&gt;     record id of the collection's submission i (0-based)
 * recordCount                           u64; records are R-1 .. R-n
 * rec/&lt;record id&gt;                       RecordEntry (without next)
 * versions/&lt;first record id&gt;            u64 latest version number of the chain
 * ver/&lt;first record id&gt;/&lt;u64 version&gt;   record id of that version (1-based)
 * </pre>
 * Ids are at most {@value RecordsContract#MAX_ID_BYTES} bytes, so every key stays far below the state's key
 * limit. Not thread-safe; one per call.
 */
final class RecordsStore {
    static final String COLLECTION_PREFIX = "COL-";
    static final String RECORD_PREFIX = "R-";
    private static final byte[] COLLECTION_COUNT = ascii("collectionCount");
    private static final byte[] RECORD_COUNT = ascii("recordCount");

    private final ContractState state;

    RecordsStore(ContractState state) {
        this.state = state;
    }

    static RecordsStore readOnly(StateReader reader) {
        return new RecordsStore(ContractState.readOnly(RecordsContract.NAME, reader));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] key(String prefix, String id) {
        return (prefix + id).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] key(String prefix, String id, long n) {
        byte[] p = (prefix + id + "/").getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(p.length + 8).put(p).putLong(n).array();
    }

    /** True when an id is short enough to be looked up at all (longer ones name nothing). */
    static boolean plausibleId(String id) {
        int n = id.getBytes(StandardCharsets.UTF_8).length;
        return n > 0 && n <= RecordsContract.MAX_ID_BYTES;
    }

    // --- collections ---

    long collectionCount() {
        return state.getLong(COLLECTION_COUNT, 0);
    }

    /** Stores a new collection under the next id, which the caller must have taken from {@link #nextCollectionId}. */
    void addCollection(RecordCollection c) {
        state.put(key("col/", c.id()), c.encode());
        state.putLong(COLLECTION_COUNT, collectionCount() + 1);
    }

    String nextCollectionId() {
        return COLLECTION_PREFIX + (collectionCount() + 1);
    }

    RecordCollection collection(String id) {
        if (!plausibleId(id)) {
            return null;
        }
        byte[] v = state.get(key("col/", id));
        return v == null ? null : RecordCollection.decode(id, v);
    }

    long recordCount(String collectionId) {
        return plausibleId(collectionId) ? state.getLong(key("colRecords/", collectionId), 0) : 0;
    }

    String recordOf(String collectionId, long index) {
        return new String(required(key("colRecord/", collectionId, index), "collection index"), StandardCharsets.UTF_8);
    }

    // --- records ---

    long recordCount() {
        return state.getLong(RECORD_COUNT, 0);
    }

    String nextRecordId() {
        return RECORD_PREFIX + (recordCount() + 1);
    }

    /**
     * Stores a new record (whose id the caller took from {@link #nextRecordId}) and indexes it in its
     * collection and in its version chain.
     */
    void addRecord(RecordEntry e) {
        state.put(key("rec/", e.id()), e.encode());
        state.putLong(RECORD_COUNT, recordCount() + 1);
        long n = recordCount(e.collection());
        state.put(key("colRecord/", e.collection(), n), e.id().getBytes(StandardCharsets.UTF_8));
        state.putLong(key("colRecords/", e.collection()), n + 1);
        state.put(key("ver/", e.first(), e.version()), e.id().getBytes(StandardCharsets.UTF_8));
        state.putLong(key("versions/", e.first()), e.version());
    }

    /** The record with its {@code next} filled in, or null. */
    RecordEntry record(String id) {
        if (!plausibleId(id)) {
            return null;
        }
        byte[] v = state.get(key("rec/", id));
        if (v == null) {
            return null;
        }
        RecordEntry e = RecordEntry.decode(id, "", v);
        String next = versionId(e.first(), e.version() + 1);
        return next == null ? e : e.withNext(next);
    }

    /** The latest version number of the chain that starts with record {@code first}. */
    long latestVersion(String first) {
        return state.getLong(key("versions/", first), 0);
    }

    /** The id of a version of a chain, or null. */
    String versionId(String first, long version) {
        byte[] v = state.get(key("ver/", first, version));
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    private byte[] required(byte[] k, String what) {
        byte[] v = state.get(k);
        if (v == null) {
            throw new IllegalStateException("records state is missing an entry of the " + what);
        }
        return v;
    }
}
