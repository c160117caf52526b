package org.jadechain.core.exec;

import java.nio.ByteBuffer;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateOverlay;
import org.jadechain.core.state.StateReader;

/**
 * The queue of scheduled triggers, kept in state (namespace {@value #NAMESPACE}) as a binary min-heap
 * ordered by (time, sequence): {@code size}, {@code seq} (next sequence number) and {@code h/<i>} for
 * slot i. Push and pop cost O(log n) reads and writes; order never depends on anything but state.
 */
public final class Scheduler {
    public static final String NAMESPACE = "sys.sched";
    private static final byte[] SIZE = StateKeys.fullKey(NAMESPACE, "size");
    private static final byte[] SEQ = StateKeys.fullKey(NAMESPACE, "seq");

    private final StateOverlay state;

    public Scheduler(StateOverlay state) {
        this.state = state;
    }

    /** The earliest pending trigger's time, or {@code Long.MAX_VALUE} when none is pending. */
    public static long earliest(StateReader state) {
        byte[] top = state.get(slotKey(0));
        if (top == null) {
            return Long.MAX_VALUE;
        }
        return decode(top).time();
    }

    public static long pending(StateReader state) {
        return readLong(state, SIZE);
    }

    public long push(long time, String contract, String method, byte[] args) {
        long seq = readLong(state, SEQ);
        state.put(SEQ, longBytes(seq + 1));
        Trigger t = new Trigger(time, seq, contract, method, args);
        long size = readLong(state, SIZE);
        long i = size;
        state.put(SIZE, longBytes(size + 1));
        while (i > 0) {
            long parent = (i - 1) / 2;
            Trigger p = get(parent);
            if (!less(t, p)) {
                break;
            }
            put(i, p);
            i = parent;
        }
        put(i, t);
        return seq;
    }

    /** Removes and returns the earliest trigger if it is due at {@code now}, else null. */
    public Trigger popDue(long now) {
        long size = readLong(state, SIZE);
        if (size == 0) {
            return null;
        }
        Trigger top = get(0);
        if (top.time() > now) {
            return null;
        }
        Trigger last = get(size - 1);
        state.delete(slotKey(size - 1));
        size--;
        state.put(SIZE, longBytes(size));
        if (size > 0) {
            long i = 0;
            while (true) {
                long l = 2 * i + 1;
                long r = l + 1;
                long smallest = i;
                Trigger s = last;
                if (l < size) {
                    Trigger lt = get(l);
                    if (less(lt, s)) {
                        smallest = l;
                        s = lt;
                    }
                }
                if (r < size) {
                    Trigger rt = get(r);
                    if (less(rt, s)) {
                        smallest = r;
                        s = rt;
                    }
                }
                if (smallest == i) {
                    break;
                }
                put(i, s);
                i = smallest;
            }
            put(i, last);
        }
        return top;
    }

    private static boolean less(Trigger a, Trigger b) {
        return a.time() != b.time() ? a.time() < b.time() : a.sequence() < b.sequence();
    }

    private Trigger get(long i) {
        byte[] v = state.get(slotKey(i));
        if (v == null) {
            throw new IllegalStateException("scheduler heap slot " + i + " missing: state is corrupt");
        }
        return decode(v);
    }

    private void put(long i, Trigger t) {
        ByteWriter w = new ByteWriter(64 + t.args().length);
        w.i64(t.time()).varint(t.sequence()).string(t.contract()).string(t.method()).bytes(t.args());
        state.put(slotKey(i), w.toByteArray());
    }

    private static Trigger decode(byte[] v) {
        try {
            ByteReader r = new ByteReader(v);
            Trigger t = new Trigger(r.i64("time"), r.varint("sequence"), r.string("contract", Limits.MAX_NAME_BYTES),
                    r.string("method", Limits.MAX_NAME_BYTES), r.bytes("args", Limits.MAX_ARGS_BYTES));
            r.expectEnd("trigger");
            return t;
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt scheduler entry: " + e.getMessage(), e);
        }
    }

    private static byte[] slotKey(long i) {
        byte[] k = new byte[2 + 8];
        k[0] = 'h';
        k[1] = '/';
        ByteBuffer.wrap(k, 2, 8).putLong(i);
        return StateKeys.fullKey(NAMESPACE, k);
    }

    private static long readLong(StateReader s, byte[] key) {
        byte[] v = s.get(key);
        return v == null ? 0 : ByteBuffer.wrap(v).getLong();
    }

    private static byte[] longBytes(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }
}
