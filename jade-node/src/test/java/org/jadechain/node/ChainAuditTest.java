package org.jadechain.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.ledger.BlockCommit;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.ledger.TxLocation;
import org.jadechain.core.model.Block;
import org.jadechain.core.model.BlockHeader;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Receipt;
import org.jadechain.node.audit.ChainAudit;
import org.jadechain.node.pipeline.SignatureVerifier;
import org.jadechain.sdk.EvidenceCalls;
import org.jadechain.storage.RocksLedgerStore;
import org.jadechain.testkit.TestChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The offline audit behind {@code jade verify}: it passes on a chain a node wrote, and when anything in a
 * store was altered — even by someone holding the validator key who re-signs what they forged — it fails
 * naming the first altered height.
 */
class ChainAuditTest {
    /** Four blocks of evidence records, one of them refused; never modified (forgeries are laid over it). */
    static final TestChain FOUR_BLOCKS = fourBlockChain();

    @TempDir
    Path dir;

    @Test
    void aChainANodeWroteToRocksDbPassesTheAudit() throws Exception {
        NodeDirectory chain = NodeDirectory.create(dir, SuiteId.INTL);
        try (JadeNode node = JadeNode.start(chain.config(), System::currentTimeMillis)) {
            Api api = new Api(node.apiPort());
            for (int round = 0; round < 4; round++) {
                String last = null;
                for (String who : List.of("citizen-1", "citizen-2", "citizen-3")) {
                    last = api.accepted(chain.evidence(who, round, who + " round " + round));
                }
                api.accepted(chain.builder("court").build(round, "no-such-contract", "call", new byte[0]));
                api.awaitCommitted(last);
            }
        }
        List<Long> progress = new ArrayList<>();

        ChainAudit.Result result;
        try (RocksLedgerStore store = RocksLedgerStore.open(chain.config().dataDir(), chain.suite(), RocksLedgerStore.Mode.VERIFY);
             SignatureVerifier verifier = verifier(chain.genesis().chainId(), chain.suite())) {
            store.verifyChecksums();
            result = new ChainAudit(chain.genesis(), SystemContracts.registry(), verifier)
                    .audit(store, (h, last) -> progress.add(h));
        }

        assertThat(result.ok()).as("%s", result).isTrue();
        assertThat(result.lastHeight()).isGreaterThanOrEqualTo(4);
        assertThat(progress).hasSize((int) result.lastHeight());
        assertThat(progress.get(progress.size() - 1)).isEqualTo(result.lastHeight());
    }

