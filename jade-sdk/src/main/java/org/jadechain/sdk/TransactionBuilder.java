package org.jadechain.sdk;

import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Transaction;

/**
 * Builds signed transactions for one chain and one signer: encodes the body
 * ({@link Transaction#encodeBody}), signs it with the signer's key and assembles the canonical bytes.
 * The nonce is the caller's to choose (the sender's next pending nonce from the node). Thread-safe.
 */
public final class TransactionBuilder {
    private final String chainId;
    private final SuiteId suite;
    private final Signer signer;

    /** @throws IllegalArgumentException when the signer's key is not of the chain's suite */
    public TransactionBuilder(String chainId, SuiteId suite, Signer signer) {
        if (signer.suite() != suite) {
            throw new IllegalArgumentException("the signer's key is of suite " + signer.suite().label()
                    + ", the chain uses " + suite.label());
        }
        this.chainId = chainId;
        this.suite = suite;
        this.signer = signer;
    }

    public String chainId() {
        return chainId;
    }

    public Signer signer() {
        return signer;
    }

    /**
     * A signed transaction.
     *
     * @throws IllegalArgumentException when a field is over its limit (names, arguments, nonce beyond 2^53)
     */
    public Transaction build(long nonce, String contract, String method, byte[] args) {
        byte[] body = Transaction.encodeBody(chainId, suite, signer.publicKey().encoded(), nonce, contract, method, args);
        return Transaction.assemble(body, signer.sign(body));
    }

    public Transaction build(long nonce, Call call) {
        return build(nonce, call.contract(), call.method(), call.args());
    }
}
