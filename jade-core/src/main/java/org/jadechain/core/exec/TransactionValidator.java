package org.jadechain.core.exec;

import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.model.Transaction;

/**
 * Stateless validation: right chain, right suite, a valid sender key, a valid signature over the body.
 * Needs no state, so callers run it in parallel on all cores. Thread-safe.
 */
public final class TransactionValidator {
    private final String chainId;
    private final CryptoSuite suite;

    public TransactionValidator(String chainId, CryptoSuite suite) {
        this.chainId = chainId;
        this.suite = suite;
    }

    /**
     * As {@link #check} but without verifying the signature: only for transactions of a block whose commit
     * certificate a quorum of validators signed after each checked every signature (ADR 0010).
     */
    public CheckedTransaction checkCertified(Transaction tx) {
        return check(tx, false);
    }

    public CheckedTransaction check(Transaction tx) {
        return check(tx, true);
    }

    private CheckedTransaction check(Transaction tx, boolean verifySignature) {
        if (!tx.chainId().equals(chainId)) {
            return new CheckedTransaction(tx, null, ResultCode.WRONG_CHAIN,
                    "transaction is for chain '" + tx.chainId() + "', this is '" + chainId + "'");
        }
        if (tx.suite() != suite.id()) {
            return new CheckedTransaction(tx, null, ResultCode.WRONG_SUITE,
                    "transaction uses suite " + tx.suite().label() + ", this chain uses " + suite.id().label());
        }
        PublicKey key;
        try {
            key = suite.decodePublicKey(tx.senderPublicKey());
        } catch (CryptoException e) {
            return new CheckedTransaction(tx, null, ResultCode.BAD_SIGNATURE, "invalid sender key: " + e.getMessage());
        }
        if (verifySignature && !suite.verify(key, tx.signedBody(), tx.signature())) {
            return new CheckedTransaction(tx, key, ResultCode.BAD_SIGNATURE, "signature does not match sender key and body");
        }
        return new CheckedTransaction(tx, key, ResultCode.OK, "");
    }
}
