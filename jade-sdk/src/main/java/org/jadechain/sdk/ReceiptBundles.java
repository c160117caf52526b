package org.jadechain.sdk;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.contracts.records.RecordsContract;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.merkle.MerkleTree;
import org.jadechain.core.model.Block;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.Transaction;

/**
 * Makes receipt bundles from committed blocks, as a node answers {@code GET /v1/transactions/{hash}/proof}.
 * Independent of HTTP and storage; stateless and thread-safe.
 */
public final class ReceiptBundles {
    private ReceiptBundles() {
    }

    /**
     * The bundle for the transaction at {@code index} of a committed block.
     *
     * @param receipts the block's receipts in order: its triggers' receipts, then one per transaction
     * @param certificate the block's commit certificate
     * @param genesis the chain's genesis, naming the validators shown in the certificate
     * @throws IllegalArgumentException when the index is outside the block, or the receipts or certificate
     *     do not belong to the block
     */
    public static ReceiptBundle build(Block block, List<Receipt> receipts, int index, CommitCertificate certificate,
                                      Genesis genesis) {
        List<Transaction> txs = block.transactions();
        if (index < 0 || index >= txs.size()) {
            throw new IllegalArgumentException("transaction " + index + " outside a block of " + txs.size());
        }
        CryptoSuite suite = genesis.cryptoSuite();
        MerkleTree merkle = new MerkleTree(suite);
        Transaction tx = txs.get(index);
        Hash txHash = suite.hash(tx.unsafeEncoded());
        int receiptIndex = receipts.size() - txs.size() + index;
        if (receiptIndex < index || !receipts.get(receiptIndex).txHash().equals(txHash)
                || receipts.get(receiptIndex).kind() != Receipt.Kind.TRANSACTION) {
            throw new IllegalArgumentException("the receipts do not belong to block " + block.header().height());
        }
        Hash headerHash = block.header().hash(suite);
        if (!certificate.headerHash().equals(headerHash)) {
            throw new IllegalArgumentException("the certificate is not for block " + block.header().height());
        }
        List<byte[]> txLeaves = new ArrayList<>(txs.size());
        for (Transaction t : txs) {
            txLeaves.add(t.unsafeEncoded());
        }
        List<byte[]> receiptLeaves = new ArrayList<>(receipts.size());
        for (Receipt r : receipts) {
            receiptLeaves.add(r.encode());
        }
        return new ReceiptBundle(ReceiptBundle.FORMAT, documentHashOf(tx), genesis.chainId(), genesis.suite().label(),
                txHash.hex(), block.header().height(), Hex.encode(tx.unsafeEncoded()),
                ReceiptBundle.Proof.of(merkle.proof(merkle.leafHashes(txLeaves), index)),
                Hex.encode(receiptLeaves.get(receiptIndex)),
                ReceiptBundle.Proof.of(merkle.proof(merkle.leafHashes(receiptLeaves), receiptIndex)),
                ReceiptBundle.Header.of(block.header()), headerHash.hex(),
                ReceiptBundle.Certificate.of(certificate, genesis.validators()));
    }

    /**
     * The bundle for the transaction at {@code index} of a block as a store holds it.
     *
     * @throws DecodeException when the stored bytes are corrupt
     */
    public static ReceiptBundle build(StoredBlock stored, int index, Genesis genesis) throws DecodeException {
        return build(stored.block(), stored.receipts(), index, stored.certificate(), genesis);
    }

    /**
     * The bundle for a ledger trigger's receipt (e.g. a mediation deadline that filed a court case): the
     * receipt with its proof, the header and the certificate, and no transaction.
     *
     * @param receiptIndex the receipt's position among the block's receipts (triggers come first)
     * @param caseEvidence the encoded evidence of the case the trigger filed, or null
     * @throws IllegalArgumentException when the position is not a trigger's receipt, or the certificate is not
     *     for the block
     */
    public static ReceiptBundle buildTrigger(StoredBlock stored, int receiptIndex, Genesis genesis, byte[] caseEvidence)
            throws DecodeException {
        Block block = stored.block();
        List<Receipt> receipts = stored.receipts();
        int triggers = receipts.size() - block.transactions().size();
        if (receiptIndex < 0 || receiptIndex >= triggers || receipts.get(receiptIndex).kind() != Receipt.Kind.TRIGGER) {
            throw new IllegalArgumentException("receipt " + receiptIndex + " of block " + block.header().height()
                    + " is not a trigger's");
        }
        CryptoSuite suite = genesis.cryptoSuite();
        Hash headerHash = block.header().hash(suite);
        if (!stored.certificate().headerHash().equals(headerHash)) {
            throw new IllegalArgumentException("the certificate is not for block " + block.header().height());
        }
        MerkleTree merkle = new MerkleTree(suite);
        List<byte[]> receiptLeaves = new ArrayList<>(receipts.size());
        for (Receipt r : receipts) {
            receiptLeaves.add(r.encode());
        }
        return new ReceiptBundle(ReceiptBundle.FORMAT, null, genesis.chainId(), genesis.suite().label(),
                receipts.get(receiptIndex).txHash().hex(), block.header().height(), null, null,
                Hex.encode(receiptLeaves.get(receiptIndex)),
                ReceiptBundle.Proof.of(merkle.proof(merkle.leafHashes(receiptLeaves), receiptIndex)),
                ReceiptBundle.Header.of(block.header()), headerHash.hex(),
                ReceiptBundle.Certificate.of(stored.certificate(), genesis.validators()),
                caseEvidence == null ? null : Hex.encode(caseEvidence));
    }

    /** The document hash a transaction records, in hex, or null: see {@link #documentHashPosition}. */
    static String documentHashOf(Transaction tx) {
        int position = documentHashPosition(tx);
        if (position < 0) {
            return null;
        }
        try {
            Args args = Args.decode(tx.args());
            return args.size() <= position ? null : Hex.encode(args.bytes(position));
        } catch (ContractException e) {
            return null;
        }
    }

    /**
     * Which argument of the call is a document hash: 0 for {@code evidence.recordEvidence}, 2 for
     * {@code records.submit}; -1 for any other call.
     */
    static int documentHashPosition(Transaction tx) {
        if (tx.contract().equals(EvidenceCalls.CONTRACT) && tx.method().equals(EvidenceCalls.RECORD_EVIDENCE)) {
            return 0;
        }
        if (tx.contract().equals(RecordsContract.NAME) && tx.method().equals(RecordsContract.SUBMIT)) {
            return 2;
        }
        return -1;
    }
}
