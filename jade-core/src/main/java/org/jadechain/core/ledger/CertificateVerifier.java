package org.jadechain.core.ledger;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.model.CommitCertificate;

/**
 * Checks a commit certificate against a validator set: it is for the given header hash, every
 * signature is by a distinct validator and valid, and there are more than half of the validators.
 */
public final class CertificateVerifier {
    private final CryptoSuite suite;

    public CertificateVerifier(CryptoSuite suite) {
        this.suite = suite;
    }

    /** Majority quorum: floor(n / 2) + 1. */
    public static int quorum(int validators) {
        return validators / 2 + 1;
    }

    /** @return null when valid, else why not */
    public String check(CommitCertificate cert, Hash headerHash, List<ValidatorInfo> validators) {
        if (!cert.headerHash().equals(headerHash)) {
            return "certificate is for header " + cert.headerHash().hex() + ", not " + headerHash.hex();
        }
        Set<String> seen = new TreeSet<>();
        byte[] message = CommitCertificate.signedMessage(headerHash);
        for (CommitCertificate.Signature s : cert.signatures()) {
            ValidatorInfo v = find(validators, s.publicKey());
            if (v == null) {
                return "certificate signed by a key that is not a validator";
            }
            if (!seen.add(v.id())) {
                return "validator " + v.id() + " signed twice";
            }
            if (!suite.verify(v.publicKey(), message, s.signature())) {
                return "signature of validator " + v.id() + " is invalid";
            }
        }
        int need = quorum(validators.size());
        if (seen.size() < need) {
            return "certificate has " + seen.size() + " valid signatures, needs " + need + " of " + validators.size();
        }
        return null;
    }

    private static ValidatorInfo find(List<ValidatorInfo> validators, byte[] key) {
        for (ValidatorInfo v : validators) {
            if (java.util.Arrays.equals(v.publicKey().unsafeEncoded(), key)) {
                return v;
            }
        }
        return null;
    }

    /** Decodes a validator's key from a certificate entry. */
    public PublicKey key(CommitCertificate.Signature s) throws CryptoException {
        return suite.decodePublicKey(s.publicKey());
    }
}
