package org.jadechain.core.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link Sm2Benchmarks} steps (and, for scale, the {@code intl} suite's Ed25519 verification, with the key
 * from the suite's cache and decoded afresh) timed by
 * this thread's CPU time, best of several rounds, all steps
 * interleaved in one JVM: a supplement to JMH for a machine shared with other work, where wall-clock rates
 * swing with the other processes but the best CPU-time round barely does. Not a JMH benchmark.
 *
 * <p>Run: {@code java -cp "jade-bench/target/jade-bench-0.1.0-SNAPSHOT.jar:jade-bench/target/lib/*"
 * org.jadechain.core.crypto.Sm2CpuTime [rounds] [calls per round]}
 */
public final class Sm2CpuTime {
    private Sm2CpuTime() {
    }

    @FunctionalInterface
    private interface Step {
        boolean run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Sm2Benchmarks b = new Sm2Benchmarks();
        b.setUp();
        Map<String, Step> steps = new LinkedHashMap<>();
        steps.put("bcSignerReusedKey", b::bcSignerReusedKey);
        steps.put("bcSignerDecodeEach", b::bcSignerDecodeEach);
        steps.put("cachedZShamir", b::cachedZShamir);
        steps.put("fastCachedKey", b::fastCachedKey);
        steps.put("fastSmallTable", b::fastSmallTable);
        steps.put("fastDecodeEach", b::fastDecodeEach);
        steps.put("fastUncachedKey", b::fastUncachedKey);
        CryptoSuite intl = CryptoSuites.of(SuiteId.INTL);
        KeyPair ed = intl.generateKeyPair(new java.security.SecureRandom());
        byte[] edKey = ed.publicKey().encoded();
        byte[] message = new byte[200];
        byte[] edSignature = intl.sign(ed.privateKey(), message);
        steps.put("intlEd25519DecodeEach", () -> intl.verify(intl.decodePublicKey(edKey), message, edSignature));
        steps.put("intlEd25519Uncached", () -> intl.verify(IntlSuite.decodeUncached(edKey), message, edSignature));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> best = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Step> step : steps.entrySet()) {
                long start = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    if (!step.getValue().run()) {
                        throw new IllegalStateException(step.getKey() + " rejected a valid signature");
                    }
                }
                best.merge(step.getKey(), mx.getCurrentThreadCpuTime() - start, Math::min);
            }
        }
        double base = calls * 1e9 / best.get("bcSignerDecodeEach");
        System.out.printf("%-20s %14s %10s%n", "step", "verify/CPU-s", "vs node");
        for (Map.Entry<String, Long> e : best.entrySet()) {
            double rate = calls * 1e9 / e.getValue();
            System.out.printf("%-20s %14.0f %9.2fx%n", e.getKey(), rate, rate / base);
        }
    }
}
