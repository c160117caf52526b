package org.jadechain.core.ledger;

/**
 * Decides the order of blocks: {@code solo} (one validator proposes and commits) or Raft through Apache
 * Ratis. Implementations live in jade-consensus and hold no ledger logic: they call
 * {@link Ledger#propose}, {@link Ledger#replay} and {@link Ledger#commit}.
 */
public interface Ordering extends AutoCloseable {
    /** "solo" or "raft". */
    String mode();

    void start();

    /** Null while healthy; otherwise why this node stopped ordering (it then commits nothing more). */
    String failure();

    @Override
    void close();
}
