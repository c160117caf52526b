package org.jadechain.core.merkle;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;

/**
 * Merkle tree hashing of RFC 9162 section 2.1 with the chain's hash function: a leaf hashes as
 * {@code H(0x00 || data)}, an interior node as {@code H(0x01 || left || right)}, the empty tree as
 * {@code H()}, and a tree of n &gt; 1 leaves splits at the largest power of two below n.
 * Stateless and thread-safe.
 */
public final class MerkleTree {
    private static final byte[] LEAF = {0x00};
    private static final byte[] NODE = {0x01};

    private final CryptoSuite suite;

    public MerkleTree(CryptoSuite suite) {
        this.suite = suite;
    }

    public Hash leafHash(byte[] data) {
        return suite.newHasher().update((byte) 0x00).update(data).digest();
    }

    public Hash nodeHash(Hash left, Hash right) {
        return suite.hash(NODE, left.unsafeBytes(), right.unsafeBytes());
    }

    /** The root of the tree whose leaves are the given data items, in order. */
    public Hash root(List<byte[]> leaves) {
        return rootOfLeafHashes(leafHashes(leaves));
    }

    public List<Hash> leafHashes(List<byte[]> leaves) {
        List<Hash> hashes = new ArrayList<>(leaves.size());
        for (byte[] leaf : leaves) {
            hashes.add(leafHash(leaf));
        }
        return hashes;
    }

    /** The root over already computed leaf hashes. */
    public Hash rootOfLeafHashes(List<Hash> leafHashes) {
        if (leafHashes.isEmpty()) {
            return suite.hash(new byte[0]);
        }
        // Bottom-up pairing gives the same tree as RFC 9162's split at the largest power of two:
        // an unpaired last node is promoted unchanged to the next level.
        List<Hash> level = leafHashes;
        while (level.size() > 1) {
            List<Hash> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(nodeHash(level.get(i), level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
        }
        return level.get(0);
    }

    /** The audit path (RFC 9162 section 2.1.3.1) of leaf {@code index}. */
    public InclusionProof proof(List<Hash> leafHashes, int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("leaf " + index + " outside a tree of " + leafHashes.size());
        }
        List<Hash> path = new ArrayList<>();
        path(leafHashes, 0, leafHashes.size(), index, path);
        return new InclusionProof(index, leafHashes.size(), path);
    }

    private void path(List<Hash> leaves, int from, int to, int index, List<Hash> out) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = Integer.highestOneBit(n - 1);
        if (index < k) {
            path(leaves, from, from + k, index, out);
            out.add(rootOfLeafHashes(leaves.subList(from + k, to)));
        } else {
            path(leaves, from + k, to, index - k, out);
            out.add(rootOfLeafHashes(leaves.subList(from, from + k)));
        }
    }

    /**
     * Checks an inclusion proof by RFC 9162 section 2.1.3.2.
     *
     * @return true exactly when the leaf data is at the proof's index of a tree with the given root
     */
    public boolean verify(byte[] leafData, InclusionProof proof, Hash root) {
        return verifyLeafHash(leafHash(leafData), proof, root);
    }

    public boolean verifyLeafHash(Hash leafHash, InclusionProof proof, Hash root) {
        long fn = proof.leafIndex();
        long sn = proof.treeSize() - 1;
        if (proof.leafIndex() < 0 || fn > sn) {
            return false;
        }
        Hash r = leafHash;
        for (Hash p : proof.path()) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.equals(root);
    }

    static byte[] leafPrefix() {
        return LEAF.clone();
    }
}
