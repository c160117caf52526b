package org.jadechain.sdk.records;

import java.security.SecureRandom;
import java.util.List;
import org.jadechain.contracts.records.Principals;
import org.jadechain.contracts.records.RecordsCalls;
import org.jadechain.contracts.records.RecordsContract;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.sdk.Call;

/**
 * Calls of the {@code records} contract, ready for a {@code TransactionBuilder}. The encrypted submission
 * seals the document here, on the client; pass the collection's current reader keys (the node's
 * {@code RecordsQueries.readerKeys}). Stateless.
 */
public final class Records {
    public static final String CONTRACT = RecordsContract.NAME;

    private Records() {
    }

    /** {@code records.createCollection(name, submitters, readers)}; AGENCY only. */
    public static Call createCollection(String name, Principals submitters, Principals readers) {
        return new Call(CONTRACT, RecordsContract.CREATE_COLLECTION,
                RecordsCalls.createCollection(name, submitters, readers));
    }

    /** A hash-only submission; {@code previousVersion} is empty for a new record. */
    public static Call submitHash(String collectionId, byte[] documentHash, String previousVersion) {
        return new Call(CONTRACT, RecordsContract.SUBMIT,
                RecordsCalls.submitHash(collectionId, documentHash, previousVersion));
    }

    /** An encrypted submission of an already sealed document (see {@link RecordEnvelope#sealFor}). */
    public static Call submitEncrypted(String collectionId, RecordEnvelope.Sealed sealed, String previousVersion) {
        return new Call(CONTRACT, RecordsContract.SUBMIT,
                RecordsCalls.submitEncrypted(collectionId, sealed.documentHash(), sealed.payload(), previousVersion));
    }

    /** Seals {@code content} for the reader keys and makes the encrypted submission. */
    public static Call submitEncrypted(CryptoSuite suite, String collectionId, byte[] content,
                                       List<PublicKey> readerKeys, String previousVersion, SecureRandom random) {
        return submitEncrypted(collectionId, RecordEnvelope.sealFor(suite, collectionId, content, readerKeys, random),
                previousVersion);
    }
}
