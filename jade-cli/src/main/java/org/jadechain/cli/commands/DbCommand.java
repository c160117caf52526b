package org.jadechain.cli.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.storage.RocksLedgerStore;
import org.jadechain.storage.RocksStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jade db stats --data DIR}: what a stopped node's ledger database holds, per column family;
 * {@code jade db reindex --data DIR}: builds its derived indexes again from its blocks.
 */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Inspect or repair a stopped node's ledger database.",
        subcommands = {DbCommand.Stats.class, DbCommand.Reindex.class})
public final class DbCommand {

    @Command(name = "reindex", mixinStandardHelpOptions = true,
            description = "Build the derived indexes (the wallet histories) again from the stored blocks' receipts, "
                    + "dropping what they held: e.g. after jade verify reported an index that differs from the replay, "
                    + "or for a chain created before the index existed. Blocks and state are not touched. Run it on a "
                    + "stopped node's data directory.")
    static final class Reindex implements Callable<Integer> {
        @Option(names = "--data", required = true, description = NodeData.DATA_HELP)
        Path data;

        @Override
        public Integer call() throws Exception {
            NodeData node = NodeData.of(data, "reindex each");
            long started = System.nanoTime();
            try (RocksLedgerStore store = node.openStore(RocksLedgerStore.Mode.NODE)) {
                store.rebuildIndex();
                System.out.println("rebuilt the index of " + node.db() + " from " + (store.lastHeight() + 1)
                        + " blocks in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
            return 0;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Per column family: entries, raw key and value bytes, table-file bytes on disk, and those "
                    + "bytes per committed transaction. By default each column family is first compacted to its "
                    + "bottom level (rewrites the table files; contents unchanged), so the figures do not depend on "
                    + "when the node last compacted. Run it on a stopped node's data directory (or a copy).")
    static final class Stats implements Callable<Integer> {
        @Option(names = "--data", required = true,
                description = "node directory holding node.json, or genesis.json and db (e.g. devnet-data, devnet-data/node-2), or the db directory itself")
        Path data;

        @Option(names = "--no-compact", description = "measure the table files as they are, without compacting first")
        boolean noCompact;

        @Override
        public Integer call() throws Exception {
            Path db = database(data);
            List<RocksStats.Family> families = RocksStats.measure(db, !noCompact);
            long txs = entries(families, "txIndex");
            long blocks = entries(families, "blocks");
            System.out.println("ledger database " + db + (noCompact ? "" : " (compacted)") + ": " + blocks + " blocks, "
                    + txs + " transactions");
            System.out.printf(Locale.ROOT, "%-14s %12s %14s %14s %14s %10s%n", "column family", "entries", "key bytes",
                    "value bytes", "sst bytes", "B/tx");
            long entries = 0;
            long keys = 0;
            long values = 0;
            long sst = 0;
            for (RocksStats.Family f : families) {
                print(f.name(), f.entries(), f.keyBytes(), f.valueBytes(), f.sstBytes(), txs);
                entries += f.entries();
                keys += f.keyBytes();
                values += f.valueBytes();
                sst += f.sstBytes();
            }
            print("total", entries, keys, values, sst, txs);
            return 0;
        }

        private static void print(String name, long entries, long keys, long values, long sst, long txs) {
            System.out.printf(Locale.ROOT, "%-14s %,12d %,14d %,14d %,14d %10s%n", name, entries, keys, values, sst,
                    txs == 0 ? "-" : String.format(Locale.ROOT, "%.1f", (double) sst / txs));
        }

        private static long entries(List<RocksStats.Family> families, String name) {
            for (RocksStats.Family f : families) {
                if (f.name().equals(name)) {
                    return f.entries();
                }
            }
            return 0;
        }
    }

    /** The database directory of a node directory, a devnet directory, or the database directory itself. */
    static Path database(Path data) throws java.io.IOException {
        if (Files.isRegularFile(data.resolve("node.json"))) {
            return NodeConfig.read(data.resolve("node.json")).dataDir();
        }
        if (Files.isRegularFile(data.resolve("CURRENT"))) {
            return data;
        }
        if (Files.isRegularFile(data.resolve("node-1").resolve("node.json"))) {
            throw new IllegalArgumentException(data + " holds several nodes; measure one: --data " + data.resolve("node-1"));
        }
        return data.resolve("db");
    }
}
