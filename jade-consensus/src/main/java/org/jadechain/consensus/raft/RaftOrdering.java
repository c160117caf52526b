package org.jadechain.consensus.raft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.jadechain.consensus.raft.tls.RaftTls;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.ledger.CommitListener;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.Ordering;
import org.jadechain.core.ledger.TransactionSource;
import org.jadechain.core.model.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raft ordering through Apache Ratis (ADR 0004). The Raft leader builds blocks from its
 * {@link TransactionSource} and from transactions forwarded to it, executes them ({@link Ledger#propose}) and
 * appends the encoded block to the Raft log; every node applies the log in order through a
 * {@link ChainApplier}, which re-executes each block, signs the headers it reproduced, and commits a block
 * once a majority of the genesis validators' signatures has passed through the log. A node whose result
 * differs halts: {@link #failure()} becomes non-null, halt listeners are told, and its Raft server stops.
 *
 * <p>This class runs the Ratis server and answers for the node's place in the group (role, leader, log, members).
 * Threads: Ratis's apply thread commits and calls {@link CommitListener}s in height order; the
 * {@link RaftOrderer}'s thread pulls from the source, proposes (as leader) or forwards (as follower) and
 * re-sends this node's signature if it was lost; gRPC threads answer forwards. Status methods may be
 * called from any thread.
 */
public final class RaftOrdering implements Ordering {
    private static final Logger log = LoggerFactory.getLogger(RaftOrdering.class);

    private final Ledger ledger;
    private final KeyPair validatorKey;
    private final RaftConfig config;
    private final Object ledgerLock = new Object();
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> haltListeners = new CopyOnWriteArrayList<>();
    private final ChainApplier applier;
    private final RaftOrderer orderer;
    /** Committed entries after a proposal from which on it is history (ADR 0010); tests may lower it. */
    long historyLag = ChainApplier.HISTORY_LAG;
    private final RaftGroup group;
    private Parameters transport;
    private LedgerCheckpoints checkpoints;
    private volatile LedgerStateMachine stateMachine;

    private volatile boolean running;
    private boolean closed;
    private volatile RaftServer server;
    private volatile RaftServer.Division division;
    private volatile RaftClients clients;

    /**
     * @param validatorKey this node's validator key (its genesis validator entry); null for a listener, which
     *     then needs {@link RaftTransport#nodeKey()} for TLS
     * @param clock wall-clock milliseconds for block timestamps (raised to one past the head when behind)
     */
    public RaftOrdering(Ledger ledger, TransactionSource source, KeyPair validatorKey, RaftConfig config,
                        LongSupplier clock) {
        this.ledger = ledger;
        this.validatorKey = validatorKey;
        this.config = config;
        this.applier = new ChainApplier(ledger, ledgerLock, validatorKey, this::submitSignature,
                this::committed, this::halted);
        this.orderer = new RaftOrderer(ledger, ledgerLock, source, config, clock, applier);
        this.group = RaftGroup.valueOf(groupId(ledger.genesis().chainId()), peers(config.peers()));
    }

    /**
     * Ratis parameters for this node's gRPC channels: mutual TLS with certificates bound to this node's key,
     * accepting only genesis validators and the configured observers (ADR 0006), unless the configuration
     * asks for plaintext.
     *
     * @throws IllegalArgumentException when TLS is on and this node has no key, or a key that is not a member's
     */
    private Parameters transportParameters() {
        Parameters p = new Parameters();
        RaftTransport t = config.transport();
        if (!t.tls()) {
            log.warn("the Raft transport of {} is plaintext: any process that reaches its port can take part", config.selfId());
            return p;
        }
        KeyPair nodeKey = t.nodeKey() != null ? t.nodeKey() : validatorKey;
        List<PublicKey> fixed = new ArrayList<>(RaftTls.members(ledger.genesis(), t.observerKeys()));
        if (t.joining() && nodeKey != null) {
            log.info("{} joins as a validator governance has yet to add: peers let it in once their ledgers have it", config.selfId());
            fixed.add(nodeKey.publicKey());
        }
        RaftTls.apply(p, RaftTls.grpcConfig(ledger.suite(), ledger.genesis().chainId(), nodeKey, new LiveMembers(fixed, applier::validatorsInForce)));
        return p;
    }

    /** Blocks this node executed from history, once certified, without checking signatures (ADR 0010). */
    public long blocksExecutedAsCertified() {
        return applier.blocksExecutedAsCertified();
    }

    /** The Raft group id of a chain: a name-based UUID of its chain id, the same on every node. */
    public static RaftGroupId groupId(String chainId) {
        return RaftGroupId.valueOf(UUID.nameUUIDFromBytes(("jade/raft/" + chainId).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Where the validators of each height come from — the ledger's governance state — so that quorums follow
     * adopted validator-set changes; genesis's validators when never called. Call before {@link #start()}.
     */
    public void useValidatorSets(org.jadechain.core.ledger.ValidatorSets sets) {
        applier.useValidatorSets(sets);
    }

    /**
     * Where this node checks the signatures of a block it re-executes as it arrives (a follower's every block):
     * a function giving {@code TransactionValidator.check}'s result for each transaction, in input order, such
     * as the node's verification pool on all cores. Without it they are checked one by one on Ratis's apply
     * thread. Results must not depend on the function, only the speed. Call before {@link #start()}.
     */
    public void useSignatureChecks(Function<List<Transaction>, List<CheckedTransaction>> checks) {
        applier.useSignatureChecks(checks);
    }

    /**
     * Lets this node take Raft snapshots as checkpoints of its ledger store, purge its log behind them, and install
     * snapshots received from the leader (ADR 0008). Without it (an in-memory store) the log is kept whole.
     * Call before {@link #start()}.
     */
    public synchronized void useCheckpoints(LedgerCheckpoints checkpoints) {
        if (running) {
            throw new IllegalStateException("call useCheckpoints before start");
        }
        this.checkpoints = checkpoints;
    }

    /** Told of every block this node commits, in height order, on Ratis's apply thread. */
    public void addListener(CommitListener listener) {
        listeners.add(listener);
    }

    /** Told once, with the reason, when this node halts; the node should then exit with a non-zero status. */
    public void addHaltListener(Consumer<String> listener) {
        haltListeners.add(listener);
    }

    @Override
    public String mode() {
        return "raft";
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        transport = transportParameters();
        RaftProperties props = RaftServerSettings.properties(config, checkpoints != null);
        try {
            boolean existing = Files.isDirectory(config.storageDir().resolve(group.getGroupId().getUuid().toString()));
            SnapshotStorage snapshotStorage = new SnapshotStorage();
            stateMachine = new LedgerStateMachine(applier, orderer::acceptForwarded, snapshotStorage,
                    new SnapshotKeeper(ledger, ledgerLock, applier, checkpoints, snapshotStorage, config.selfId(),
                            this::committed), historyLag);
            server = RaftServer.newBuilder()
                    .setServerId(RaftPeerId.valueOf(config.selfId()))
                    .setGroup(group)
                    .setProperties(props)
                    .setParameters(transport)
                    .setStateMachine(stateMachine)
                    .setOption(existing ? RaftStorage.StartupOption.RECOVER : RaftStorage.StartupOption.FORMAT)
                    .build();
            server.start();
            division = server.getDivision(group.getGroupId());
        } catch (IOException e) {
            closeQuietly(server);
            throw new IllegalStateException("cannot start the Raft server of " + config.selfId() + ": " + e.getMessage(), e);
        }
        clients = new RaftClients(config.selfId(), group, props, transport, config.requestTimeoutMillis());
        running = true;
        orderer.start(division, clients, this::failure);
    }

    /**
     * Why this node stopped ordering, or null while it works: it halted (a block it could not reproduce), or its
     * Raft server stopped under it — Ratis closes a server on errors of its own, and then the node would
     * otherwise keep serving a chain that no longer moves.
     */
    @Override
    public String failure() {
        String halted = applier.failure();
        if (halted != null) {
            return halted;
        }
        RaftServer.Division d = division;
        if (running && d != null && !d.getInfo().isAlive()) {
            return "the Raft server of " + config.selfId() + " stopped while the node was running (its log says why);"
                    + " restart the node to rejoin the network";
        }
        return null;
    }

    /** This node's Ratis server, for tests. */
    RaftServer raftServer() {
        return server;
    }

    public RaftRole role() {
        RaftServer.Division d = division;
        if (d == null || !running || failure() != null) {
            return RaftRole.STOPPED;
        }
        RaftPeerRole r = d.getInfo().getCurrentRole();
        return switch (r) {
            case LEADER -> RaftRole.LEADER;
            case FOLLOWER -> RaftRole.FOLLOWER;
            case CANDIDATE -> RaftRole.CANDIDATE;
            case LISTENER -> RaftRole.LISTENER;
            default -> RaftRole.STOPPED;
        };
    }

    /** The current leader's peer id as this node knows it, or null. */
    public String leaderId() {
        RaftServer.Division d = division;
        RaftPeerId id = d == null ? null : d.getInfo().getLeaderId();
        return id == null ? null : id.toString();
    }

    public long term() {
        RaftServer.Division d = division;
        return d == null ? 0 : d.getInfo().getCurrentTerm();
    }

    public String selfId() {
        return config.selfId();
    }

    /** Height of the last block committed by the log entries this node has applied. */
    public long appliedHeight() {
        return applier.appliedHeight();
    }

    /**
     * Hands encoded transactions to the current leader, which checks them statelessly and queues them
     * for its next blocks. Completes with the leader's per-transaction answer, or exceptionally when no
     * leader answered in time; a taken transaction is committed later or never — watch the ledger.
     */
    public CompletableFuture<ForwardResult> forward(List<byte[]> encodedTxs) {
        RaftClients cs = clients;
        if (cs == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the Raft ordering is not running"));
        }
        return cs.forwardTransactions(encodedTxs);
    }

    /** The applier's signatures go out through the orderer, which also re-sends them when lost. */
    private void submitSignature(RaftMessages.SignatureEntry s) {
        orderer.submitSignature(s);
    }

    private void committed(CommittedBlock block) {
        orderer.committed(block.block().transactions());
        for (CommitListener l : listeners) {
            try {
                l.committed(block);
            } catch (RuntimeException e) {
                log.warn("commit listener failed for block {}", block.height(), e);
            }
        }
    }

    private void halted(String why) {
        for (Consumer<String> l : haltListeners) {
            try {
                l.accept(why);
            } catch (RuntimeException e) {
                log.warn("halt listener failed", e);
            }
        }
        Thread stopper = new Thread(this::close, "raft-halt-" + config.selfId());
        stopper.setDaemon(true);
        stopper.start();
    }

    @Override
    public void close() {
        RaftServer s;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = false;
            s = server;
        }
        orderer.stop();
        RaftClients cs = clients;
        if (cs != null) {
            cs.close();
        }
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                log.warn("closing the Raft server of {} failed", config.selfId(), e);
            }
        }
    }

    private void closeQuietly(RaftServer s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException | RuntimeException e) {
            log.debug("closing the Raft server of {} after a failed start: {}", config.selfId(), e.toString());
        }
    }

    /** Index of the first log entry this node applied since it started (-1 before any); for tests and status. */
    long firstAppliedIndex() {
        LedgerStateMachine sm = stateMachine;
        return sm == null ? -1 : sm.firstAppliedIndex();
    }

    /** Index of the last entry in this node's Raft log, or -1. */
    long lastLogIndex() {
        RaftServer.Division d = division;
        return d == null ? -1 : d.getRaftLog().getNextIndex() - 1;
    }

    /** Index of this node's newest Raft snapshot, or -1. */
    public long snapshotIndex() {
        LedgerStateMachine sm = stateMachine;
        org.apache.ratis.statemachine.SnapshotInfo s = sm == null ? null : sm.getLatestSnapshot();
        return s == null ? -1 : s.getIndex();
    }

    /** Index of the first entry this node's Raft log still holds (entries before it were purged behind a snapshot). */
    public long logStartIndex() {
        RaftServer.Division d = division;
        return d == null ? -1 : d.getRaftLog().getStartIndex();
    }

    /** The ids of the Raft group's voting members as this node's current configuration has them, sorted. */
    public List<String> voterIds() {
        RaftServer.Division d = division;
        if (d == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (RaftPeer p : d.getRaftConf().getCurrentPeers()) {
            out.add(p.getId().toString());
        }
        out.sort(null);
        return out;
    }

    /**
     * Asks the group to make exactly these members its configuration (validators vote, listeners follow),
     * e.g. after a governance change of the validator set. Ratis applies it through the log on the leader.
     *
     * @throws IOException when the group did not take it (not reachable, or a change already in progress)
     */
    public void reconfigure(List<RaftPeerConfig> members) throws IOException {
        RaftClients cs = clients;
        RaftClient c = cs == null ? null : cs.log();
        if (c == null || !running) {
            throw new IOException("the Raft ordering of " + config.selfId() + " is not running");
        }
        List<RaftPeer> voters = new ArrayList<>();
        List<RaftPeer> listeners = new ArrayList<>();
        for (RaftPeer p : peers(members)) {
            (p.getStartupRole() == RaftPeerRole.LISTENER ? listeners : voters).add(p);
        }
        RaftClientReply reply = c.admin().setConfiguration(voters, listeners);
        if (!reply.isSuccess()) {
            throw new IOException("the group refused the new configuration: " + reply.getException());
        }
        log.info("{} reconfigured the Raft group: voters {}, listeners {}", config.selfId(), voters, listeners);
    }

    private static List<RaftPeer> peers(List<RaftPeerConfig> peers) {
        List<RaftPeer> out = new ArrayList<>(peers.size());
        for (RaftPeerConfig p : peers) {
            out.add(RaftPeer.newBuilder().setId(p.id()).setAddress(p.address())
                    .setStartupRole(p.kind() == RaftPeerConfig.Kind.LISTENER ? RaftPeerRole.LISTENER : RaftPeerRole.FOLLOWER)
                    .build());
        }
        return out;
    }
}
