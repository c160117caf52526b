package org.jadechain.sdk;

/** The checks {@link ReceiptVerifier} runs, in order; each has a short name for reports. */
public enum VerificationCheck {
    FORMAT("format", "the bundle is well-formed: every field present, of the right type, in lower-case hex"),
    CHAIN("chain", "the bundle's chain id and crypto suite are the genesis file's"),
    HEADER("header", "the block header decodes and every field shown equals the decoded one"),
    HEADER_HASH("header-hash", "the header hash is the hash of the encoded header"),
    TRANSACTION("transaction", "the transaction decodes, has the stated hash and is for this chain"),
    TX_INCLUSION("tx-inclusion", "the transaction is in the block (Merkle proof to the header's transaction root)"),
    RECEIPT("receipt", "the receipt decodes, is for this transaction (or ledger trigger) and says OK"),
    RECEIPT_INCLUSION("receipt-inclusion", "the receipt is in the block (Merkle proof to the header's receipt root)"),
    VALIDATOR_SET("validator-set", "each validator-set change since genesis is proven by the set before it, in order"),
    CERTIFICATE("certificate", "a majority of the validators in force at the block (genesis's, or as changed) signed its header"),
    EVIDENCE("evidence", "the transaction is evidence.recordEvidence or records.submit of the bundle's document hash"),
    CASE_EVIDENCE("case-evidence", "the case evidence is canonical and hashes to the evidence hash the receipt's CaseFiled event names"),
    DOCUMENT("document", "the document's hash is the recorded document hash");

    private final String label;
    private final String description;

    VerificationCheck(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The short name, e.g. {@code tx-inclusion}. */
    public String label() {
        return label;
    }

    /** What passing the check establishes, as one sentence. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return label;
    }
}
