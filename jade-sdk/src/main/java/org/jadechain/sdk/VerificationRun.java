package org.jadechain.sdk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jadechain.contracts.court.CaseEvidence;
import org.jadechain.contracts.governance.GovernanceContract;
import org.jadechain.contracts.governance.ValidatorSet;
import org.jadechain.contracts.court.CourtContract;
import org.jadechain.contracts.records.RecordsContract;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.ledger.CertificateVerifier;
import org.jadechain.core.merkle.InclusionProof;
import org.jadechain.core.merkle.MerkleTree;
import org.jadechain.core.model.BlockHeader;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.Transaction;

/**
 * One verification of one bundle: the checks after {@code format}, each a method that throws
 * {@link CheckFailure} with the reason, run in order and sharing what earlier checks decoded.
 * A check may rely on every earlier one having passed. Not thread-safe; used once.
 */
final class VerificationRun {
    private final Genesis genesis;
    private final CryptoSuite suite;
    private final ReceiptBundle b;
    private BlockHeader header;
    private Hash headerHash;
    private byte[] txBytes;
    private Transaction tx;
    private byte[] receiptBytes;
    private Receipt decodedReceipt;
    private List<ValidatorInfo> validators;

    VerificationRun(Genesis genesis, ReceiptBundle bundle) {
        this.genesis = genesis;
        this.suite = genesis.cryptoSuite();
        this.b = bundle;
        this.validators = genesis.validators();
    }

    void chain() throws CheckFailure {
        if (!b.chainId().equals(genesis.chainId())) {
            throw new CheckFailure("the bundle is for chain '" + b.chainId() + "', the genesis file is for '"
                    + genesis.chainId() + "'");
        }
        if (!b.suite().equals(genesis.suite().label())) {
            throw new CheckFailure("the bundle uses suite '" + b.suite() + "', the chain uses '"
                    + genesis.suite().label() + "'");
        }
    }

    void header() throws CheckFailure {
        ReceiptBundle.Header shown = b.header();
        try {
            header = BlockHeader.decode(Hex.decode(shown.encoded()));
        } catch (DecodeException e) {
            throw new CheckFailure("header.encoded does not decode: " + e.getMessage());
        }
        if (!header.chainId().equals(genesis.chainId())) {
            throw new CheckFailure("the header is for chain '" + header.chainId() + "', not '" + genesis.chainId() + "'");
        }
        same("header.chainId", shown.chainId(), header.chainId());
        same("header.height", shown.height(), header.height());
        same("header.previousHash", shown.previousHash(), header.previousHash().hex());
        same("header.timestamp", shown.timestamp(), header.timestamp());
        same("header.txCount", shown.txCount(), (long) header.txCount());
        same("header.txRoot", shown.txRoot(), header.txRoot().hex());
        same("header.receiptRoot", shown.receiptRoot(), header.receiptRoot().hex());
        same("header.stateRoot", shown.stateRoot(), header.stateRoot().hex());
        same("header.proposer", shown.proposer(), header.proposer().hex());
        same("blockHeight", b.blockHeight(), header.height());
    }

    private static void same(String field, Object shown, Object decoded) throws CheckFailure {
        if (!Objects.equals(shown, decoded)) {
            throw new CheckFailure(field + " shows " + shown + " but the encoded header has " + decoded);
        }
    }

    void headerHash() throws CheckFailure {
        headerHash = header.hash(suite);
        if (!headerHash.hex().equals(b.headerHash())) {
            throw new CheckFailure("headerHash is " + b.headerHash() + " but the header hashes to " + headerHash.hex());
        }
    }

    void transaction() throws CheckFailure {
        txBytes = Hex.decode(b.transaction());
        try {
            tx = Transaction.decode(txBytes);
        } catch (DecodeException e) {
            throw new CheckFailure("the transaction does not decode: " + e.getMessage());
        }
        if (tx.suite() != genesis.suite()) {
            throw new CheckFailure("the transaction uses suite " + tx.suite().label() + ", the chain uses "
                    + genesis.suite().label());
        }
        String hash = suite.hash(txBytes).hex();
        if (!hash.equals(b.txHash())) {
            throw new CheckFailure("txHash is " + b.txHash() + " but the transaction hashes to " + hash);
        }
        if (!tx.chainId().equals(genesis.chainId())) {
            throw new CheckFailure("the transaction is for chain '" + tx.chainId() + "', not '" + genesis.chainId() + "'");
        }
    }

    void txInclusion() throws CheckFailure {
        ReceiptBundle.Proof p = b.txProof();
        if (p.treeSize() != header.txCount()) {
            throw new CheckFailure("txProof.treeSize is " + p.treeSize() + " but the block holds "
                    + header.txCount() + " transactions");
        }
        if (!new MerkleTree(suite).verify(txBytes, proof(p), header.txRoot())) {
            throw new CheckFailure("the transaction's proof (leaf " + p.leafIndex() + " of " + p.treeSize()
                    + ") does not lead to the header's transaction root");
        }
    }

