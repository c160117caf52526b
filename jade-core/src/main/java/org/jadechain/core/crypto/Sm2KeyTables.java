package org.jadechain.core.crypto;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Which comb table verifies a key's next signature: the key's own small table ({@link Sm2Comb#SMALL_TEETH},
 * 2 KB, kept on the key) or a wide one ({@link Sm2Comb#WIDE_TEETH}, 16 KB, about a quarter faster to verify
 * with), held here for at most about {@code 2 × hotKeys} frequent senders.
 *
 * <p>A key earns a wide table when it comes back within {@code reuseDistance} verifications of its previous
 * one (counted over all keys on this node): a sender that would stay in a least-recently-used set of that
 * size. So a node with a few thousand busy senders verifies all of them on wide tables, and a node whose
 * senders are many and each seldom seen does not build a 16 KB table per payment only to evict it before the
 * sender's next one; each of those senders keeps its small table for as long as the decoded-key cache keeps
 * the key. Building a wide table costs about five verifications, a small one about one.
 *
 * <p>Only speed depends on this: both tables give the same s·G + t·Q. Thread-safe: the counter is atomic,
 * a key's last-use stamp is written without synchronisation (a lost update only misjudges one reuse).
 */
final class Sm2KeyTables {
    /** Wide tables per generation: at most about 2 × 2,048 are held, ≈ 64 MB. */
    static final int HOT_KEYS = 2_048;

    private final GenerationalCache<SmPublicKey, Sm2Comb> wide;
    private final long reuseDistance;
    private final AtomicLong verifications = new AtomicLong();

    Sm2KeyTables(int hotKeys, long reuseDistance) {
        this.wide = new GenerationalCache<>(hotKeys);
        this.reuseDistance = reuseDistance;
    }

    /** The node's tables: wide for senders seen again within 2,048 verifications. */
    static Sm2KeyTables standard() {
        return new Sm2KeyTables(HOT_KEYS, HOT_KEYS);
    }

    /** The table for verifying one signature of {@code key} now; counts the verification. */
    Sm2Comb forVerification(SmPublicKey key) {
        long now = verifications.incrementAndGet();
        long last = key.swapLastVerification(now);
        Sm2Comb table = wide.get(key);
        if (table != null) {
            return table;
        }
        if (last != SmPublicKey.NEVER_VERIFIED && now - last <= reuseDistance) {
            return makeWide(key);
        }
        return key.smallComb();
    }

    /** Builds both of a key's tables ahead of its first payment ({@link SmSuite#prepareToVerify}). */
    void prepare(SmPublicKey key) {
        key.smallComb();
        if (wide.get(key) == null) {
            makeWide(key);
        }
    }

    /** Whether a wide table is held for the key; for tests. */
    boolean hasWide(SmPublicKey key) {
        return wide.get(key) != null;
    }

    /** Wide tables held now; for tests. */
    int wideHeld() {
        return wide.size();
    }

    private Sm2Comb makeWide(SmPublicKey key) {
        Sm2Comb table = Sm2Comb.of(key.parameters().getQ(), Sm2Comb.WIDE_TEETH);
        wide.put(key, table);
        return table;
    }
}
