package org.jadechain.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;

/** Calls of the {@code evidence} contract, and the document hash it records. Stateless. */
public final class EvidenceCalls {
    public static final String CONTRACT = "evidence";
    public static final String RECORD_EVIDENCE = "recordEvidence";

    private EvidenceCalls() {
    }

    /** {@code evidence.recordEvidence(documentHash, metadata)}. */
    public static Call recordEvidence(byte[] documentHash, String metadata) {
        return new Call(CONTRACT, RECORD_EVIDENCE, recordEvidenceArgs(documentHash, metadata));
    }

    public static byte[] recordEvidenceArgs(byte[] documentHash, String metadata) {
        return Args.builder().bytes(documentHash).string(metadata).encode();
    }

    /** The chain's hash of a file's bytes, read as a stream: the document hash to record or check. */
    public static Hash documentHash(CryptoSuite suite, Path document) throws IOException {
        CryptoSuite.Hasher hasher = suite.newHasher();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(document)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                hasher.update(buf, 0, n);
            }
        }
        return hasher.digest();
    }

    /** The chain's hash of a document held in memory. */
    public static Hash documentHash(CryptoSuite suite, byte[] document) {
        return suite.hash(document);
    }
}