    void receipt() throws CheckFailure {
        receiptBytes = Hex.decode(b.receipt());
        Receipt receipt;
        try {
            receipt = Receipt.decode(receiptBytes);
        } catch (DecodeException e) {
            throw new CheckFailure("the receipt does not decode: " + e.getMessage());
        }
        if (!receipt.txHash().hex().equals(b.txHash())) {
            throw new CheckFailure("the receipt is for " + receipt.txHash().hex() + ", not for " + b.txHash());
        }
        Receipt.Kind expected = b.trigger() ? Receipt.Kind.TRIGGER : Receipt.Kind.TRANSACTION;
        if (receipt.kind() != expected) {
            throw new CheckFailure("the receipt is a " + receipt.kind() + " receipt, not a " + expected + " receipt");
        }
        if (!receipt.ok()) {
            throw new CheckFailure("the " + (b.trigger() ? "trigger" : "transaction") + " was refused: " + receipt.code()
                    + (receipt.message().isEmpty() ? "" : " (" + receipt.message() + ")"));
        }
        decodedReceipt = receipt;
    }

    /** Transaction receipts follow the triggers' receipts, in block order, so the position is fixed. */
    void receiptInclusion() throws CheckFailure {
        ReceiptBundle.Proof p = b.receiptProof();
        if (b.trigger()) {
            if (p.treeSize() < header.txCount() || p.leafIndex() >= p.treeSize() - header.txCount()) {
                throw new CheckFailure("receiptProof is for leaf " + p.leafIndex() + " of " + p.treeSize()
                        + ", but a trigger's receipt comes before the block's " + header.txCount()
                        + " transaction receipts");
            }
            if (!new MerkleTree(suite).verify(receiptBytes, proof(p), header.receiptRoot())) {
                throw new CheckFailure("the receipt's proof (leaf " + p.leafIndex() + " of " + p.treeSize()
                        + ") does not lead to the header's receipt root");
            }
            return;
        }
        long expected = p.treeSize() - header.txCount() + b.txProof().leafIndex();
        if (p.treeSize() < header.txCount() || p.leafIndex() != expected) {
            throw new CheckFailure("receiptProof is for leaf " + p.leafIndex() + " of " + p.treeSize()
                    + ", but the receipt of transaction " + b.txProof().leafIndex() + " of " + header.txCount()
                    + " must be leaf " + expected);
        }
        if (!new MerkleTree(suite).verify(receiptBytes, proof(p), header.receiptRoot())) {
            throw new CheckFailure("the receipt's proof (leaf " + p.leafIndex() + " of " + p.treeSize()
                    + ") does not lead to the header's receipt root");
        }
    }

    private static InclusionProof proof(ReceiptBundle.Proof p) {
        List<Hash> path = new ArrayList<>(p.path().size());
        for (String h : p.path()) {
            path.add(Hash.fromHex(h));
        }
        return new InclusionProof(p.leafIndex(), p.treeSize(), path);
    }

    void certificate() throws CheckFailure {
        ReceiptBundle.Certificate shown = b.certificate();
        CommitCertificate cert;
        try {
            cert = CommitCertificate.decode(Hex.decode(shown.encoded()));
        } catch (DecodeException e) {
            throw new CheckFailure("certificate.encoded does not decode: " + e.getMessage());
        }
        if (!cert.headerHash().hex().equals(shown.headerHash())) {
            throw new CheckFailure("certificate.headerHash shows " + shown.headerHash()
                    + " but the encoded certificate has " + cert.headerHash().hex());
        }
        if (cert.signatures().size() != shown.signatures().size()) {
            throw new CheckFailure("certificate.signatures shows " + shown.signatures().size()
                    + " signatures but the encoded certificate has " + cert.signatures().size());
        }
        for (int i = 0; i < cert.signatures().size(); i++) {
            signature(i, shown.signatures().get(i), cert.signatures().get(i));
        }
        String problem = new CertificateVerifier(suite).check(cert, headerHash, validators);
        if (problem != null) {
            throw new CheckFailure(problem);
        }
        for (int i = 0; i < cert.signatures().size(); i++) {
            String shownId = shown.signatures().get(i).validator();
            String id = ReceiptBundle.Certificate.validatorId(validators, cert.signatures().get(i).publicKey());
            if (!Objects.equals(shownId, id)) {
                throw new CheckFailure("certificate.signatures[" + i + "].validator shows " + shownId
                        + " but the validator set in force names that key " + id);
            }
        }
    }

    private static void signature(int i, ReceiptBundle.CertificateSignature shown, CommitCertificate.Signature actual)
            throws CheckFailure {
        String at = "certificate.signatures[" + i + "]";
        if (!shown.publicKey().equals(Hex.encode(actual.publicKey()))) {
            throw new CheckFailure(at + ".publicKey differs from the encoded certificate's");
        }
        if (!shown.signature().equals(Hex.encode(actual.signature()))) {
            throw new CheckFailure(at + ".signature differs from the encoded certificate's");
        }
    }

