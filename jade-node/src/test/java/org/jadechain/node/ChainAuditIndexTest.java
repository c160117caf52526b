package org.jadechain.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.Authorisation;
import org.jadechain.core.contract.BlockIndexer;
import org.jadechain.core.contract.Contract;
import org.jadechain.core.contract.ContractRegistry;
import org.jadechain.core.contract.Method;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.ledger.BlockCommit;
import org.jadechain.core.ledger.IndexReader;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.ledger.TxLocation;
import org.jadechain.node.audit.ChainAudit;
import org.jadechain.node.pipeline.SignatureVerifier;
import org.jadechain.testkit.TestChain;
import org.junit.jupiter.api.Test;

/** {@code jade verify} rebuilds a contract's derived index (ADR 0011) from the blocks and refuses a store whose index differs. */
class ChainAuditIndexTest {

    /** Indexes every receipt of every block under {@code 'X', u64 height, u8 index}, counting them under {@code 'X'}. */
    static final class Tally implements Contract {
        public String name() {
            return "tally";
        }

        public SortedMap<String, Method> methods() {
            TreeMap<String, Method> m = new TreeMap<>();
            m.put("add", new Method("add", Authorisation.anyKeyHolder(), (ctx, args) -> ctx.emit("Added")));
            return m;
        }

        @Override
        public BlockIndexer indexer() {
            return (height, receipts, out) -> {
                for (int i = 0; i < receipts.size(); i++) {
                    byte[] k = java.nio.ByteBuffer.allocate(10).put((byte) 'X').putLong(height).put((byte) i).array();
                    out.add(k);
                    out.increment(new byte[] {'X'});
                }
            };
        }
    }

    private final ContractRegistry registry = new ContractRegistry(List.of(new Tally()));
    private final TestChain chain = TestChain.create(SuiteId.INTL, registry);

    private ChainAudit.Result audit(LedgerStore store) {
        try (SignatureVerifier verifier = new SignatureVerifier(new TransactionValidator(TestChain.CHAIN_ID, chain.suite()), 1)) {
            return new ChainAudit(chain.genesis(), registry, verifier).audit(store, (h, l) -> { });
        }
    }

    private void threeBlocks() {
        for (int i = 0; i < 3; i++) {
            chain.submit("citizen-1", "tally", "add", Args.builder().encode());
        }
    }

    @Test
    void theIndexTheNodeKeptPassesTheAudit() {
        threeBlocks();

        ChainAudit.Result r = audit(chain.store());

        assertThat(r.ok()).as("%s", r).isTrue();
        assertThat(chain.store().index().count(new byte[] {'X'})).isEqualTo(3);
    }

    @Test
    void aDroppedIndexEntryFailsTheAudit() {
        threeBlocks();

        ChainAudit.Result r = audit(new TamperedIndex(chain.store(), true, 0));

        assertThat(r.ok()).isFalse();
        assertThat(r.badHeight()).isEqualTo(3);
        assertThat(r.problem()).contains("derived index").contains("2 entries");
    }

    @Test
    void anInflatedCounterFailsTheAudit() {
        threeBlocks();

        ChainAudit.Result r = audit(new TamperedIndex(chain.store(), false, 1));

        assertThat(r.ok()).isFalse();
        assertThat(r.problem()).contains("derived index").contains("differs");
    }

    /** The real store, whose index scan drops its first key and/or adds to every counter. */
    record TamperedIndex(LedgerStore real, boolean dropFirstKey, long counterExtra) implements LedgerStore {
        public long lastHeight() {
            return real.lastHeight();
        }

        public StoredBlock block(long height) {
            return real.block(height);
        }

        public Long heightOf(Hash blockHash) {
            return real.heightOf(blockHash);
        }

        public TxLocation locate(Hash txHash) {
            return real.locate(txHash);
        }

        public void commit(BlockCommit commit) {
            throw new UnsupportedOperationException("the audit never writes");
        }

        public byte[] get(byte[] fullKey) {
            return real.get(fullKey);
        }

        public void scanBucket(int bucket, BiConsumer<byte[], byte[]> visitor) {
            real.scanBucket(bucket, visitor);
        }

        public Hash[] bucketHashes() {
            return real.bucketHashes();
        }

        public IndexReader index() {
            IndexReader r = real.index();
            return new IndexReader() {
                public long count(byte[] counterKey) {
                    return r.count(counterKey) + counterExtra;
                }

                public Page newestFirst(byte[] counterKey, byte[] prefix, long skip, int limit) {
                    return r.newestFirst(counterKey, prefix, skip, limit);
                }

                public void scan(Visitor visitor) {
                    boolean[] dropped = {!dropFirstKey};
                    r.scan(new Visitor() {
                        public void key(byte[] key) {
                            if (dropped[0]) {
                                visitor.key(key);
                            } else {
                                dropped[0] = true;
                            }
                        }

                        public void counter(byte[] key, long value) {
                            visitor.counter(key, value + counterExtra);
                        }
                    });
                }
            };
        }

        public void close() {
        }
    }
}
