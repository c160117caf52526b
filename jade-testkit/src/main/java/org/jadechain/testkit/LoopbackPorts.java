package org.jadechain.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.SplittableRandom;

/**
 * Free loopback ports for servers that tests stop and start again on the same port (Raft peers, node
 * processes). They come from below the kernel's ephemeral range (32768 and up on Linux), so that the
 * source port of some outgoing connection cannot take a stopped server's port before it restarts — with
 * {@code new ServerSocket(0)} that happened, and Ratis then could not bind. Thread-safe.
 */
public final class LoopbackPorts {
    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;
    private static final SplittableRandom RANDOM = new SplittableRandom(System.nanoTime() ^ ProcessHandle.current().pid());
    private static int next = LOW + RANDOM.nextInt(HIGH - LOW);

    private LoopbackPorts() {
    }

    /** One free port. */
    public static int free() {
        return range(1);
    }

    /** The first of {@code count} consecutive free ports. */
    public static synchronized int range(int count) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            if (next + count > HIGH) {
                next = LOW + RANDOM.nextInt(1_000);
            }
            int base = next;
            next += count;
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free loopback ports between " + LOW + " and " + HIGH);
    }

    private static boolean allFree(int base, int count) {
        for (int p = base; p < base + count; p++) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), p));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