    void evidence() throws CheckFailure {
        int position = ReceiptBundles.documentHashPosition(tx);
        if (position < 0) {
            throw new CheckFailure("the transaction calls " + tx.contract() + "." + tx.method() + ", not "
                    + EvidenceCalls.CONTRACT + "." + EvidenceCalls.RECORD_EVIDENCE + " or "
                    + RecordsContract.NAME + "." + RecordsContract.SUBMIT);
        }
        byte[] recorded;
        try {
            recorded = Args.decode(tx.args()).bytes(position);
        } catch (ContractException e) {
            throw new CheckFailure("the transaction's arguments hold no document hash: " + e.getMessage());
        }
        if (!Arrays.equals(recorded, Hex.decode(b.documentHash()))) {
            throw new CheckFailure("documentHash is " + b.documentHash() + " but the transaction records "
                    + Hex.encode(recorded));
        }
    }

    /** The case evidence decodes canonically and its hash is the one the filing's CaseFiled event names. */
    void caseEvidence() throws CheckFailure {
        CaseEvidence evidence;
        byte[] bytes = Hex.decode(b.caseEvidence());
        try {
            evidence = CaseEvidence.decode(bytes);
        } catch (DecodeException e) {
            throw new CheckFailure("caseEvidence does not decode: " + e.getMessage());
        }
        String named = null;
        for (Event e : decodedReceipt.events()) {
            if (e.contract().equals(CourtContract.NAME) && e.type().equals(CourtContract.CASE_FILED)) {
                named = e.get("evidenceHash");
            }
        }
        if (named == null) {
            throw new CheckFailure("the receipt files no court case (no court.CaseFiled event with an evidenceHash)");
        }
        String actual = evidence.hash(suite).hex();
        if (!actual.equals(named)) {
            throw new CheckFailure("caseEvidence hashes to " + actual + " but the filing names evidence " + named);
        }
    }

    /**
     * Walks the bundle's validator-set changes from genesis: each change's own bundle must verify against the
     * set then in force, and its receipt must carry {@code governance.ValidatorSetChanged} with the next version,
     * in force from the block after it, naming every member; the last set is the one that certifies this block.
     * Versions must follow each other from 1, so a change can be left out only at the end.
     */
    void validatorSet() throws CheckFailure {
        List<ValidatorInfo> set = genesis.validators();
        long version = 0;
        for (int i = 0; i < b.validatorChanges().size(); i++) {
            ReceiptBundle c = b.validatorChanges().get(i);
            String at = "validatorChanges[" + i + "]";
            if (c.blockHeight() >= b.blockHeight()) {
                throw new CheckFailure(at + " is at height " + c.blockHeight() + ", not before this block's " + b.blockHeight());
            }
            Genesis then = new Genesis(genesis.chainId(), genesis.suite(), genesis.utcOffsetMinutes(), genesis.timestamp(),
                    genesis.organisations(), set, genesis.parameters());
            VerificationResult r = new ReceiptVerifier(then).verify(c);
            if (!r.valid()) {
                throw new CheckFailure(at + " failed its " + r.failedCheck().label() + " check: " + r.reason());
            }
            Event changed = null;
            try {
                for (Event e : Receipt.decode(Hex.decode(c.receipt())).events()) {
                    if (e.contract().equals(GovernanceContract.NAME) && e.type().equals(GovernanceContract.SET_CHANGED)) {
                        changed = e;
                    }
                }
            } catch (DecodeException e) {
                throw new CheckFailure(at + ": its receipt does not decode: " + e.getMessage());
            }
            if (changed == null) {
                throw new CheckFailure(at + " changes no validator set (no governance.ValidatorSetChanged event)");
            }
            if (!Long.toString(version + 1).equals(changed.get("version"))) {
                throw new CheckFailure(at + " makes validator-set version " + changed.get("version") + ", expected " + (version + 1));
            }
            if (!Long.toString(c.blockHeight() + 1).equals(changed.get("fromHeight"))) {
                throw new CheckFailure(at + " is in force from " + changed.get("fromHeight") + ", not the block after it");
            }
            List<ValidatorInfo> next = new ArrayList<>();
            for (int m = 0; changed.get(GovernanceContract.MEMBER_ATTRIBUTE + m) != null; m++) {
                try {
                    next.add(ValidatorSet.decodeMember(Hex.decode(changed.get(GovernanceContract.MEMBER_ATTRIBUTE + m)), suite).info());
                } catch (DecodeException | IllegalArgumentException e) {
                    throw new CheckFailure(at + ": member " + m + " does not decode: " + e.getMessage());
                }
            }
            if (next.isEmpty()) {
                throw new CheckFailure(at + " names no validators");
            }
            set = next;
            version++;
        }
        validators = set;
    }

    void document(Path document) throws CheckFailure {
        if (b.documentHash() == null) {
            throw new CheckFailure("the bundle records no document hash (it is not an evidence or records receipt)");
        }
        Hash actual;
        try {
            actual = EvidenceCalls.documentHash(suite, document);
        } catch (IOException e) {
            throw new CheckFailure("cannot read " + document + ": " + e);
        }
        if (!actual.hex().equals(b.documentHash())) {
            throw new CheckFailure(document + " hashes to " + actual.hex() + ", the bundle records " + b.documentHash());
        }
    }
}
