package org.jadechain.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The file work behind {@link RocksLedgerStore}'s checkpoints and store swaps: copying a checkpoint (table files
 * hard-linked), the {@code .incoming} and {@code .old} directories beside the store and finishing a swap a crash
 * interrupted, syncing directories, deleting trees. Stateless.
 */
final class StoreDirectories {
    private static final String INCOMING = ".incoming";
    private static final String OLD = ".old";

    private StoreDirectories() {
    }

    /** Where {@link RocksLedgerStore#replaceWith} prepares the new database beside {@code dir}. */
    static Path incoming(Path dir) {
        return sibling(dir, INCOMING);
    }

    /** Where {@link RocksLedgerStore#replaceWith} moves the old database aside. */
    static Path old(Path dir) {
        return sibling(dir, OLD);
    }

    private static Path sibling(Path dir, String suffix) {
        return dir.resolveSibling(dir.getFileName() + suffix);
    }

    /** Completes or undoes a {@link RocksLedgerStore#replaceWith} that a crash interrupted (see there). */
    static void finishInterruptedReplace(Path dir) throws IOException {
        Path incoming = incoming(dir);
        Path old = old(dir);
        if (!Files.exists(dir)) {
            if (Files.isDirectory(incoming)) {
                Files.move(incoming, dir, StandardCopyOption.ATOMIC_MOVE);
            } else if (Files.isDirectory(old)) {
                Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
            }
            if (Files.exists(dir)) {
                syncDirectory(dir.getParent());
            }
        }
        deleteTree(incoming);
        deleteTree(old);
    }

    /** Table files (immutable) are hard-linked, falling back to a copy; the rest is copied; all synced. */
    static void copyCheckpoint(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(f)) {
                    throw new IOException("unexpected entry in a checkpoint: " + f);
                }
                Path to = target.resolve(f.getFileName().toString());
                boolean linked = false;
                if (f.getFileName().toString().endsWith(".sst")) {
                    try {
                        Files.createLink(to, f);
                        linked = true;
                    } catch (IOException | UnsupportedOperationException e) {
                        linked = false;
                    }
                }
                if (!linked) {
                    Files.copy(f, to);
                    try (FileChannel c = FileChannel.open(to, StandardOpenOption.WRITE)) {
                        c.force(true);
                    }
                }
            }
        }
        syncDirectory(target);
        syncDirectory(target.getParent());
    }

    static void syncDirectory(Path d) throws IOException {
        try (FileChannel c = FileChannel.open(d, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the renames are still atomic
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(q);
            }
        }
    }
}
