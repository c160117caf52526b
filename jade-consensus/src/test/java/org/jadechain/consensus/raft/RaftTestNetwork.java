package org.jadechain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcFactory;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.retry.RetryPolicy;
import org.apache.ratis.util.TimeDuration;
import org.jadechain.consensus.raft.tls.RaftTls;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.contract.ContractRegistry;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.ledger.CertificateVerifier;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Transaction;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.storage.InMemoryLedgerStore;
import org.jadechain.storage.RocksLedgerStore;

/**
 * Validators (and optionally listeners) running real Ratis servers in this process on loopback ports,
 * each with its own ledger store (in memory, or RocksDB with snapshots on; kept across restarts, like a disk) and
 * Raft log directory.
 * The transport is mutual TLS bound to the node keys (ADR 0006), as on real nodes; observers have their own
 * node keys, listed on every node.
 */
final class RaftTestNetwork implements AutoCloseable {
    static {
        // Ratis calls System.exit when a server cannot bind; a test must fail, not take the JVM down.
        org.apache.ratis.util.ExitUtils.disableSystemExit();
    }

    static final String CHAIN_ID = "jade-raft-test";
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final CryptoSuite suite;
    final Genesis genesis;
    final List<Node> nodes = new ArrayList<>();
    private final List<RaftPeerConfig> peers = new ArrayList<>();
    private final Path dir;
    private final Map<String, KeyPair> clients = new TreeMap<>();
    private final Map<String, Long> nonces = new TreeMap<>();
    private final TransactionValidator check;
    private final SecureRandom random = new SecureRandom();
    private final List<RaftOrdering> intruders = new ArrayList<>();
    private final long snapshotThreshold;

    final class Node {
        final int index;
        final String id;
        final KeyPair key;
        final KeyPair nodeKey;
        final LedgerStore store;
        long counterStep = 1;
        org.jadechain.core.ledger.ValidatorSets validatorSets;
        Ledger ledger;
        QueueSource source;
        RaftOrdering ordering;
        final List<CommittedBlock> committed = new CopyOnWriteArrayList<>();
        final List<String> halts = new CopyOnWriteArrayList<>();
        /** Transactions whose signatures this node checked through its pool (live blocks it re-executed). */
        final java.util.concurrent.atomic.AtomicLong pooledChecks = new java.util.concurrent.atomic.AtomicLong();
        long historyLag = ChainApplier.HISTORY_LAG;

        Node(int index, String id, KeyPair key, KeyPair nodeKey) {
            this.index = index;
            this.id = id;
            this.key = key;
            this.nodeKey = nodeKey;
            this.store = snapshotThreshold > 0
                    ? RocksLedgerStore.open(dir.resolve(id + "-ledger"), suite, RocksLedgerStore.Mode.NODE)
                    : new InMemoryLedgerStore(suite);
        }

        void start() {
            ledger = new Ledger(genesis, new ContractRegistry(List.of(new CounterContract(counterStep))), store);
            source = new QueueSource();
            RaftConfig config = RaftConfig.of(id, peers, dir.resolve(id))
                    .withElectionTimeout(400, 800)
                    .withBlocks(200, 20, 0)
                    .withTransport(RaftTransport.mutualTls().withNodeKey(nodeKey).withObserverKeys(observerKeys()));
            if (snapshotThreshold > 0) {
                config = config.withSnapshots(snapshotThreshold, 4 * 1024).withRequestTimeout(1_000);
            }
            ordering = new RaftOrdering(ledger, source, key, config, System::currentTimeMillis);
            // as a node does with its verification pool: in parallel, results in input order
            ordering.useSignatureChecks(txs -> {
                pooledChecks.addAndGet(txs.size());
                return txs.parallelStream().map(check::check).toList();
            });
            if (store instanceof RocksLedgerStore rocks) {
                ordering.useCheckpoints(new TestCheckpoints(rocks));
            }
            if (validatorSets != null) {
                ordering.useValidatorSets(validatorSets);
            }
            ordering.historyLag = historyLag;
            ordering.addListener(committed::add);
            ordering.addHaltListener(halts::add);
            ordering.start();
        }

        void stop() {
            ordering.close();
            ordering = null;
        }

        boolean running() {
            return ordering != null && ordering.failure() == null;
        }

        long height() {
            return store.lastHeight();
        }

        void submit(Transaction... txs) {
            for (Transaction t : txs) {
                source.offer(check.check(t));
            }
        }

