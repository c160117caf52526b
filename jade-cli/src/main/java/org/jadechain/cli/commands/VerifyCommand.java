package org.jadechain.cli.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.node.audit.ChainAudit;
import org.jadechain.node.pipeline.SignatureVerifier;
import org.jadechain.storage.RocksLedgerStore;
import org.jadechain.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jade verify --data DIR}: re-checks a whole stored chain offline. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Re-check a node's stored chain offline: storage checksums, header links, transaction and receipt "
                + "roots, commit certificates, and the state root by replaying every block. Exits non-zero naming the "
                + "first bad height. Run it on a stopped node's data directory (or a copy).")
public final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = NodeData.DATA_HELP)
    Path data;

    @Override
    public Integer call() throws Exception {
        NodeData node = NodeData.of(data, "verify each");
        Genesis genesis = node.genesis();
        Path db = node.db();
        boolean terminal = System.console() != null;
        try (RocksLedgerStore store = node.openStore(RocksLedgerStore.Mode.VERIFY);
             SignatureVerifier verifier = SignatureVerifier.allCores(new TransactionValidator(genesis.chainId(), genesis.cryptoSuite()))) {
            System.out.println("checking storage checksums of " + db + " ...");
            store.verifyChecksums();
            long last = store.lastHeight();
            System.out.println("replaying " + (last + 1) + " blocks of chain " + genesis.chainId() + " ...");
            ChainAudit.Result r = new ChainAudit(genesis, SystemContracts.registry(), verifier).audit(store, (h, l) -> {
                if (terminal && (h % 50 == 0 || h == l)) {
                    System.err.print("\r  block " + h + " / " + l + " (" + (100 * h / Math.max(1, l)) + "%)");
                    if (h == l) {
                        System.err.println();
                    }
                }
            });
            if (r.ok()) {
                System.out.println("OK: " + (r.lastHeight() + 1) + " blocks verified; state matches the replay");
                return 0;
            }
            System.out.println("DAMAGED at height " + r.badHeight() + ": " + r.problem());
            return 1;
        } catch (StorageException e) {
            System.out.println("DAMAGED: the store cannot be read intact: " + e.getMessage());
            return 1;
        }
    }
}