    /** A forgery applied to a four-block chain, the height the audit must name, and a word its reason must use. */
    record Forgery(String name, Consumer<Forger> apply, long badHeight, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                forgery("a header with another state root, re-signed by the validator", f -> f.resign(2,
                        h -> header(h, h.previousHash(), h.timestamp(), h.txRoot(), Hash.of(new byte[32]))), 2, "state root"),
                forgery("a header with another transaction root, re-signed", f -> f.resign(2,
                        h -> header(h, h.previousHash(), h.timestamp(), Hash.of(new byte[32]), h.stateRoot())), 2, "transaction root"),
                forgery("a header linking to another block, re-signed", f -> f.resign(3,
                        h -> header(h, Hash.of(new byte[32]), h.timestamp(), h.txRoot(), h.stateRoot())), 3, "previous hash"),
                forgery("a header whose time goes backwards, re-signed", f -> f.resign(3,
                        h -> header(h, h.previousHash(), f.header(2).timestamp(), h.txRoot(), h.stateRoot())), 3, "timestamp"),
                forgery("a stored receipt with another message", f -> f.alterReceipt(2, 0), 2, "receipt"),
                forgery("a certificate without signatures", f -> f.certificate(2, List.of()), 2, "certificate"),
                forgery("a certificate signed by a key that is not a validator", f -> f.certificate(2,
                        List.of(f.sign(f.chain.key("citizen-1"), f.header(2).hash(f.chain.suite())))), 2, "certificate"),
                forgery("a certificate signature with one bit flipped", f -> f.flipSignatureBit(2), 2, "certificate"),
                forgery("block bytes that do not decode", f -> f.appendByteToBlock(2), 2, "decode"),
                forgery("a missing block", f -> f.missing.add(2L), 2, "missing"),
                forgery("a transaction index pointing at another block", f -> f.locations.put(f.txHash(2, 0), new TxLocation(1, 0)),
                        2, "transaction index"),
                forgery("a block hash index pointing at another height", f -> f.heights.put(f.header(3).hash(f.chain.suite()), 1L),
                        3, "index"),
                forgery("an altered genesis block", f -> f.appendByteToBlock(0), 0, "block 0"),
                forgery("an altered state value", Forger::alterFirstStateValue, 4, "state"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void anAlteredStoreFailsTheAuditAtTheFirstAlteredHeight(Forgery forgery) throws Exception {
        TestChain chain = FOUR_BLOCKS;
        ChainAudit audit = new ChainAudit(chain.genesis(), SystemContracts.registry(),
                verifier(TestChain.CHAIN_ID, chain.suite()));
        assertThat(audit.audit(chain.store(), (h, l) -> { }).ok()).as("the unaltered chain").isTrue();
        Forger forger = new Forger(chain);

        forgery.apply().accept(forger);
        ChainAudit.Result result = audit.audit(forger, (h, l) -> { });

        assertThat(result.ok()).isFalse();
        assertThat(result.badHeight()).as("%s", result).isEqualTo(forgery.badHeight());
        assertThat(result.problem()).as("%s", result).containsIgnoringCase(forgery.reason());
        assertThat(result.lastHeight()).isEqualTo(4);
    }

    private static TestChain fourBlockChain() {
        TestChain chain = TestChain.create(SuiteId.INTL, SystemContracts.registry());
        chain.block(evidence(chain, "citizen-1", "a"));
        chain.clock().advance(1_000);
        chain.block(evidence(chain, "citizen-2", "b"), evidence(chain, "citizen-1", "c"));
        chain.clock().advance(1_000);
        chain.block(evidence(chain, "citizen-3", "b"));
        chain.clock().advance(1_000);
        chain.block(evidence(chain, "citizen-1", "d"));
        return chain;
    }

    private static org.jadechain.core.model.Transaction evidence(TestChain chain, String who, String label) {
        return chain.tx(who, EvidenceCalls.CONTRACT, EvidenceCalls.RECORD_EVIDENCE,
                EvidenceCalls.recordEvidenceArgs(chain.suite().hash(label.getBytes()).bytes(), label));
    }

    private static SignatureVerifier verifier(String chainId, org.jadechain.core.crypto.CryptoSuite suite) {
        return new SignatureVerifier(new TransactionValidator(chainId, suite), 2);
    }

    private static BlockHeader header(BlockHeader h, Hash previous, long timestamp, Hash txRoot, Hash stateRoot) {
        return new BlockHeader(h.chainId(), h.height(), previous, timestamp, h.txCount(), txRoot, h.receiptRoot(),
                stateRoot, h.proposer());
    }

    private static Arguments forgery(String name, Consumer<Forger> apply, long badHeight, String reason) {
        return Arguments.of(new Forgery(name, apply, badHeight, reason));
    }

    /**
     * A store that shows a real chain with forged parts: replaced blocks, missing blocks, rewritten
     * indexes and altered state values — what someone with write access to the database could do.
     */
    static final class Forger implements LedgerStore {
        final TestChain chain;
        final Map<Long, StoredBlock> blocks = new HashMap<>();
        final Set<Long> missing = new HashSet<>();
        final Map<Hash, Long> heights = new HashMap<>();
        final Map<Hash, TxLocation> locations = new HashMap<>();
        private boolean alterState;

        Forger(TestChain chain) {
            this.chain = chain;
        }

        private LedgerStore real() {
            return chain.store();
        }

        BlockHeader header(long height) {
            try {
                return block(height).block().header();
            } catch (DecodeException e) {
                throw new IllegalStateException(e);
            }
        }

        Hash txHash(long height, int index) {
            try {
                return block(height).block().transactions().get(index).hash();
            } catch (DecodeException e) {
                throw new IllegalStateException(e);
            }
        }

        CommitCertificate.Signature sign(KeyPair key, Hash headerHash) {
            return new CommitCertificate.Signature(key.publicKey().encoded(),
                    chain.suite().sign(key.privateKey(), CommitCertificate.signedMessage(headerHash)));
        }

        /** Replaces a block's header, signs the new one with the validator's own key and points the hash index at it. */
        void resign(long height, java.util.function.UnaryOperator<BlockHeader> change) {
            try {
                StoredBlock s = block(height);
                Block b = s.block();
                BlockHeader forged = change.apply(b.header());
                Hash hash = forged.hash(chain.suite());
                byte[] cert = new CommitCertificate(hash, List.of(sign(chain.validatorKey(), hash))).encode();
                blocks.put(height, new StoredBlock(height, new Block(forged, b.transactions()).encode(), s.receiptBytes(), cert));
                heights.put(hash, height);
            } catch (DecodeException e) {
                throw new IllegalStateException(e);
            }
        }

        void alterReceipt(long height, int index) {
            try {
                StoredBlock s = block(height);
                List<byte[]> receipts = new ArrayList<>(s.receiptBytes());
                Receipt r = Receipt.decode(receipts.get(index));
                receipts.set(index, new Receipt(r.txHash(), r.kind(), r.code(), "forged", r.events(), r.output()).encode());
                blocks.put(height, new StoredBlock(height, s.blockBytes(), receipts, s.certificateBytes()));
            } catch (DecodeException e) {
                throw new IllegalStateException(e);
            }
        }

        void certificate(long height, List<CommitCertificate.Signature> signatures) {
            StoredBlock s = block(height);
            byte[] cert = new CommitCertificate(header(height).hash(chain.suite()), signatures).encode();
            blocks.put(height, new StoredBlock(height, s.blockBytes(), s.receiptBytes(), cert));
        }

        void flipSignatureBit(long height) {
            try {
                CommitCertificate.Signature sig = block(height).certificate().signatures().get(0);
                byte[] flipped = sig.signature().clone();
                flipped[10] ^= 1;
                certificate(height, List.of(new CommitCertificate.Signature(sig.publicKey(), flipped)));
            } catch (DecodeException e) {
                throw new IllegalStateException(e);
            }
        }

        void appendByteToBlock(long height) {
            StoredBlock s = block(height);
            byte[] bytes = java.util.Arrays.copyOf(s.blockBytes(), s.blockBytes().length + 1);
            blocks.put(height, new StoredBlock(height, bytes, s.receiptBytes(), s.certificateBytes()));
        }

        void alterFirstStateValue() {
            alterState = true;
        }

        @Override
        public long lastHeight() {
            return real().lastHeight();
        }

        @Override
        public StoredBlock block(long height) {
            if (missing.contains(height)) {
                return null;
            }
            StoredBlock forged = blocks.get(height);
            return forged != null ? forged : real().block(height);
        }

        @Override
        public Long heightOf(Hash blockHash) {
            return heights.containsKey(blockHash) ? heights.get(blockHash) : real().heightOf(blockHash);
        }

        @Override
        public TxLocation locate(Hash txHash) {
            return locations.containsKey(txHash) ? locations.get(txHash) : real().locate(txHash);
        }

        @Override
        public void commit(BlockCommit commit) {
            throw new UnsupportedOperationException("the audit never writes");
        }

        @Override
        public byte[] get(byte[] fullKey) {
            return real().get(fullKey);
        }

        @Override
        public void scanBucket(int bucket, BiConsumer<byte[], byte[]> visitor) {
            AtomicBoolean done = new AtomicBoolean(!alterState);
            real().scanBucket(bucket, (k, v) -> {
                if (done.compareAndSet(false, true)) {
                    alterState = false;
                    byte[] altered = v.length == 0 ? new byte[] {1} : v.clone();
                    altered[0] ^= 1;
                    visitor.accept(k, altered);
                } else {
                    visitor.accept(k, v);
                }
            });
        }

        @Override
        public Hash[] bucketHashes() {
            return real().bucketHashes();
        }

        @Override
        public org.jadechain.core.ledger.IndexReader index() {
            return real().index();
        }

        @Override
        public void close() {
        }
    }
}
