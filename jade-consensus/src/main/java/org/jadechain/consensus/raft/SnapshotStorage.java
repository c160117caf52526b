package org.jadechain.consensus.raft;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;
import org.jadechain.core.crypto.Hash;

/**
 * The Ratis snapshots of one node (ADR 0008), in the state machine directory that Ratis ships to followers:
 * {@code sm/snapshot.<term>_<index>/ledger/} (a ledger store checkpoint) and {@code .../position} (the height and
 * header hash of the checkpoint's head, as text). A snapshot is written under a {@code tmp-} name and renamed
 * when complete, so a directory with the final name is always whole. The two newest are kept.
 *
 * <p>Threading: written and cleaned on Ratis's apply thread; {@link #getLatestSnapshot()} may be read from any.
 */
final class SnapshotStorage implements StateMachineStorage {
    static final String LEDGER = "ledger";
    private static final String POSITION = "position";
    private static final String TMP = "tmp-";
    private static final Pattern NAME = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");
    private static final int KEEP = 2;

    /** A snapshot on disk: Ratis's term and index, and the block its ledger copy ends with. */
    record Snapshot(TermIndex termIndex, Path dir, long height, Hash headerHash, FileListSnapshotInfo info) {
        Path ledger() {
            return dir.resolve(LEDGER);
        }
    }

    /** Writes the ledger copy into a directory that does not exist yet. */
    interface CopyWriter {
        void write(Path target) throws IOException;
    }

    private volatile Path smDir;
    private volatile Snapshot latest;

    @Override
    public void init(RaftStorage storage) throws IOException {
        smDir = storage.getStorageDir().getStateMachineDir().toPath();
        Files.createDirectories(smDir);
        try (Stream<Path> entries = Files.list(smDir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                if (p.getFileName().toString().startsWith(TMP)) {
                    deleteTree(p);
                }
            }
        }
        reload();
    }

    /** Re-reads the newest snapshot from disk, e.g. after Ratis installed one received from the leader. */
    Snapshot reload() throws IOException {
        dropTransferDigests();
        Snapshot newest = null;
        for (Path dir : snapshotDirs()) {
            newest = read(dir);
            break;
        }
        latest = newest;
        return newest;
    }

    /** Ratis leaves a {@code .md5} beside each received file once checked; they are not part of the snapshot. */
    private void dropTransferDigests() throws IOException {
        for (Path dir : snapshotDirs()) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) all.filter(f -> f.getFileName().toString().endsWith(".md5"))::iterator) {
                    Files.delete(p);
                }
            }
        }
    }

    Snapshot latest() {
        return latest;
    }

    @Override
    public SnapshotInfo getLatestSnapshot() {
        Snapshot s = latest;
        return s == null ? null : s.info();
    }

    @Override
    public void format() {
    }

    @Override
    public void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
        List<Path> dirs = snapshotDirs();
        for (int i = KEEP; i < dirs.size(); i++) {
            deleteTree(dirs.get(i));
        }
    }

    /** Writes a complete snapshot for {@code termIndex} whose ledger copy ends with that block. */
    Snapshot write(TermIndex termIndex, long height, Hash headerHash, CopyWriter copy) throws IOException {
        String name = "snapshot." + termIndex.getTerm() + "_" + termIndex.getIndex();
        Path tmp = smDir.resolve(TMP + name);
        Path dir = smDir.resolve(name);
        deleteTree(tmp);
        Files.createDirectories(tmp);
        copy.write(tmp.resolve(LEDGER));
        Path position = tmp.resolve(POSITION);
        Files.writeString(position, height + "\n" + headerHash.hex() + "\n", StandardCharsets.UTF_8);
        try (FileChannel c = FileChannel.open(position, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        deleteTree(dir);
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        Snapshot s = read(dir);
        latest = s;
        return s;
    }

    /** Snapshot directories, newest (highest index) first. */
    private List<Path> snapshotDirs() throws IOException {
        List<Path> out = new ArrayList<>();
        if (smDir == null || !Files.isDirectory(smDir)) {
            return out;
        }
        try (Stream<Path> entries = Files.list(smDir)) {
            entries.filter(p -> Files.isDirectory(p) && NAME.matcher(p.getFileName().toString()).matches()).forEach(out::add);
        }
        out.sort(Comparator.comparingLong((Path p) -> termIndex(p).getIndex()).reversed());
        return out;
    }

    private static TermIndex termIndex(Path dir) {
        Matcher m = NAME.matcher(dir.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a snapshot directory: " + dir);
        }
        return TermIndex.valueOf(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    private static Snapshot read(Path dir) throws IOException {
        TermIndex ti = termIndex(dir);
        List<String> lines = Files.readAllLines(dir.resolve(POSITION), StandardCharsets.UTF_8);
        long height;
        Hash hash;
        try {
            height = Long.parseLong(lines.get(0).trim());
            hash = Hash.fromHex(lines.get(1).trim());
        } catch (RuntimeException e) {
            throw new IOException("snapshot " + dir + " has an unreadable position file: " + e.getMessage(), e);
        }
        List<FileInfo> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).sorted().forEach(p -> files.add(new FileInfo(p.toAbsolutePath(), null)));
        }
        return new Snapshot(ti, dir, height, hash, new FileListSnapshotInfo(files, ti));
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(q);
            }
        }
    }
}
