package org.jadechain.contracts.records;

import org.jadechain.core.contract.Args;

/**
 * Encoded arguments for each records method, in the order the contract reads them; for the SDK, the CLI
 * and tests. No validation here: the contract is the judge. An encrypted payload is made on the client
 * (the SDK's {@code RecordEnvelope}); see {@link EncryptedContent}.
 */
public final class RecordsCalls {
    private RecordsCalls() {
    }

    public static byte[] createCollection(String name, Principals submitters, Principals readers) {
        return createCollection(name, submitters.encode(), readers.encode());
    }

    public static byte[] createCollection(String name, byte[] submitters, byte[] readers) {
        return Args.builder().string(name).bytes(submitters).bytes(readers).encode();
    }

    /** A new record (previousVersion empty) or a correction of the latest version {@code previousVersion}. */
    public static byte[] submit(String collectionId, int mode, byte[] documentHash, byte[] payload,
                                String previousVersion) {
        return Args.builder().string(collectionId).int64(mode).bytes(documentHash).bytes(payload)
                .string(previousVersion).encode();
    }

    /** Mode 1: only the document hash goes on the ledger. */
    public static byte[] submitHash(String collectionId, byte[] documentHash, String previousVersion) {
        return submit(collectionId, RecordsContract.MODE_HASH_ONLY, documentHash, new byte[0], previousVersion);
    }

    /** Mode 2: the document encrypted to the collection's readers (an encoded {@link EncryptedContent}). */
    public static byte[] submitEncrypted(String collectionId, byte[] documentHash, byte[] envelope,
                                         String previousVersion) {
        return submit(collectionId, RecordsContract.MODE_ENCRYPTED, documentHash, envelope, previousVersion);
    }
}
