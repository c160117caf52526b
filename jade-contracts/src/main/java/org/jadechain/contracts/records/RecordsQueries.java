package org.jadechain.contracts.records;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.contract.Identities;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.state.StateReader;

/**
 * Reads of the records from any state (typically the committed state, for REST answers and the CLI).
 * Stateless; as thread-safe as the reader. Unknown ids give null or an empty list, never an exception.
 * Lists are paged by {@code offset} (entries to skip) and {@code limit} (at most {@value #MAX_PAGE} per
 * call, since a record may carry an envelope of up to 48 KiB).
 *
 * <p>A read that spans several keys (a page, a history) is consistent only if the reader does not change
 * underneath it: over a store that is committing blocks concurrently, pass a snapshot, or read between
 * commits.
 */
public final class RecordsQueries {
    public static final int MAX_PAGE = 100;

    private RecordsQueries() {
    }

    private static RecordsStore store(StateReader state) {
        return RecordsStore.readOnly(state);
    }

    /** The collection (name, agency, submitters, readers with the agency, creation), or null. */
    public static RecordCollection collection(StateReader state, String id) {
        return store(state).collection(id);
    }

    public static long collectionCount(StateReader state) {
        return store(state).collectionCount();
    }

    /** Collections in order of creation ({@code COL-1} first). */
    public static List<RecordCollection> collections(StateReader state, long offset, int limit) {
        checkPage(offset, limit);
        RecordsStore s = store(state);
        List<RecordCollection> out = new ArrayList<>();
        long n = s.collectionCount();
        for (long i = offset; i < n && out.size() < limit; i++) {
            out.add(required(s.collection(RecordsStore.COLLECTION_PREFIX + (i + 1)), "collection", i + 1));
        }
        return out;
    }

    /**
     * The keys an encrypted submission to the collection must wrap its content key to, as of this state
     * (every admin key of every reader organisation, and every reader key), ordered by their encoding;
     * null when there is no such collection.
     */
    public static List<PublicKey> readerKeys(StateReader state, CryptoSuite suite, String collectionId) {
        RecordCollection c = collection(state, collectionId);
        if (c == null) {
            return null;
        }
        List<PublicKey> out = new ArrayList<>();
        for (byte[] k : ReaderKeys.resolve(new Identities(state, suite), c.readers()).keySet()) {
            try {
                out.add(suite.decodePublicKey(k));
            } catch (CryptoException e) {
                throw new IllegalStateException("collection " + collectionId + " holds an invalid reader key", e);
            }
        }
        return out;
    }

    /** The record (with {@code next} filled in when a later version corrects it), or null. */
    public static RecordEntry record(StateReader state, String id) {
        return store(state).record(id);
    }

    /** Every version of the record's chain, oldest first (whichever version is named); empty when none. */
    public static List<RecordEntry> history(StateReader state, String recordId) {
        RecordsStore s = store(state);
        RecordEntry e = s.record(recordId);
        List<RecordEntry> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        long latest = s.latestVersion(e.first());
        for (long v = 1; v <= latest; v++) {
            String id = s.versionId(e.first(), v);
            out.add(required(id == null ? null : s.record(id), "version " + v + " of record", e.first()));
        }
        return out;
    }

    /** The latest version of the record's chain, or null when there is no such record. */
    public static RecordEntry latest(StateReader state, String recordId) {
        RecordsStore s = store(state);
        RecordEntry e = s.record(recordId);
        if (e == null || e.latest()) {
            return e;
        }
        String id = s.versionId(e.first(), s.latestVersion(e.first()));
        return required(id == null ? null : s.record(id), "latest version of record", e.first());
    }

    /** The number of records (all versions) submitted to a collection; 0 for an unknown one. */
    public static long recordCount(StateReader state, String collectionId) {
        return store(state).recordCount(collectionId);
    }

    /** A collection's records (every version), in order of submission. */
    public static List<RecordEntry> records(StateReader state, String collectionId, long offset, int limit) {
        checkPage(offset, limit);
        RecordsStore s = store(state);
        List<RecordEntry> out = new ArrayList<>();
        long n = s.recordCount(collectionId);
        for (long i = offset; i < n && out.size() < limit; i++) {
            String id = s.recordOf(collectionId, i);
            out.add(required(s.record(id), "record", id));
        }
        return out;
    }

    private static <T> T required(T value, String what, Object id) {
        if (value == null) {
            throw new IllegalStateException("records state is missing the " + what + " " + id);
        }
        return value;
    }

    private static void checkPage(long offset, int limit) {
        if (offset < 0 || limit < 0 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("page must have offset >= 0 and limit 0.." + MAX_PAGE);
        }
    }
}
