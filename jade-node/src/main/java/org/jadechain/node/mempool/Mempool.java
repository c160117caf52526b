package org.jadechain.node.mempool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.Nonces;
import org.jadechain.core.ledger.CommitListener;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.ledger.TransactionSource;
import org.jadechain.core.model.Transaction;

/**
 * The bounded queue of accepted transactions waiting for a block. Admission is strict: the signature
 * has been verified, the hash is new, and the nonce is exactly the sender's next one counting what is
 * already pending — so every accepted transaction will execute with a valid nonce, in arrival order.
 * When full, new transactions are refused (HTTP 503) and nothing accepted is ever dropped: a transaction
 * leaves only when the block holding it is committed. Thread-safe (one lock).
 */
public final class Mempool implements TransactionSource, CommitListener {
    private final int capacity;
    private final LongSupplier clock;
    private final LedgerStore store;
    private final CryptoSuite suite;

    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final Map<Hash, Address> pending = new HashMap<>();
    private final Map<Address, SenderState> senders = new HashMap<>();
    private int inFlight;
    /** Queue length at which admitting wakes the threads in {@link #awaitReady}: not at every admission. */
    private int wakeAt = Integer.MAX_VALUE;
    private int waiters;

    private record Entry(CheckedTransaction tx, Address sender, long arrival) {
    }

    private static final class SenderState {
        long nextNonce;
        int count;
    }

    public Mempool(int capacity, LongSupplier clock, LedgerStore store, CryptoSuite suite) {
        this.capacity = capacity;
        this.clock = clock;
        this.store = store;
        this.suite = suite;
    }

    public int capacity() {
        return capacity;
    }

    public synchronized int size() {
        return queue.size() + inFlight;
    }

    public synchronized boolean contains(Hash txHash) {
        return pending.containsKey(txHash);
    }

    /** Offers a checked transaction; see the class comment for the rules. */
    public Admission admit(CheckedTransaction checked) {
        if (!checked.valid()) {
            return Admission.refused(checked.result().name(), checked.message(), 400);
        }
        Transaction tx = checked.transaction();
        Hash hash = tx.hash();
        // a committed copy is looked up outside the lock: this transaction cannot commit before it is admitted
        // here, and a copy admitted meanwhile by another request is caught under the lock
        if (store.locate(hash) != null) {
            return duplicate(hash);
        }
        synchronized (this) {
            return admitUnlocked(checked, tx, hash);
        }
    }

    private static Admission duplicate(Hash hash) {
        return Admission.refused("DUPLICATE", "transaction " + hash.hex() + " was already submitted", 409);
    }

    private Admission admitUnlocked(CheckedTransaction checked, Transaction tx, Hash hash) {
        if (pending.containsKey(hash)) {
            return duplicate(hash);
        }
        if (queue.size() + inFlight >= capacity) {
            return Admission.refused("MEMPOOL_FULL", "the node's queue of " + capacity
                    + " pending transactions is full; retry shortly", 503);
        }
        Address sender = suite.address(checked.sender());
        long committed = Nonces.next(store, sender);
        SenderState s = senders.get(sender);
        long expected = s == null ? committed : s.nextNonce;
        if (tx.nonce() != expected) {
            String why = tx.nonce() < committed ? "nonce " + tx.nonce() + " was already used"
                    : "nonce " + tx.nonce() + " is not the sender's next nonce " + expected;
            return Admission.refused("BAD_NONCE", why, 409);
        }
        if (s == null) {
            s = new SenderState();
            senders.put(sender, s);
        }
        s.nextNonce = expected + 1;
        s.count++;
        pending.put(hash, sender);
        queue.addLast(new Entry(checked, sender, clock.getAsLong()));
        if (queue.size() >= wakeAt) {
            notifyAll();
        }
        return Admission.ok();
    }

    /** The next nonce a sender should use, counting pending transactions. */
    public synchronized long pendingNonce(Address sender) {
        SenderState s = senders.get(sender);
        return s == null ? Nonces.next(store, sender) : s.nextNonce;
    }

    @Override
    public synchronized int ready() {
        return queue.size();
    }

    @Override
    public synchronized long oldestArrival() {
        Entry e = queue.peekFirst();
        return e == null ? -1 : e.arrival();
    }

    @Override
    public synchronized List<CheckedTransaction> take(int max) {
        int n = Math.min(max, queue.size());
        List<CheckedTransaction> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(queue.pollFirst().tx());
        }
        inFlight += n;
        return out;
    }

    @Override
    public synchronized void awaitReady(long timeoutMillis) throws InterruptedException {
        awaitReady(1, timeoutMillis);
    }

    @Override
    public synchronized void awaitReady(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        long left = timeoutMillis;
        waiters++;
        wakeAt = Math.min(wakeAt, Math.max(1, count));
        try {
            while (queue.size() < count && left > 0) {
                wait(left);
                left = (deadline - System.nanoTime()) / 1_000_000;
            }
        } finally {
            if (--waiters == 0) {
                wakeAt = Integer.MAX_VALUE;
            }
        }
    }

    @Override
    public synchronized void committed(CommittedBlock block) {
        for (Transaction tx : block.block().transactions()) {
            Address sender = pending.remove(tx.hash());
            if (sender == null) {
                continue;
            }
            inFlight--;
            SenderState s = senders.get(sender);
            if (s != null && --s.count == 0) {
                senders.remove(sender);
            }
        }
    }
}
