package org.jadechain.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.ledger.ProposedBlock;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.model.Block;
import org.jadechain.core.model.Transaction;
import org.jadechain.core.state.Bytes;
import org.jadechain.core.state.StateKeys;
import org.jadechain.sdk.EvidenceCalls;
import org.jadechain.storage.InMemoryLedgerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Determinism: the blocks a running node committed, replayed into two fresh ledgers, give byte-identical
 * headers, receipts and state at every height — including refused calls and several senders per block.
 */
class ReplayDeterminismTest {
    @TempDir
    Path dir;

    @Test
    void theBlocksANodeCommittedReplayToIdenticalHeadersReceiptsAndStateOnTwoFreshLedgers() throws Exception {
        NodeDirectory chain = NodeDirectory.create(dir, SuiteId.SM);
        try (JadeNode node = JadeNode.start(chain.config(), System::currentTimeMillis)) {
            Api api = new Api(node.apiPort());
            long[] nonces = new long[4];
            List<String> people = List.of("citizen-1", "citizen-2", "citizen-3", "court");
            for (int round = 0; round < 5; round++) {
                String last = null;
                for (int p = 0; p < people.size(); p++) {
                    String who = people.get(p);
                    Transaction tx = switch ((round + p) % 4) {
                        case 0 -> chain.evidence(who, nonces[p], "document " + round + "/" + p);
                        case 1 -> chain.evidence(who, nonces[p], "shared document " + round);
                        case 2 -> chain.builder(who).build(nonces[p], "no-such-contract", "call", new byte[0]);
                        default -> chain.builder(who).build(nonces[p], EvidenceCalls.CONTRACT, "erase", new byte[0]);
                    };
                    nonces[p]++;
                    last = api.accepted(tx);
                }
                api.awaitCommitted(last);
            }
            LedgerStore stored = node.context().store();
            long last = stored.lastHeight();
            assertThat(last).isGreaterThanOrEqualTo(5);

            Ledger first = replay(chain, stored, last);
            Ledger second = replay(chain, stored, last);

            for (long h = 0; h <= last; h++) {
                StoredBlock original = stored.block(h);
                for (Ledger copy : List.of(first, second)) {
                    StoredBlock replayed = copy.store().block(h);
                    assertThat(replayed.blockBytes()).as("block %d", h).isEqualTo(original.blockBytes());
                    assertThat(replayed.receiptBytes()).as("receipts of block %d", h)
                            .usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(original.receiptBytes());
                }
                assertThat(first.header(h).stateRoot()).isEqualTo(node.context().ledger().header(h).stateRoot());
            }
            assertThat(first.head().hash(chain.suite())).isEqualTo(node.context().ledger().head().hash(chain.suite()));
            assertThat(first.store().bucketHashes()).isEqualTo(stored.bucketHashes());
            assertThat(second.store().bucketHashes()).isEqualTo(stored.bucketHashes());
            for (int b = 0; b < StateKeys.BUCKETS; b++) {
                assertThat(entries(first.store(), b)).as("bucket %d", b).isEqualTo(entries(stored, b));
            }
        }
    }

    /** A fresh in-memory ledger from the same genesis, fed the stored blocks with their certificates. */
    private static Ledger replay(NodeDirectory chain, LedgerStore stored, long last) throws Exception {
        Ledger ledger = new Ledger(chain.genesis(), SystemContracts.registry(), new InMemoryLedgerStore(chain.suite()));
        TransactionValidator validator = new TransactionValidator(chain.genesis().chainId(), chain.suite());
        for (long h = 1; h <= last; h++) {
            StoredBlock s = stored.block(h);
            Block block = s.block();
            List<CheckedTransaction> checked = new ArrayList<>();
            for (Transaction t : block.transactions()) {
                checked.add(validator.check(t));
            }
            ProposedBlock mine = ledger.replay(block, checked);
            assertThat(mine.headerHash()).as("header of block %d", h).isEqualTo(block.header().hash(chain.suite()));
            ledger.commit(mine, s.certificate());
        }
        return ledger;
    }

    private static TreeMap<Bytes, String> entries(LedgerStore store, int bucket) {
        TreeMap<Bytes, String> out = new TreeMap<>();
        store.scanBucket(bucket, (k, v) -> out.put(Bytes.copyOf(k), org.jadechain.core.crypto.Hex.encode(v)));
        return out;
    }
}
