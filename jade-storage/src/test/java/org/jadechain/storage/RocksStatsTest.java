package org.jadechain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jadechain.storage.ChainWriter.changes;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jadechain.storage.RocksLedgerStore.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksStatsTest {
    @TempDir
    Path tmp;

    @Test
    void measuresEveryColumnFamilyOfAStoppedStoreAfterCompactingIt() {
        Path dir = tmp.resolve("ledger");
        try (RocksLedgerStore store = RocksLedgerStore.open(dir, TestBlocks.SUITE, Mode.NODE, TestBlocks.INDEXER)) {
            ChainWriter chain = new ChainWriter(store);
            chain.commit(0, changes("alice", "1"));
            chain.commit(5, changes("alice", "2", "bob", "3"));
            chain.commit(4, changes("alice", null));
        }

        Map<String, RocksStats.Family> byName = RocksStats.measure(dir, true).stream()
                .collect(Collectors.toMap(RocksStats.Family::name, Function.identity()));

        assertThat(byName).containsKeys("default", "blocks", "receipts", "certs", "blockIndex", "txIndex", "state",
                "buckets", "meta", "index", "indexCount");
        assertThat(byName.get("blocks").entries()).isEqualTo(3);
        assertThat(byName.get("txIndex").entries()).isEqualTo(9);
        assertThat(byName.get("txIndex").keyBytes()).isEqualTo(9 * 32);
        assertThat(byName.get("state").entries()).as("alice deleted, bob kept").isEqualTo(1);
        assertThat(byName.get("index").entries()).isEqualTo(9);
        assertThat(byName.get("indexCount").entries()).isEqualTo(3);
        assertThat(byName.get("blocks").sstBytes()).isPositive();
        // measuring changes nothing a store reads
        try (RocksLedgerStore again = RocksLedgerStore.open(dir, TestBlocks.SUITE, Mode.VERIFY, TestBlocks.INDEXER)) {
            assertThat(again.lastHeight()).isEqualTo(2);
            assertThat(again.index().count(TestBlocks.indexCounter(0))).isEqualTo(4);
        }
    }

    @Test
    void refusesADirectoryWithoutDatabase() {
        assertThatThrownBy(() -> RocksStats.measure(tmp.resolve("none"), false)).isInstanceOf(StorageException.class)
                .hasMessageContaining("no ledger database");
    }
}