        boolean holds(Transaction tx) {
            return store.locate(tx.hash()) != null;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    private RaftTestNetwork(Path dir, int validators, int listeners, SuiteId suiteId, long snapshotThreshold) {
        this.dir = dir;
        this.snapshotThreshold = snapshotThreshold;
        this.suite = CryptoSuites.of(suiteId);
        List<ValidatorInfo> infos = new ArrayList<>();
        List<KeyPair> keys = new ArrayList<>();
        for (int i = 1; i <= validators; i++) {
            KeyPair k = suite.generateKeyPair(random);
            keys.add(k);
            infos.add(new ValidatorInfo("v" + i, "central-bank", k.publicKey()));
            peers.add(RaftPeerConfig.validator("v" + i, "127.0.0.1:" + freePort()));
        }
        for (int i = 1; i <= listeners; i++) {
            peers.add(RaftPeerConfig.listener("observer" + i, "127.0.0.1:" + freePort()));
        }
        KeyPair bank = suite.generateKeyPair(random);
        this.genesis = new Genesis(CHAIN_ID, suiteId, 8 * 60, 1_764_000_000_000L,
                List.of(new Organisation("central-bank", "Central Bank", Role.CENTRAL_BANK, List.of(bank.publicKey()))),
                infos, new TreeMap<>());
        this.check = new TransactionValidator(CHAIN_ID, suite);
        for (int i = 0; i < validators; i++) {
            nodes.add(new Node(i, "v" + (i + 1), keys.get(i), keys.get(i)));
        }
        for (int i = 0; i < listeners; i++) {
            nodes.add(new Node(validators + i, "observer" + (i + 1), null, suite.generateKeyPair(random)));
        }
    }

    static RaftTestNetwork create(Path dir, int validators, int listeners) {
        return new RaftTestNetwork(dir, validators, listeners, SuiteId.INTL, 0);
    }

    /** Validators on RocksDB ledger stores that take a Raft snapshot every {@code snapshotThreshold} log entries. */
    static RaftTestNetwork withSnapshots(Path dir, int validators, long snapshotThreshold) {
        return new RaftTestNetwork(dir, validators, 0, SuiteId.INTL, snapshotThreshold);
    }

    static RaftTestNetwork create(Path dir, int validators, int listeners, SuiteId suite) {
        return new RaftTestNetwork(dir, validators, listeners, suite, 0);
    }

    List<PublicKey> observerKeys() {
        return nodes.stream().filter(n -> n.key == null).map(n -> n.nodeKey.publicKey()).toList();
    }

    /**
     * Starts a Raft node that claims to be {@code claimedId} (at that peer's address, with the same group) but
     * holds {@code key}, which its own configuration — and only its own — allows. It has an empty ledger.
     */
    RaftOrdering startIntruder(String claimedId, KeyPair key) {
        Ledger l = new Ledger(genesis, new ContractRegistry(List.of(new CounterContract(1))), new InMemoryLedgerStore(suite));
        RaftConfig config = RaftConfig.of(claimedId, peers, dir.resolve("intruder-" + claimedId + "-" + intruders.size()))
                .withElectionTimeout(400, 800)
                .withBlocks(200, 20, 0)
                .withTransport(RaftTransport.mutualTls().withNodeKey(key).withObserverKeys(List.of(key.publicKey())));
        RaftOrdering o = new RaftOrdering(l, new QueueSource(), null, config, System::currentTimeMillis);
        intruders.add(o);
        o.start();
        return o;
    }

    /**
     * A bare Ratis client of the group that authenticates at the transport with {@code key} (trusting, on its
     * own side, the genesis validators and that key), with Ratis's default retries.
     */
    RaftClient client(KeyPair key) {
        return client(key, null);
    }

    /** As {@link #client(KeyPair)}, giving up after {@code attempts} tries 200 ms apart (so a refused client fails). */
    RaftClient client(KeyPair key, int attempts) {
        return client(key, RetryPolicies.retryUpToMaximumCountWithFixedSleep(attempts, TimeDuration.valueOf(200, TimeUnit.MILLISECONDS)));
    }

    private RaftClient client(KeyPair key, RetryPolicy retries) {
        List<RaftPeer> raftPeers = new ArrayList<>();
        for (RaftPeerConfig p : peers) {
            raftPeers.add(RaftPeer.newBuilder().setId(p.id()).setAddress(p.address()).build());
        }
        Parameters parameters = new Parameters();
        RaftTls.apply(parameters, RaftTls.grpcConfig(suite, CHAIN_ID, key, RaftTls.members(genesis, List.of(key.publicKey()))));
        RaftProperties props = new RaftProperties();
        ClientId id = ClientId.randomId();
        RaftClient.Builder b = RaftClient.newBuilder()
                .setClientId(id)
                .setRaftGroup(RaftGroup.valueOf(RaftOrdering.groupId(CHAIN_ID), raftPeers))
                .setProperties(props)
                .setParameters(parameters)
                .setClientRpc(new GrpcFactory(parameters).newRaftClientRpc(id, props));
        return retries == null ? b.build() : b.setRetryPolicy(retries).build();
    }

    KeyPair newKey() {
        return suite.generateKeyPair(random);
    }

    RaftTestNetwork startAll() {
        for (Node n : nodes) {
            n.start();
        }
        return this;
    }

    List<Node> running() {
        return nodes.stream().filter(Node::running).toList();
    }

    /** A counter.add(1) transaction from a client, with that client's next nonce. */
    synchronized Transaction tx(String client) {
        KeyPair k = clients.computeIfAbsent(client, c -> suite.generateKeyPair(random));
        long nonce = nonces.merge(client, 1L, Long::sum) - 1;
        byte[] body = Transaction.encodeBody(CHAIN_ID, suite.id(), k.publicKey().encoded(), nonce, CounterContract.NAME,
                "add", CounterContract.addArgs(1));
        return Transaction.assemble(body, suite.sign(k.privateKey(), body));
    }

    /** The one node all running nodes agree is the leader. */
    Node awaitLeader() {
        Node[] found = new Node[1];
        await("a leader known to every running node", () -> {
            List<Node> live = running();
            List<Node> leaders = live.stream().filter(n -> n.ordering.role() == RaftRole.LEADER).toList();
            if (leaders.size() != 1) {
                return false;
            }
            found[0] = leaders.get(0);
            return live.stream().allMatch(n -> leaders.get(0).id.equals(n.ordering.leaderId()));
        });
        return found[0];
    }

    void awaitCommitted(List<Node> on, List<Transaction> txs) {
        await(txs.size() + " transactions committed on " + on, () -> on.stream().allMatch(n -> txs.stream().allMatch(n::holds)));
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /**
     * Every node holds, at each of its heights, the byte-identical block, receipts and certificate of the
     * highest node (so equal heights have equal state roots, which are in the headers), and every
     * certificate passes {@link CertificateVerifier} against the genesis validators.
     */
    /** As {@link #assertSameChains} over every node, checking certificates against the given sets. */
    void assertSameChainsWith(org.jadechain.core.ledger.ValidatorSets sets) throws DecodeException {
        CertificateVerifier verifier = new CertificateVerifier(suite);
        Node top = nodes.stream().max(java.util.Comparator.comparingLong(Node::height)).orElseThrow();
        for (long h = 1; h <= top.height(); h++) {
            StoredBlock reference = top.store.block(h);
            Hash headerHash = reference.block().header().hash(suite);
            assertThat(verifier.check(reference.certificate(), headerHash, sets.at(top.store, h)))
                    .as("certificate of block %d", h).isNull();
            for (Node n : nodes) {
                if (h <= n.height()) {
                    assertThat(n.store.block(h).blockBytes()).as("block %d on %s", h, n).isEqualTo(reference.blockBytes());
                    assertThat(n.store.block(h).certificateBytes()).as("certificate %d on %s", h, n)
                            .isEqualTo(reference.certificateBytes());
                }
            }
        }
    }

    void assertSameChains(List<Node> among) throws DecodeException {
        CertificateVerifier verifier = new CertificateVerifier(suite);
        Node top = among.stream().max(java.util.Comparator.comparingLong(Node::height)).orElseThrow();
        for (long h = 1; h <= top.height(); h++) {
            StoredBlock reference = top.store.block(h);
            CommitCertificate cert = reference.certificate();
            Hash headerHash = reference.block().header().hash(suite);
            assertThat(verifier.check(cert, headerHash, genesis.validators())).as("certificate of block %d", h).isNull();
            for (Node n : among) {
                if (h > n.height()) {
                    continue;
                }
                StoredBlock b = n.store.block(h);
                assertThat(b.blockBytes()).as("block %d on %s", h, n).isEqualTo(reference.blockBytes());
                assertThat(b.certificateBytes()).as("certificate %d on %s", h, n).isEqualTo(reference.certificateBytes());
                assertThat(b.receiptBytes()).as("receipts of block %d on %s", h, n).hasSameSizeAs(reference.receiptBytes());
                for (int i = 0; i < b.receiptBytes().size(); i++) {
                    assertThat(b.receiptBytes().get(i)).as("receipt %d.%d on %s", h, i, n).isEqualTo(reference.receiptBytes().get(i));
                }
            }
        }
    }

    List<RaftPeerConfig> peers() {
        return List.copyOf(peers);
    }

    Node node(String id) {
        return nodes.stream().filter(n -> n.id.equals(id)).findFirst().orElseThrow();
    }

    private static int freePort() {
        return org.jadechain.testkit.LoopbackPorts.free();
    }

    @Override
    public void close() {
        for (RaftOrdering o : intruders) {
            o.close();
        }
        for (Node n : nodes) {
            if (n.ordering != null) {
                n.ordering.close();
            }
            n.store.close();
        }
    }

    /** The RocksDB store's checkpoints, as the node wires them. */
    private final class TestCheckpoints implements LedgerCheckpoints {
        private final RocksLedgerStore store;

        TestCheckpoints(RocksLedgerStore store) {
            this.store = store;
        }

        @Override
        public void checkpoint(Path target) {
            store.checkpoint(target);
        }

        @Override
        public LedgerStore openCopy(Path copy) {
            return RocksLedgerStore.open(copy, suite, RocksLedgerStore.Mode.VERIFY);
        }

        @Override
        public void replaceStore(Path copy) {
            store.replaceWith(copy);
        }
    }
}
