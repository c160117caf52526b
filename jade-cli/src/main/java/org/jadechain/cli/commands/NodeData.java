package org.jadechain.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.sdk.GenesisFile;
import org.jadechain.storage.RocksLedgerStore;

/**
 * A stopped node's data directory as the offline commands take it ({@code --data}): a directory holding
 * node.json (a node, e.g. devnet-data/node-2), or genesis.json and db (a solo devnet).
 */
record NodeData(Genesis genesis, Path db) {
    /** The help text of the {@code --data} option of the commands that take a node directory. */
    static final String DATA_HELP = "node directory holding node.json, or genesis.json and db "
            + "(e.g. devnet-data, devnet-data/node-2)";

    /**
     * @param each what to tell a user who named a directory of several nodes, e.g. "verify each"
     * @throws IllegalArgumentException when the directory is not a node's
     */
    static NodeData of(Path data, String each) throws IOException {
        Path nodeJson = data.resolve("node.json");
        NodeConfig config = Files.isRegularFile(nodeJson) ? NodeConfig.read(nodeJson) : null;
        if (config == null && Files.isRegularFile(data.resolve("node-1").resolve("node.json"))) {
            throw new IllegalArgumentException(data + " holds several nodes; " + each + ": --data "
                    + data.resolve("node-1"));
        }
        Path genesisFile = config != null ? config.genesis() : data.resolve("genesis.json");
        if (!Files.isRegularFile(genesisFile)) {
            throw new IllegalArgumentException("no genesis.json in " + data);
        }
        Path db = config != null ? config.dataDir() : data.resolve("db");
        if (!Files.isRegularFile(db.resolve("CURRENT"))) {
            throw new IllegalArgumentException("no ledger database in " + db);
        }
        return new NodeData(GenesisFile.read(genesisFile), db);
    }

    /** Opens the ledger database with the chain's suite and the system contracts' history indexer. */
    RocksLedgerStore openStore(RocksLedgerStore.Mode mode) {
        return RocksLedgerStore.open(db, genesis.cryptoSuite(), mode, SystemContracts.registry().indexer());
    }
}
