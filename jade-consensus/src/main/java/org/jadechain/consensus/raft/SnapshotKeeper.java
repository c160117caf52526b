package org.jadechain.consensus.raft;

import java.io.IOException;
import java.util.function.Consumer;
import org.apache.ratis.server.protocol.TermIndex;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.ledger.StoredChainCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes and restores Raft snapshots of the ledger (ADR 0008): the ledger half of {@link LedgerStateMachine}'s
 * snapshot hooks.
 * <ul>
 *   <li><b>Taking</b>: a snapshot is the ledger store's checkpoint as of the log entry that committed its head
 *       block. At that entry nothing is pending, so the store alone is the replicated state there (ADR 0004);
 *       later signature or proposal entries are simply replayed after it. None is taken while the store is
 *       ahead of the log position (a restarted node re-reading its log) or after a halt.</li>
 *   <li><b>Restoring</b> (at start, and after Ratis installed one from the leader): if the store already holds
 *       the snapshot's block, only the log position moves there. Otherwise the copy is verified
 *       ({@link StoredChainCheck}: links from this chain's block 0, certificates of the validators in force,
 *       indexes, and the state recomputed against the head's state root) and only then replaces the store's
 *       contents ({@link LedgerCheckpoints#replaceStore}) and the ledger re-reads it; the blocks it added are then
 *       announced to the commit listeners in height order, as if applied. A copy that fails is refused: the node
 *       halts and serves nothing from it.</li>
 * </ul>
 * Threading: runs on Ratis's apply thread (or during start, before it runs), holding the ledger lock.
 */
final class SnapshotKeeper {
    private static final Logger log = LoggerFactory.getLogger(SnapshotKeeper.class);

    /** The log entry that committed the applier's head block, or null since start before any. */
    record LastCommit(TermIndex termIndex, long height) {
    }

    private final Ledger ledger;
    private final Object ledgerLock;
    private final ChainApplier applier;
    private final LedgerCheckpoints checkpoints;
    private final SnapshotStorage storage;
    private final String selfId;
    private final Consumer<CommittedBlock> announce;

    /** @param announce told of each block an installed snapshot added to the store, in height order */
    SnapshotKeeper(Ledger ledger, Object ledgerLock, ChainApplier applier, LedgerCheckpoints checkpoints,
                   SnapshotStorage storage, String selfId, Consumer<CommittedBlock> announce) {
        this.announce = announce;
        this.ledger = ledger;
        this.ledgerLock = ledgerLock;
        this.applier = applier;
        this.checkpoints = checkpoints;
        this.storage = storage;
        this.selfId = selfId;
    }

    boolean enabled() {
        return checkpoints != null;
    }

    /** @return the index of the newest snapshot after this call (the new one, if taken), or -1 */
    long take(LastCommit last) throws IOException {
        SnapshotStorage.Snapshot latest = storage.latest();
        long latestIndex = latest == null ? -1 : latest.termIndex().getIndex();
        if (checkpoints == null || last == null || applier.failure() != null || last.termIndex().getIndex() <= latestIndex) {
            return latestIndex;
        }
        synchronized (ledgerLock) {
            ChainApplier.Position p = applier.position();
            if (p.height() != last.height() || ledger.height() != p.height()) {
                return latestIndex;
            }
            long started = System.nanoTime();
            SnapshotStorage.Snapshot s = storage.write(last.termIndex(), p.height(), p.headerHash(), checkpoints::checkpoint);
            log.info("{} took a snapshot of block {} at log index {} in {} ms", selfId, p.height(),
                    s.termIndex().getIndex(), (System.nanoTime() - started) / 1_000_000);
            return s.termIndex().getIndex();
        }
    }

    /**
     * Makes the ledger and the log position those of the snapshot.
     *
     * @throws SnapshotRefusedException when the copy fails verification or contradicts this node's store
     */
    void restore(SnapshotStorage.Snapshot s) throws IOException {
        long before = ledger.height();
        install(s);
        for (long h = before + 1; h <= s.height(); h++) {
            StoredBlock b = ledger.store().block(h);
            try {
                announce.accept(new CommittedBlock(b.block(), b.block().header().hash(ledger.suite()), b.receipts(), b.certificate()));
            } catch (DecodeException e) {
                throw new IllegalStateException("block " + h + " of the installed snapshot does not decode", e);
            }
        }
    }

    private void install(SnapshotStorage.Snapshot s) throws IOException {
        synchronized (ledgerLock) {
            long have = ledger.height();
            if (have >= s.height()) {
                Hash mine = ledger.header(s.height()).hash(ledger.suite());
                if (!mine.equals(s.headerHash())) {
                    throw new SnapshotRefusedException("snapshot " + s.termIndex() + " ends with block " + s.height() + " "
                            + s.headerHash().hex() + " but this node's store holds " + mine.hex() + " there");
                }
                applier.resetTo(s.height(), s.headerHash());
                log.info("{} resumes the log after snapshot {} (block {}; its store holds up to {})", selfId,
                        s.termIndex(), s.height(), have);
                return;
            }
            if (checkpoints == null) {
                throw new SnapshotRefusedException("received snapshot " + s.termIndex() + " but this node's ledger store cannot take checkpoints");
            }
            long started = System.nanoTime();
            String problem = verify(s);
            if (problem != null) {
                throw new SnapshotRefusedException("refusing snapshot " + s.termIndex() + " (block " + s.height() + "): " + problem);
            }
            long verified = System.nanoTime();
            checkpoints.replaceStore(s.ledger());
            ledger.reopen();
            applier.resetTo(s.height(), s.headerHash());
            log.info("{} installed snapshot {}: blocks {} to {} verified in {} ms, store replaced in {} ms", selfId,
                    s.termIndex(), have + 1, s.height(), (verified - started) / 1_000_000, (System.nanoTime() - verified) / 1_000_000);
        }
    }

    private String verify(SnapshotStorage.Snapshot s) {
        Hash block0 = ledger.header(0).hash(ledger.suite());
        try (LedgerStore copy = checkpoints.openCopy(s.ledger())) {
            if (copy.lastHeight() != s.height()) {
                return "its ledger ends at block " + copy.lastHeight() + ", its position file says " + s.height();
            }
            Hash head = copy.block(s.height()).block().header().hash(ledger.suite());
            if (!head.equals(s.headerHash())) {
                return "its head block is " + head.hex() + ", its position file says " + s.headerHash().hex();
            }
            return new StoredChainCheck(ledger.suite(), block0, applier.validatorSets()).check(copy);
        } catch (IOException | RuntimeException | DecodeException e) {
            return "its ledger copy cannot be read: " + e;
        }
    }

    /** A snapshot this node must not use. */
    static final class SnapshotRefusedException extends IOException {
        SnapshotRefusedException(String message) {
            super(message);
        }
    }
}
