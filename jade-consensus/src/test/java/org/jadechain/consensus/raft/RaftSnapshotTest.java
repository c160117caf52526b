package org.jadechain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.model.Transaction;
import org.jadechain.core.state.StateTree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

/**
 * Raft snapshots as RocksDB checkpoints of the ledger (ADR 0008), with real Ratis servers on loopback: a snapshot
 * every 20 log entries, 4 KiB log segments, so that the log is purged after a few blocks.
 */
class RaftSnapshotTest {
    private static final long THRESHOLD = 20;

    @TempDir
    Path dir;

    @Test
    void aFollowerLeftBehindThePurgedLogCatchesUpThroughTheLeadersSnapshotAndKeepsApplying() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.withSnapshots(dir, 3, THRESHOLD).startAll()) {
            RaftTestNetwork.Node leader = net.awaitLeader();
            RaftTestNetwork.Node lagging = net.nodes.stream().filter(n -> n != leader).findFirst().orElseThrow();
            net.awaitCommitted(net.nodes, submit(net, leader, 3));
            long laggingLastIndex = lagging.ordering.lastLogIndex();
            long laggingHeight = lagging.height();
            lagging.stop();

            commitUntilPurgedPast(net, leader, laggingLastIndex);
            assertThat(leader.ordering.logStartIndex()).as("no running node still holds the entries the follower lacks")
                    .isGreaterThan(laggingLastIndex + 1);
            long leaderHeight = leader.height();
            lagging.start();
            RaftTestNetwork.await("the restarted follower at the leader's height",
                    () -> lagging.height() >= leaderHeight && lagging.running());

            assertThat(lagging.halts).isEmpty();
            assertThat(lagging.ordering.snapshotIndex()).as("installed a snapshot beyond its old log").isGreaterThan(laggingLastIndex);
            List<Long> announced = lagging.committed.stream().map(CommittedBlock::height).filter(h -> h > laggingHeight).toList();
            assertThat(announced).as("blocks from the snapshot, then from the log, told to the listeners once each, in order")
                    .startsWith(laggingHeight + 1).isSorted().doesNotHaveDuplicates();
            assertThat(announced.get(announced.size() - 1) - laggingHeight).isEqualTo(announced.size());

            List<Transaction> after = submit(net, leader, 5);
            after.addAll(submit(net, lagging, 3));
            net.awaitCommitted(net.nodes, after);
            RaftTestNetwork.await("equal heights", () -> net.nodes.stream().mapToLong(RaftTestNetwork.Node::height).distinct().count() == 1);
            net.assertSameChains(net.nodes);
            assertSameStateRoots(net);
        }
    }

    @Test
    void aNodeRestartedAfterItsOwnSnapshotResumesFromItsStoreWithoutReplayingPurgedEntries() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.withSnapshots(dir, 3, THRESHOLD).startAll()) {
            RaftTestNetwork.Node leader = net.awaitLeader();
            RaftTestNetwork.Node follower = net.nodes.stream().filter(n -> n != leader).findFirst().orElseThrow();
            while (follower.ordering.logStartIndex() <= 1) {
                net.awaitCommitted(net.nodes, submit(net, leader, 2));
            }
            long heightAtStop = follower.height();
            follower.stop();
            follower.start();
            long snapshotAtStart = follower.ordering.snapshotIndex();
            assertThat(snapshotAtStart).isPositive();
            assertThat(follower.ordering.logStartIndex()).isGreaterThan(1);

            List<Transaction> after = submit(net, leader, 3);
            net.awaitCommitted(net.nodes, after);
            assertThat(follower.halts).isEmpty();
            assertThat(follower.ordering.firstAppliedIndex()).as("the first entry applied after the restart")
                    .isGreaterThan(snapshotAtStart);
            assertThat(follower.committed.stream().filter(b -> b.height() <= heightAtStop).count())
                    .as("blocks already in the store are not committed again").isEqualTo(heightAtStop);
            net.assertSameChains(net.nodes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"state", "certs"})
    void aTamperedSnapshotIsRefusedAndTheFollowerHaltsWithItsStoreUntouched(String column) throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.withSnapshots(dir, 3, THRESHOLD).startAll()) {
            RaftTestNetwork.Node leader = net.awaitLeader();
            RaftTestNetwork.Node lagging = net.nodes.stream().filter(n -> n != leader).findFirst().orElseThrow();
            net.awaitCommitted(net.nodes, submit(net, leader, 3));
            long laggingLastIndex = lagging.ordering.lastLogIndex();
            long laggingHeight = lagging.height();
            Hash laggingHead = lagging.store.block(laggingHeight).block().header().hash(net.suite);
            lagging.stop();
            commitUntilPurgedPast(net, leader, laggingLastIndex);

            List<RaftTestNetwork.Node> others = net.nodes.stream().filter(n -> n != lagging).toList();
            for (RaftTestNetwork.Node n : others) {
                n.stop();
            }
            for (RaftTestNetwork.Node n : others) {
                tamperSnapshots(n, column);
                n.start();
            }
            net.awaitLeader();
            lagging.start();

            RaftTestNetwork.await("the follower refusing the snapshot", () -> !lagging.halts.isEmpty());
            assertThat(lagging.halts.get(0)).contains("refusing snapshot");
            assertThat(lagging.ordering.failure()).isNotNull();
            assertThat(lagging.height()).isEqualTo(laggingHeight);
            assertThat(lagging.store.block(laggingHeight).block().header().hash(net.suite)).isEqualTo(laggingHead);
        }
    }

    private static List<Transaction> submit(RaftTestNetwork net, RaftTestNetwork.Node to, int count) {
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Transaction t = net.tx("client-" + i);
            to.submit(t);
            txs.add(t);
        }
        return txs;
    }

    /** Commits blocks until every running node has purged its log past {@code index}. */
    private static void commitUntilPurgedPast(RaftTestNetwork net, RaftTestNetwork.Node leader, long index) {
        while (net.running().stream().anyMatch(n -> n.ordering.logStartIndex() <= index + 1)) {
            net.awaitCommitted(net.running(), submit(net, leader, 2));
        }
    }

    private static void assertSameStateRoots(RaftTestNetwork net) throws Exception {
        for (RaftTestNetwork.Node n : net.nodes) {
            Hash stored = new StateTree(net.suite, n.store.bucketHashes()).root();
            Hash recomputed = new StateTree(net.suite, recomputedBuckets(net, n)).root();
            Hash head = n.store.block(n.height()).block().header().stateRoot();
            assertThat(stored).as("stored state root on %s", n).isEqualTo(head);
            assertThat(recomputed).as("state root recomputed from the entries on %s", n).isEqualTo(head);
        }
    }

    private static Hash[] recomputedBuckets(RaftTestNetwork net, RaftTestNetwork.Node n) {
        Hash[] out = new Hash[org.jadechain.core.state.StateKeys.BUCKETS];
        for (int b = 0; b < out.length; b++) {
            out[b] = StateTree.recomputeBucket(net.suite, n.store, b);
        }
        return out;
    }

    /** Alters the last value of a column family in every snapshot this (stopped) node holds. */
    private void tamperSnapshots(RaftTestNetwork.Node n, String column) throws Exception {
        Path sm = dir.resolve(n.id).resolve(RaftOrdering.groupId(RaftTestNetwork.CHAIN_ID).getUuid().toString()).resolve("sm");
        List<Path> snapshots;
        try (Stream<Path> s = Files.list(sm)) {
            snapshots = s.filter(p -> p.getFileName().toString().startsWith("snapshot.")).toList();
        }
        assertThat(snapshots).as("snapshots of %s", n).isNotEmpty();
        for (Path snapshot : snapshots) {
            tamper(snapshot.resolve(SnapshotStorage.LEDGER), column);
        }
    }

    private static void tamper(Path ledger, String column) throws Exception {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        try (Options o = new Options()) {
            for (byte[] name : RocksDB.listColumnFamilies(o, ledger.toString())) {
                descriptors.add(new ColumnFamilyDescriptor(name));
            }
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions(); RocksDB db = RocksDB.open(options, ledger.toString(), descriptors, handles)) {
            ColumnFamilyHandle target = null;
            for (int i = 0; i < descriptors.size(); i++) {
                if (new String(descriptors.get(i).getName(), java.nio.charset.StandardCharsets.UTF_8).equals(column)) {
                    target = handles.get(i);
                }
            }
            assertThat(target).as("column family %s", column).isNotNull();
            try (RocksIterator it = db.newIterator(target)) {
                it.seekToLast();
                assertThat(it.isValid()).isTrue();
                byte[] value = it.value();
                value[value.length - 1] ^= 0x01;
                db.put(target, it.key(), value);
            }
            for (ColumnFamilyHandle h : handles) {
                h.close();
            }
        }
    }
}
