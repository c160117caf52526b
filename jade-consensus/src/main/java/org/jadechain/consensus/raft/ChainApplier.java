package org.jadechain.consensus.raft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.ledger.BlockRejectedException;
import org.jadechain.core.ledger.CertificateVerifier;
import org.jadechain.core.ledger.ValidatorSets;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.ProposedBlock;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.model.Block;
import org.jadechain.core.model.BlockHeader;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the ordering's log entries to the ledger, in log order: the deterministic half of the Raft
 * ordering (ADR 0004). Its replicated state is the log position's chain — the last block committed by
 * the entries applied so far ({@code appliedHeight}, {@code appliedHash}) and at most one accepted block
 * waiting for signatures ({@code pending}). Every decision depends only on that state and the entry,
 * so every node decides identically:
 * <ul>
 *   <li>a proposal is <b>stale</b> (skipped) when a block is pending or it does not extend the applied
 *       head;</li>
 *   <li>otherwise it is re-executed ({@link Ledger#replay}); any difference <b>halts</b> this node: it
 *       logs an error, reports {@link #failure()}, and applies nothing more — it never commits a block it
 *       could not reproduce;</li>
 *   <li>a signature counts when it is for the pending header, by a genesis validator not yet counted,
 *       and valid; the first {@link CertificateVerifier#quorum} such signatures in log order form the
 *       certificate, and the block is committed at that entry.</li>
 * </ul>
 * When the store is ahead of the log position (a restarted node re-reading its log), blocks the store
 * already holds are not executed again: the proposal must have the stored header hash and the assembled
 * certificate the stored bytes, else the node halts.
 *
 * <p>Threading: {@code apply…} run on the one Ratis apply thread; {@link #propose} serialises the
 * leader's execution with it through the ledger lock. Views for other threads are volatile.
 */
final class ChainApplier {
    private static final Logger log = LoggerFactory.getLogger(ChainApplier.class);
    /** Entries the group has committed after a proposal from which on it counts as history being caught up on. */
    static final long HISTORY_LAG = 8;

    /** The one-byte reply to a log entry. */
    enum Outcome { ACCEPTED, STALE, SIGNATURE_COUNTED, COMMITTED, IGNORED, HALTED }

    /** What other threads may read about the pending block. */
    record PendingView(long height, Hash headerHash, List<byte[]> signerKeys, boolean live) {
        boolean signedBy(byte[] key) {
            for (byte[] k : signerKeys) {
                if (Arrays.equals(k, key)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Pending {
        final long height;
        final Hash headerHash;
        /** This node's execution of the block; null while deferred, or when the store already holds it. */
        ProposedBlock proposal;
        /** A block taken from history being caught up on, executed only once certified; else null. */
        Block deferred;
        final List<CommitCertificate.Signature> signatures = new ArrayList<>();
        final List<ValidatorInfo> validators;
        final int quorum;

        Pending(long height, Hash headerHash, ProposedBlock proposal, List<ValidatorInfo> validators) {
            this(height, headerHash, proposal, null, validators);
        }

        Pending(long height, Hash headerHash, ProposedBlock proposal, Block deferred, List<ValidatorInfo> validators) {
            this.height = height;
            this.headerHash = headerHash;
            this.proposal = proposal;
            this.deferred = deferred;
            this.validators = List.copyOf(validators);
            this.quorum = CertificateVerifier.quorum(validators.size());
        }
    }

    private final Ledger ledger;
    private final Object ledgerLock;
    private final CryptoSuite suite;
    private volatile ValidatorSets validatorSets;
    /** {@link #signs()} asked once per height: the orderer loop calls it every few milliseconds. */
    private long signsKnownFor = -1;
    private boolean signsCached;
    private final TransactionValidator txCheck;
    /** Checks a live block's signatures, results in input order; one by one on this thread unless given a pool. */
    private volatile Function<List<Transaction>, List<CheckedTransaction>> signatureChecks;
    private final KeyPair signingKey;
    private final Consumer<RaftMessages.SignatureEntry> signatureOut;
    private final Consumer<CommittedBlock> onCommit;
    private final Consumer<String> onHalt;

    private long appliedHeight;
    private Hash appliedHash;
    private Pending pending;
    private ProposedBlock ownProposal;
    private volatile PendingView pendingView;
    private volatile long appliedHeightView;
    private volatile String failure;
    private volatile long certifiedExecutions;

    /**
     * @param signingKey this node's validator key, or null for a listener (then it never signs)
     * @param signatureOut where this node's own signatures go (submitted to the log asynchronously)
     * @param onCommit told of each block this node commits, on the apply thread
     * @param onHalt told once, on the apply thread, why this node halted
     */
    ChainApplier(Ledger ledger, Object ledgerLock, KeyPair signingKey,
                 Consumer<RaftMessages.SignatureEntry> signatureOut, Consumer<CommittedBlock> onCommit,
                 Consumer<String> onHalt) {
        this.ledger = ledger;
        this.ledgerLock = ledgerLock;
        this.suite = ledger.suite();
        this.validatorSets = ValidatorSets.genesis(ledger.genesis());
        this.txCheck = new TransactionValidator(ledger.genesis().chainId(), suite);
        this.signatureChecks = txs -> checkEach(txs, txCheck::check);
        this.signingKey = signingKey;
        this.signatureOut = signatureOut;
        this.onCommit = onCommit;
        this.onHalt = onHalt;
        resetToGenesis();
    }

    /** The log position's chain starts at block 0 (the log is read from its beginning). */
    void resetToGenesis() {
        synchronized (ledgerLock) {
            BlockHeader h0 = ledger.header(0);
            appliedHeight = 0;
            appliedHash = h0.hash(suite);
            pending = null;
            ownProposal = null;
            pendingView = null;
            appliedHeightView = 0;
        }
    }

    /** The log position's chain head: the last block committed by the entries applied so far. */
    record Position(long height, Hash headerHash) {
    }

    Position position() {
        synchronized (ledgerLock) {
            return new Position(appliedHeight, appliedHash);
        }
    }

    /**
     * Moves the log position to a snapshot's block (installed, or found at start): nothing pending, and the
     * entries after the snapshot apply on top of that block. The store must hold it.
     */
    void resetTo(long height, Hash headerHash) {
        synchronized (ledgerLock) {
            appliedHeight = height;
            appliedHash = headerHash;
            pending = null;
            ownProposal = null;
            pendingView = null;
            appliedHeightView = height;
            signsKnownFor = -1;
        }
    }

    ValidatorSets validatorSets() {
        return validatorSets;
    }

    /** Halts this node from outside the log, e.g. for a snapshot that failed verification. */
    void refuse(String why) {
        halt(why, null);
    }

    String failure() {
        return failure;
    }

    /** Height of the last block committed by the entries applied so far. */
    long appliedHeight() {
        return appliedHeightView;
    }

    PendingView pending() {
        return pendingView;
    }

    /** Where the validators of each height come from (the ledger's governance state); genesis's by default. */
    void useValidatorSets(ValidatorSets sets) {
        synchronized (ledgerLock) {
            this.validatorSets = sets;
            signsKnownFor = -1;
        }
    }

    /** The validators of the next block, as the ledger says now. */
    List<ValidatorInfo> validatorsInForce() {
        synchronized (ledgerLock) {
            return validatorsAt(ledger.height() + 1);
        }
    }

    private List<ValidatorInfo> validatorsAt(long height) {
        return validatorSets.at(ledger.store(), height);
    }

    /**
     * True when this node holds a validator key, so that as Raft leader it proposes blocks — also while its key is
     * out of the set in force (a proposal's worth is its re-execution and the certificate, not the proposer).
     */
    boolean proposes() {
        return signingKey != null;
    }

    /** True when this node holds the key of a validator of the next block (its signature counts). */
    boolean signs() {
        if (signingKey == null) {
            return false;
        }
        synchronized (ledgerLock) {
            long next = ledger.height() + 1;
            if (next != signsKnownFor) {
                signsCached = validatorOf(validatorsAt(next), signingKey.publicKey().encoded()) != null;
                signsKnownFor = next;
            }
            return signsCached;
        }
    }

    /**
     * Leader side: executes the next block on the applied head and remembers it, so applying it later
     * needs no second execution. Returns null when this node is behind its log or a block is pending.
     */
    ProposedBlock propose(long clockMillis, List<CheckedTransaction> txs) {
        synchronized (ledgerLock) {
            if (failure != null || pending != null || appliedHeight != ledger.height()) {
                return null;
            }
            long timestamp = Math.max(clockMillis, ledger.minimumNextTimestamp());
            ProposedBlock p = ledger.propose(timestamp, txs, suite.address(signingKey.publicKey()));
            ownProposal = p;
            return p;
        }
    }

    byte[] sign(Hash headerHash) {
        return suite.sign(signingKey.privateKey(), CommitCertificate.signedMessage(headerHash));
    }

    byte[] signingKeyBytes() {
        return signingKey.publicKey().encoded();
    }

    Outcome applyProposal(byte[] message) {
        return applyProposal(message, false);
    }

    /**
     * Applies a proposal entry.
     *
     * @param history true when the log already holds at least {@link #HISTORY_LAG} committed entries after
     *     this one — this node is catching up — so the block's certificate is most likely already in the log:
     *     it is then executed once its certificate is complete, without the transactions' signature checks
     *     (ADR 0010). A node that reaches the end of the log with such a block still uncertified executes it
     *     in full and signs it ({@link #resumeDeferred}).
     */
    Outcome applyProposal(byte[] message, boolean history) {
        if (failure != null) {
            return Outcome.HALTED;
        }
        RaftMessages.Proposal entry;
        Block block;
        try {
            entry = RaftMessages.decodeProposal(message);
            block = Block.decode(entry.blockBytes());
        } catch (DecodeException e) {
            log.warn("skipping a malformed proposal in the log: {}", e.getMessage());
            return Outcome.IGNORED;
        }
        try {
            Outcome outcome;
            synchronized (ledgerLock) {
                outcome = acceptProposal(block, history);
            }
            if (outcome != Outcome.ACCEPTED) {
                return outcome;
            }
            addSignature(entry.proposerSignature());
            if (signingKey != null && pending.proposal != null
                    && validatorOf(pending.validators, signingKeyBytes()) != null
                    && !Arrays.equals(entry.proposerSignature().publicKey(), signingKeyBytes())) {
                signatureOut.accept(new RaftMessages.SignatureEntry(pending.headerHash,
                        new CommitCertificate.Signature(signingKeyBytes(), sign(pending.headerHash))));
            }
            boolean committed = maybeCommit();
            return failure != null ? Outcome.HALTED : committed ? Outcome.COMMITTED : Outcome.ACCEPTED;
        } catch (RuntimeException e) {
            halt("applying a proposal failed: " + e, e);
            return Outcome.HALTED;
        }
    }

    private Outcome acceptProposal(Block block, boolean history) {
        BlockHeader h = block.header();
        if (pending != null || h.height() != appliedHeight + 1 || !h.previousHash().equals(appliedHash)) {
            return Outcome.STALE;
        }
        Hash headerHash = h.hash(suite);
        if (h.height() <= ledger.height()) {
            Hash stored = ledger.header(h.height()).hash(suite);
            if (!stored.equals(headerHash)) {
                halt("the log's block " + h.height() + " has header " + headerHash.hex()
                        + " but this node's store holds " + stored.hex(), null);
                return Outcome.HALTED;
            }
            setPending(new Pending(h.height(), headerHash, null, validatorsAt(h.height())));
            return Outcome.ACCEPTED;
        }
        ProposedBlock mine = ownProposal;
        ownProposal = null;
        if (mine == null || !mine.headerHash().equals(headerHash) || mine.height() != ledger.height() + 1) {
            if (history) {
                setPending(new Pending(h.height(), headerHash, null, block, validatorsAt(h.height())));
                return Outcome.ACCEPTED;
            }
            mine = execute(block, false);
            if (mine == null) {
                return Outcome.HALTED;
            }
        }
        setPending(new Pending(h.height(), headerHash, mine, validatorsAt(h.height())));
        return Outcome.ACCEPTED;
    }

    /**
     * Re-executes a block on the applied head; null after halting when it does not reproduce. With
     * {@code certified} the transactions' signatures are not checked, since a quorum of validators checked
     * them (ADR 0010); should the block not reproduce that way (it would carry a refused transaction with
     * a bad signature) it is executed again with every check.
     */
    private ProposedBlock execute(Block block, boolean certified) {
        BlockHeader h = block.header();
        if (certified) {
            try {
                return ledger.replay(block, checkAll(block, true));
            } catch (BlockRejectedException e) {
                log.info("certified block {} did not reproduce without signature checks ({}); checking every signature",
                        h.height(), e.getMessage());
            }
        }
        try {
            return ledger.replay(block, checkAll(block, false));
        } catch (BlockRejectedException e) {
            halt("refusing block " + h.height() + " proposed by " + h.proposer() + ": " + e.getMessage(), null);
            return null;
        }
    }

    /**
     * Checks every transaction of a block: with {@code certified} only what a quorum's signatures do not cover
     * (ADR 0010), otherwise every signature too, through {@link #useSignatureChecks} (the node's pool on all
     * cores). The results, and so every decision, are the same either way; only the speed differs.
     */
    private List<CheckedTransaction> checkAll(Block block, boolean certified) {
        List<Transaction> txs = block.transactions();
        if (certified) {
            return checkEach(txs, txCheck::checkCertified);
        }
        try {
            List<CheckedTransaction> checked = signatureChecks.apply(txs);
            if (checked.size() != txs.size()) {
                throw new IllegalStateException("the signature checks returned " + checked.size() + " results for "
                        + txs.size() + " transactions");
            }
            return checked;
        } catch (RejectedExecutionException e) {
            // the node's pool is closing with the node; finish this entry on this thread
            return checkEach(txs, txCheck::check);
        }
    }

    /** Each transaction checked in turn on this thread. */
    private static List<CheckedTransaction> checkEach(List<Transaction> txs, Function<Transaction, CheckedTransaction> check) {
        List<CheckedTransaction> checked = new ArrayList<>(txs.size());
        for (Transaction t : txs) {
            checked.add(check.apply(t));
        }
        return checked;
    }

    /**
     * Where a live block's signatures are checked: a function returning {@code TransactionValidator.check}'s
     * result for each transaction, in order — e.g. the node's verification pool, so that a follower verifies a
     * block on all cores instead of on Ratis's one apply thread.
     */
    void useSignatureChecks(Function<List<Transaction>, List<CheckedTransaction>> checks) {
        signatureChecks = checks;
    }

    long blocksExecutedAsCertified() {
        return certifiedExecutions;
    }

    /** True while a block taken from history waits for its certificate. */
    boolean deferring() {
        Pending p = pending;
        return p != null && p.deferred != null;
    }

    /**
     * Called when this node has applied every entry the log has committed: a block still waiting for its
     * certificate then may need this node's signature, so it is executed in full now and, if this node is one
     * of its validators, signed. Changes no decision: the execution's result is the same whenever it runs.
     */
    void resumeDeferred() {
        Hash toSign = null;
        synchronized (ledgerLock) {
            Pending p = pending;
            if (failure != null || p == null || p.deferred == null) {
                return;
            }
            ProposedBlock mine = execute(p.deferred, false);
            if (mine == null) {
                return;
            }
            p.proposal = mine;
            p.deferred = null;
            publishPending();
            if (signingKey != null && validatorOf(p.validators, signingKeyBytes()) != null
                    && !signedBy(p, signingKeyBytes())) {
                toSign = p.headerHash;
            }
        }
        if (toSign != null) {
            signatureOut.accept(new RaftMessages.SignatureEntry(toSign,
                    new CommitCertificate.Signature(signingKeyBytes(), sign(toSign))));
        }
    }

    private static boolean signedBy(Pending p, byte[] key) {
        for (CommitCertificate.Signature s : p.signatures) {
            if (Arrays.equals(s.publicKey(), key)) {
                return true;
            }
        }
        return false;
    }

    Outcome applySignature(byte[] message) {
        if (failure != null) {
            return Outcome.HALTED;
        }
        RaftMessages.SignatureEntry entry;
        try {
            entry = RaftMessages.decodeSignature(message);
        } catch (DecodeException e) {
            log.warn("skipping a malformed signature entry in the log: {}", e.getMessage());
            return Outcome.IGNORED;
        }
        if (pending == null || !pending.headerHash.equals(entry.headerHash())) {
            return Outcome.IGNORED;
        }
        try {
            if (!addSignature(entry.signature())) {
                return Outcome.IGNORED;
            }
            boolean committed = maybeCommit();
            return failure != null ? Outcome.HALTED : committed ? Outcome.COMMITTED : Outcome.SIGNATURE_COUNTED;
        } catch (RuntimeException e) {
            halt("committing block " + pending.height + " failed: " + e, e);
            return Outcome.HALTED;
        }
    }

    private boolean addSignature(CommitCertificate.Signature s) {
        ValidatorInfo v = validatorOf(pending.validators, s.publicKey());
        if (v == null || pending.signatures.size() >= pending.quorum) {
            return false;
        }
        for (CommitCertificate.Signature have : pending.signatures) {
            if (Arrays.equals(have.publicKey(), s.publicKey())) {
                return false;
            }
        }
        if (!suite.verify(v.publicKey(), CommitCertificate.signedMessage(pending.headerHash), s.signature())) {
            log.warn("ignoring an invalid signature of validator {} for block {}", v.id(), pending.height);
            return false;
        }
        pending.signatures.add(s);
        publishPending();
        return true;
    }

    private boolean maybeCommit() {
        if (pending == null || pending.signatures.size() < pending.quorum) {
            return false;
        }
        Pending p = pending;
        CommitCertificate cert = new CommitCertificate(p.headerHash, p.signatures);
        CommittedBlock committed = null;
        synchronized (ledgerLock) {
            if (p.deferred != null) {
                ProposedBlock mine = execute(p.deferred, true);
                if (mine == null) {
                    return false;
                }
                certifiedExecutions++;
                p.proposal = mine;
                p.deferred = null;
            }
            if (p.proposal == null) {
                StoredBlock stored = ledger.store().block(p.height);
                if (!Arrays.equals(stored.certificateBytes(), cert.encode())) {
                    halt("the log's certificate for block " + p.height + " differs from the one this node stored", null);
                    return false;
                }
            } else {
                ledger.commit(p.proposal, cert);
                committed = new CommittedBlock(p.proposal.block(), p.headerHash, p.proposal.receipts(), cert);
            }
            appliedHeight = p.height;
            appliedHash = p.headerHash;
            pending = null;
        }
        pendingView = null;
        appliedHeightView = appliedHeight;
        if (committed != null) {
            onCommit.accept(committed);
        }
        return true;
    }

    private void setPending(Pending p) {
        pending = p;
        publishPending();
    }

    private void publishPending() {
        List<byte[]> keys = new ArrayList<>(pending.signatures.size());
        for (CommitCertificate.Signature s : pending.signatures) {
            keys.add(s.publicKey());
        }
        pendingView = new PendingView(pending.height, pending.headerHash, List.copyOf(keys), pending.proposal != null);
    }

    private static ValidatorInfo validatorOf(List<ValidatorInfo> validators, byte[] key) {
        for (ValidatorInfo v : validators) {
            if (Arrays.equals(v.publicKey().unsafeEncoded(), key)) {
                return v;
            }
        }
        return null;
    }

    private void halt(String why, Throwable cause) {
        if (failure != null) {
            return;
        }
        failure = "halted: " + why;
        if (cause != null) {
            log.error("{}", failure, cause);
        } else {
            log.error("{}", failure);
        }
        pendingView = null;
        onHalt.accept(failure);
    }
}
