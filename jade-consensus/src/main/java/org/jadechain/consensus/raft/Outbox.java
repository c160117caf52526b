package org.jadechain.consensus.raft;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.model.Transaction;

/**
 * Transactions this node is responsible for until they are committed: taken from its own
 * {@link org.jadechain.core.ledger.TransactionSource}, or forwarded to it while it was leader. The leader
 * proposes from here; a follower forwards from here to the leader, again after a leader change or when
 * a forward was not followed by a commit in time. An entry leaves only when a committed block holds it,
 * so a leader change loses nothing this node accepted. In arrival order, no duplicates. Thread-safe.
 */
final class Outbox {
    private static final class Entry {
        final CheckedTransaction tx;
        final long arrivedNanos;
        String forwardedTo;
        long forwardedAtNanos;

        Entry(CheckedTransaction tx, long arrivedNanos) {
            this.tx = tx;
            this.arrivedNanos = arrivedNanos;
        }
    }

    private final Map<Hash, Entry> entries = new LinkedHashMap<>();

    /** @return false when the transaction is already here */
    synchronized boolean add(CheckedTransaction tx, long nowNanos) {
        Hash h = tx.transaction().hash();
        if (entries.containsKey(h)) {
            return false;
        }
        entries.put(h, new Entry(tx, nowNanos));
        return true;
    }

    synchronized int size() {
        return entries.size();
    }

    /** Arrival (System.nanoTime) of the oldest entry, or -1. */
    synchronized long oldestArrivalNanos() {
        Iterator<Entry> it = entries.values().iterator();
        return it.hasNext() ? it.next().arrivedNanos : -1;
    }

    /** Up to {@code max} entries, oldest first; they stay here until committed. */
    synchronized List<CheckedTransaction> first(int max) {
        List<CheckedTransaction> out = new ArrayList<>(Math.min(max, entries.size()));
        for (Entry e : entries.values()) {
            if (out.size() >= max) {
                break;
            }
            out.add(e.tx);
        }
        return out;
    }

    /**
     * Entries not yet forwarded to {@code leader}, or forwarded longer than {@code resendNanos} ago; marks
     * them as forwarded now.
     */
    synchronized List<CheckedTransaction> dueForForwarding(String leader, long nowNanos, long resendNanos, int max) {
        List<CheckedTransaction> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (out.size() >= max) {
                break;
            }
            if (!leader.equals(e.forwardedTo) || nowNanos - e.forwardedAtNanos >= resendNanos) {
                e.forwardedTo = leader;
                e.forwardedAtNanos = nowNanos;
                out.add(e.tx);
            }
        }
        return out;
    }

    /** Makes the transactions due for forwarding again (their forward failed). */
    synchronized void forwardFailed(List<CheckedTransaction> txs) {
        for (CheckedTransaction t : txs) {
            Entry e = entries.get(t.transaction().hash());
            if (e != null) {
                e.forwardedTo = null;
            }
        }
    }

    synchronized void remove(Hash txHash) {
        entries.remove(txHash);
    }

    synchronized void removeAll(List<Transaction> txs) {
        for (Transaction t : txs) {
            entries.remove(t.hash());
        }
    }
}
