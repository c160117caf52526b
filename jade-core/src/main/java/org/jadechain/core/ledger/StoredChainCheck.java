package org.jadechain.core.ledger;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.merkle.MerkleTree;
import org.jadechain.core.model.Block;
import org.jadechain.core.model.BlockHeader;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Transaction;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateTree;

/**
 * Verifies a whole ledger store that came from elsewhere (a Raft snapshot, ADR 0008) without re-executing
 * its blocks: block 0 is this chain's; every block decodes, is stored under its height, links to the one
 * before with a later timestamp, has the transaction and receipt roots its header names, is indexed (block hash and transactions)
 * where it should be, and carries a certificate of a majority of the validators in force at its height; and
 * the state, recomputed bucket by bucket from its entries, matches the stored bucket hashes and the head's
 * state root. So every block is certified and the state is the one the certified head commits to.
 *
 * <p>What it does not show: that executing the blocks gives that state (only a replay does, e.g. the
 * node's {@code ChainAudit}); and the validator sets come from the checked state's own governance history,
 * so a store forged by a member holding a majority of some set's keys is out of scope, as for Raft itself
 * (ADR 0004). Deterministic; runs on the caller's thread; cost is one pass over all blocks and all state.
 */
public final class StoredChainCheck {
    private final CryptoSuite suite;
    private final Hash genesisBlockHash;
    private final ValidatorSets validatorSets;
    private final CertificateVerifier certificates;
    private final MerkleTree merkle;

    /**
     * @param genesisBlockHash the header hash of this chain's block 0
     * @param validatorSets which validators certify each height, read from the checked store's state
     */
    public StoredChainCheck(CryptoSuite suite, Hash genesisBlockHash, ValidatorSets validatorSets) {
        this.suite = suite;
        this.genesisBlockHash = genesisBlockHash;
        this.validatorSets = validatorSets;
        this.certificates = new CertificateVerifier(suite);
        this.merkle = new MerkleTree(suite);
    }

    /** @return null when the store passes, else the first problem found, naming its height */
    public String check(LedgerStore store) {
        long last = store.lastHeight();
        if (last < 0) {
            return "the store holds no blocks";
        }
        Hash previous = null;
        BlockHeader head = null;
        for (long h = 0; h <= last; h++) {
            String problem;
            try {
                StoredBlock stored = store.block(h);
                if (stored == null) {
                    return "block " + h + " is missing (the store claims height " + last + ")";
                }
                BlockHeader header = stored.block().header();
                Hash hash = header.hash(suite);
                problem = checkBlock(store, stored, h, hash, previous);
                if (problem == null && head != null && header.timestamp() <= head.timestamp()) {
                    problem = "timestamp " + header.timestamp() + " is not after block " + (h - 1) + "'s";
                }
                head = header;
                previous = hash;
            } catch (DecodeException | RuntimeException e) {
                problem = "unreadable: " + e.getMessage();
            }
            if (problem != null) {
                return "block " + h + ": " + problem;
            }
        }
        return checkState(store, head);
    }

    private String checkBlock(LedgerStore store, StoredBlock stored, long h, Hash hash, Hash previous)
            throws DecodeException {
        Block block = stored.block();
        BlockHeader header = block.header();
        if (header.height() != h) {
            return "stored under height " + h + " but its header says " + header.height();
        }
        if (h == 0) {
            if (!hash.equals(genesisBlockHash)) {
                return "not this chain's block 0 (header " + hash.hex() + ", expected " + genesisBlockHash.hex() + ")";
            }
        } else if (!header.previousHash().equals(previous)) {
            return "does not link to block " + (h - 1);
        }
        List<byte[]> txBytes = new ArrayList<>(block.transactions().size());
        for (Transaction t : block.transactions()) {
            txBytes.add(t.unsafeEncoded());
        }
        if (!merkle.root(txBytes).equals(header.txRoot())) {
            return "transactions do not match the header's transaction root";
        }
        if (!merkle.root(stored.receiptBytes()).equals(header.receiptRoot())) {
            return "receipts do not match the header's receipt root";
        }
        Long indexed = store.heightOf(hash);
        if (indexed == null || indexed != h) {
            return "block hash index points to " + indexed;
        }
        for (int i = 0; i < block.transactions().size(); i++) {
            TxLocation loc = store.locate(block.transactions().get(i).hash());
            if (loc == null || loc.height() != h || loc.index() != i) {
                return "transaction " + i + " is indexed at " + loc;
            }
        }
        CommitCertificate cert = stored.certificate();
        if (h == 0) {
            return cert.headerHash().equals(hash) ? null : "certificate is for another header";
        }
        String problem = certificates.check(cert, hash, validatorSets.at(store, h));
        return problem == null ? null : "commit certificate invalid: " + problem;
    }

    private String checkState(LedgerStore store, BlockHeader head) {
        Hash[] stored = store.bucketHashes();
        for (int b = 0; b < StateKeys.BUCKETS; b++) {
            Hash actual = StateTree.recomputeBucket(suite, store, b);
            if (actual == null) {
                return "state bucket " + b + " holds a key of another bucket";
            }
            if (!actual.equals(stored[b])) {
                return "state bucket " + b + " does not match its stored hash";
            }
        }
        Hash root = new StateTree(suite, stored).root();
        if (!root.equals(head.stateRoot())) {
            return "state root " + root.hex() + " differs from head " + head.height() + "'s " + head.stateRoot().hex();
        }
        return null;
    }
}
