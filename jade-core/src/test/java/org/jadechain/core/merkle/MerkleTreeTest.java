package org.jadechain.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.SuiteId;
import org.junit.jupiter.api.Test;

/** {@link MerkleTree} against a direct transcription of RFC 9162 section 2.1 (MTH and PATH). */
class MerkleTreeTest {
    private static final MerkleTree INTL = new MerkleTree(CryptoSuites.of(SuiteId.INTL));
    private static final MerkleTree SM = new MerkleTree(CryptoSuites.of(SuiteId.SM));

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] sm3(byte[] data) {
        SM3Digest d = new SM3Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    /** RFC 9162 MTH and PATH, recursive as the RFC writes them, with memoised subtree hashes. */
    static final class Reference {
        private final UnaryOperator<byte[]> h;
        private final List<byte[]> leaves;
        private final Map<Long, byte[]> memo = new HashMap<>();

        Reference(UnaryOperator<byte[]> h, List<byte[]> leaves) {
            this.h = h;
            this.leaves = leaves;
        }

        static int largestPowerOfTwoBelow(int n) {
            int k = 1;
            while (k * 2 < n) {
                k *= 2;
            }
            return k;
        }

        byte[] leafHash(byte[] data) {
            return h.apply(concat(new byte[] {0}, data));
        }

        byte[] node(byte[] left, byte[] right) {
            return h.apply(concat(new byte[] {1}, left, right));
        }

        /** MTH(D[from:to]). */
        byte[] mth(int from, int to) {
            int n = to - from;
            if (n == 0) {
                return h.apply(new byte[0]);
            }
            if (n == 1) {
                return leafHash(leaves.get(from));
            }
            long key = ((long) from << 32) | to;
            byte[] known = memo.get(key);
            if (known == null) {
                int k = largestPowerOfTwoBelow(n);
                known = node(mth(from, from + k), mth(from + k, to));
                memo.put(key, known);
            }
            return known;
        }

        /** PATH(m, D[from:to]). */
        List<byte[]> path(int m, int from, int to) {
            int n = to - from;
            List<byte[]> out = new ArrayList<>();
            if (n <= 1) {
                return out;
            }
            int k = largestPowerOfTwoBelow(n);
            if (m < k) {
                out.addAll(path(m, from, from + k));
                out.add(mth(from + k, to));
            } else {
                out.addAll(path(m - k, from + k, to));
                out.add(mth(from, from + k));
            }
            return out;
        }

        /**
         * Whether the path proves the leaf at index m of a tree of n leaves with this root: rebuilds the root
         * along the shape MTH gives a tree of n leaves, consuming the path from its last (topmost) element.
         */
        boolean verify(byte[] data, long m, long n, List<Hash> path, Hash root) {
            if (m < 0 || m >= n || n > Integer.MAX_VALUE) {
                return false;
            }
            byte[] r = rebuild(leafHash(data), (int) m, (int) n, path, path.size());
            return r != null && Hash.wrap(r).equals(root);
        }

        private byte[] rebuild(byte[] leaf, int m, int n, List<Hash> path, int available) {
            if (n == 1) {
                return available == 0 ? leaf : null;
            }
            if (available == 0) {
                return null;
            }
            int k = largestPowerOfTwoBelow(n);
            byte[] sibling = path.get(available - 1).bytes();
            if (m < k) {
                byte[] sub = rebuild(leaf, m, k, path, available - 1);
                return sub == null ? null : node(sub, sibling);
            }
            byte[] sub = rebuild(leaf, m - k, n - k, path, available - 1);
            return sub == null ? null : node(sibling, sub);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Distinct leaves: each starts with its index. */
    private static List<byte[]> leaves(int n, SplittableRandom random) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] leaf = new byte[4 + random.nextInt(40)];
            random.nextBytes(leaf);
            leaf[0] = (byte) (i >>> 24);
            leaf[1] = (byte) (i >>> 16);
            leaf[2] = (byte) (i >>> 8);
            leaf[3] = (byte) i;
            out.add(leaf);
        }
        return out;
    }

    private static List<Hash> hashes(List<byte[]> raw) {
        List<Hash> out = new ArrayList<>();
        for (byte[] b : raw) {
            out.add(Hash.wrap(b));
        }
        return out;
    }

    private static Hash flipped(Hash h, int bit) {
        byte[] b = h.bytes();
        b[(bit / 8) % 32] ^= (byte) (1 << (bit % 8));
        return Hash.wrap(b);
    }

    @Property(tries = 60)
    void rootsAndProofsMatchRfc9162AndEveryProofVerifies(@ForAll @IntRange(min = 1, max = 300) int n,
                                                         @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> data = leaves(n, random);
        Reference ref = new Reference(MerkleTreeTest::sha256, data);
        Hash root = INTL.root(data);
        assertThat(root).isEqualTo(Hash.wrap(ref.mth(0, n)));
        List<Hash> leafHashes = INTL.leafHashes(data);
        assertThat(INTL.rootOfLeafHashes(leafHashes)).isEqualTo(root);
        for (int i = 0; i < n; i++) {
            InclusionProof proof = INTL.proof(leafHashes, i);
            assertThat(proof.leafIndex()).isEqualTo(i);
            assertThat(proof.treeSize()).isEqualTo(n);
            assertThat(proof.path()).as("PATH(%d) of %d leaves", i, n).isEqualTo(hashes(ref.path(i, 0, n)));
            assertThat(INTL.verify(data.get(i), proof, root)).as("leaf %d of %d", i, n).isTrue();
            assertThat(INTL.verifyLeafHash(leafHashes.get(i), proof, root)).isTrue();
        }
    }

    @Property(tries = 60)
    void tamperedProofsAreRejected(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> data = leaves(n, random);
        Reference ref = new Reference(MerkleTreeTest::sha256, data);
        List<Hash> leafHashes = INTL.leafHashes(data);
        Hash root = INTL.rootOfLeafHashes(leafHashes);
        // every leaf of small trees; of larger ones the ends and a dozen random leaves
        List<Integer> checked = new ArrayList<>();
        if (n <= 40) {
            for (int i = 0; i < n; i++) {
                checked.add(i);
            }
        } else {
            checked.add(0);
            checked.add(n - 1);
            for (int j = 0; j < 12; j++) {
                checked.add(random.nextInt(n));
            }
        }
        for (int i : checked) {
            InclusionProof proof = INTL.proof(leafHashes, i);
            List<Hash> path = proof.path();
            byte[] leaf = data.get(i);

            assertThat(INTL.verify(concat(leaf, new byte[] {0}), proof, root)).as("extended leaf data").isFalse();
            byte[] changed = leaf.clone();
            changed[random.nextInt(changed.length)] ^= 1;
            assertThat(INTL.verify(changed, proof, root)).as("changed leaf data").isFalse();
            assertThat(INTL.verify(data.get((i + 1) % n), proof, root)).isEqualTo(n == 1);

            assertThat(INTL.verify(leaf, proof, flipped(root, random.nextInt(256)))).as("wrong root").isFalse();
            assertThat(INTL.verify(leaf, proof, INTL.root(data.subList(0, n - 1)))).as("root of a smaller tree").isFalse();

            for (long j : new long[] {i - 1, i + 1, random.nextInt(n + 2), -1, n}) {
                if (j == i) {
                    continue;
                }
                InclusionProof moved = new InclusionProof(j, n, path);
                assertThat(INTL.verify(leaf, moved, root)).as("index %d instead of %d of %d", j, i, n).isFalse();
                assertThat(ref.verify(leaf, j, n, path, root)).isFalse();
            }

            for (long size : new long[] {n - 1, n + 1, n + 2, 2L * n, random.nextInt(2 * n + 2), 0, -1}) {
                if (size == n) {
                    continue;
                }
                boolean expected = ref.verify(leaf, i, size, path, root);
                assertThat(INTL.verify(leaf, new InclusionProof(i, size, path), root))
                        .as("leaf %d of %d claimed to be in a tree of %d", i, n, size).isEqualTo(expected);
                if (expected) {
                    // only possible when the other size gives this leaf the very same path shape
                    assertThat(ref.path(i, 0, (int) Math.min(size, n)).size()).isEqualTo(path.size());
                }
            }

            for (int j = 0; j < path.size(); j++) {
                List<Hash> p = new ArrayList<>(path);
                p.set(j, flipped(p.get(j), random.nextInt(256)));
                assertThat(INTL.verify(leaf, new InclusionProof(i, n, p), root)).as("hash %d changed", j).isFalse();
                List<Hash> shorter = new ArrayList<>(path);
                shorter.remove(j);
                assertThat(INTL.verify(leaf, new InclusionProof(i, n, shorter), root)).as("hash %d removed", j).isFalse();
            }
            for (int j = 0; j <= path.size(); j++) {
                List<Hash> longer = new ArrayList<>(path);
                longer.add(j, j < path.size() ? path.get(j) : root);
                assertThat(INTL.verify(leaf, new InclusionProof(i, n, longer), root)).as("hash added at %d", j).isFalse();
            }
        }
    }

    @Property(tries = 30)
    void theSmSuiteTreeIsTheSameConstructionWithSm3(@ForAll @IntRange(min = 0, max = 100) int n, @ForAll long seed) {
        List<byte[]> data = leaves(n, new SplittableRandom(seed));
        Reference ref = new Reference(MerkleTreeTest::sm3, data);
        Hash root = SM.root(data);
        assertThat(root).isEqualTo(Hash.wrap(ref.mth(0, n)));
        if (n > 0) {
            int i = new SplittableRandom(seed).nextInt(n);
            InclusionProof proof = SM.proof(SM.leafHashes(data), i);
            assertThat(proof.path()).isEqualTo(hashes(ref.path(i, 0, n)));
            assertThat(SM.verify(data.get(i), proof, root)).isTrue();
        }
    }

    private static final byte[] A = "a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B = "b".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] C = "c".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theEmptyTreeHasTheHashOfNothingAsItsRoot() {
        assertThat(INTL.root(List.of()))
                .isEqualTo(Hash.fromHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(SM.root(List.of())).isEqualTo(Hash.wrap(sm3(new byte[0])));
    }

    @Test
    void smallSha256TreesHaveTheHandComputedRoots() {
        // leaf = SHA-256(0x00 || data), node = SHA-256(0x01 || left || right), computed independently
        Hash la = Hash.fromHex("022a6979e6dab7aa5ae4c3e5e45f7e977112a7e63593820dbec1ec738a24f93c");
        Hash lb = Hash.fromHex("57eb35615d47f34ec714cacdf5fd74608a5e8e102724e80b24b287c0c27b6a31");
        Hash lc = Hash.fromHex("597fcb31282d34654c200d3418fca5705c648ebf326ec73d8ddef11841f876d8");
        Hash ab = Hash.fromHex("b137985ff484fb600db93107c77b0365c80d78f5b429ded0fd97361d077999eb");
        Hash abc = Hash.fromHex("36642e73c2540ab121e3a6bf9545b0a24982cd830eb13d3cd19de3ce6c021ec1");

        assertThat(INTL.leafHash(A)).isEqualTo(la);
        assertThat(INTL.root(List.of(A))).isEqualTo(la);
        assertThat(INTL.root(List.of(A, B))).isEqualTo(ab);
        assertThat(INTL.root(List.of(A, B, C))).isEqualTo(abc);

        List<Hash> leafHashes = List.of(la, lb, lc);
        assertThat(INTL.proof(leafHashes, 0).path()).containsExactly(lb, lc);
        assertThat(INTL.proof(leafHashes, 1).path()).containsExactly(la, lc);
        assertThat(INTL.proof(leafHashes, 2).path()).containsExactly(ab);
        assertThat(INTL.proof(List.of(la), 0).path()).isEmpty();
        assertThat(INTL.verify(C, new InclusionProof(2, 3, List.of(ab)), abc)).isTrue();
        assertThat(INTL.verify(A, new InclusionProof(0, 1, List.of()), la)).isTrue();
    }

    @Test
    void aProofCanVerifyForAnotherTreeSizeOfTheSameShapeSoTheSizeMustComeFromTheHeader() {
        // RFC 9162 binds the tree size only through the path's shape: leaf 0's path in a tree of four,
        // [L1, H(L2, L3)], is also a well-formed path for a tree of three. The block header's txCount
        // is what pins the size.
        List<byte[]> four = List.of(A, B, C, "d".getBytes(StandardCharsets.US_ASCII));
        Hash root = INTL.root(four);
        InclusionProof proof = INTL.proof(INTL.leafHashes(four), 0);
        assertThat(INTL.verify(A, new InclusionProof(0, 3, proof.path()), root)).isTrue();
        assertThat(INTL.verify(A, new InclusionProof(0, 5, proof.path()), root)).isFalse();
        assertThat(INTL.verify(A, new InclusionProof(0, 2, proof.path()), root)).isFalse();
    }

    @Test
    void proofsOfLeavesOutsideTheTreeAreRefused() {
        List<Hash> leafHashes = INTL.leafHashes(List.of(A, B));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> INTL.proof(leafHashes, 2))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> INTL.proof(leafHashes, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(INTL.verify(A, new InclusionProof(0, 0, List.of()), INTL.root(List.of()))).isFalse();
    }
}
