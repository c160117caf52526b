package org.jadechain.core.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SM2 verification of one 200-byte message, step by step (in this package to reach the package-private
 * paths). 64 keys rotate so that no benchmark sees one key only.
 *
 * <ol>
 *   <li>{@code bcSignerReusedKey}: a fresh {@code SM2Signer} on the decoded key parameters (Z<sub>A</sub>
 *       recomputed; s·G and t·Q as two separate multiplications) — {@code SmSuite.verify} before.</li>
 *   <li>{@code bcSignerDecodeEach}: the same with the key decoded from its bytes each time — the node's
 *       path before ({@code TransactionValidator} decodes every sender key).</li>
 *   <li>{@code cachedZShamir}: Z<sub>A</sub> cached per key, Bouncy Castle's {@code sumOfTwoMultiplies}
 *       on the reused point (one doubling chain; tables cached on the point and, after a few uses,
 *       promoted to fixed-point combs), normalised.</li>
 *   <li>{@code fastCachedKey}: {@link Sm2Verifier}: as step 3 without the normalisation (B7 as c·Z² = X), over
 *       comb tables: the generator's and, for these frequent senders, each key's wide one.</li>
 *   <li>{@code fastSmallTable}: the same with each key's small table (a sender seen seldom, but still in the
 *       decoded-key cache).</li>
 *   <li>{@code fastDecodeEach}: the node's path now — {@code decodePublicKey} (cache hit) + fast verify.</li>
 *   <li>{@code fastUncachedKey}: a key never seen: decode, compute Z<sub>A</sub>, build its small table,
 *       verify.</li>
 * </ol>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class Sm2Benchmarks {
    private static final int KEYS = 64;
    private static final SmSuite SM = new SmSuite();

    private final SmPublicKey[] keys = new SmPublicKey[KEYS];
    private final byte[][] encoded = new byte[KEYS][];
    private final byte[][] userHashes = new byte[KEYS][];
    private final byte[][] messages = new byte[KEYS][];
    private final byte[][] signatures = new byte[KEYS][];
    private final Sm2KeyTables smallOnly = new Sm2KeyTables(1, 0);
    private int next;

    @Setup
    public void setUp() throws CryptoException {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < KEYS; i++) {
            KeyPair pair = SM.generateKeyPair(random);
            encoded[i] = pair.publicKey().encoded();
            keys[i] = Sm2.decodeUncached(encoded[i]);
            userHashes[i] = ((SmPrivateKey) pair.privateKey()).userHash();
            messages[i] = new byte[200];
            random.nextBytes(messages[i]);
            signatures[i] = SM.sign(pair.privateKey(), messages[i]);
        }
    }

    private int nextIndex() {
        next = (next + 1) & (KEYS - 1);
        return next;
    }

    @Benchmark
    public boolean bcSignerReusedKey() {
        int i = nextIndex();
        return Sm2.verify(keys[i].parameters(), Sm2.DEFAULT_USER_ID, messages[i], signatures[i]);
    }

    @Benchmark
    public boolean bcSignerDecodeEach() {
        int i = nextIndex();
        ECPoint q = Sm2.DOMAIN.getCurve().decodePoint(encoded[i]);
        return Sm2.verify(new ECPublicKeyParameters(q, Sm2.DOMAIN), Sm2.DEFAULT_USER_ID, messages[i], signatures[i]);
    }

    @Benchmark
    public boolean cachedZShamir() {
        int i = nextIndex();
        byte[] sig = signatures[i];
        byte[] z = userHashes[i];
        BigInteger n = Sm2.DOMAIN.getN();
        BigInteger r = new BigInteger(1, sig, 0, 32);
        BigInteger s = new BigInteger(1, sig, 32, 32);
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
            return false;
        }
        SM3Digest digest = new SM3Digest();
        digest.update(z, 0, z.length);
        digest.update(messages[i], 0, messages[i].length);
        byte[] e = new byte[32];
        digest.doFinal(e, 0);
        BigInteger t = r.add(s).mod(n);
        if (t.signum() == 0) {
            return false;
        }
        ECPoint x1y1 = ECAlgorithms.sumOfTwoMultiplies(Sm2.DOMAIN.getG(), s, keys[i].parameters().getQ(), t).normalize();
        return !x1y1.isInfinity() && r.equals(new BigInteger(1, e).add(x1y1.getAffineXCoord().toBigInteger()).mod(n));
    }

    @Benchmark
    public boolean fastCachedKey() {
        int i = nextIndex();
        return Sm2Verifier.verify(keys[i], messages[i], signatures[i]);
    }

    @Benchmark
    public boolean fastSmallTable() {
        int i = nextIndex();
        return Sm2Verifier.verify(keys[i], messages[i], signatures[i], smallOnly);
    }

    @Benchmark
    public boolean fastDecodeEach() throws CryptoException {
        int i = nextIndex();
        return SM.verify(SM.decodePublicKey(encoded[i]), messages[i], signatures[i]);
    }

    @Benchmark
    public boolean fastUncachedKey() throws CryptoException {
        int i = nextIndex();
        return Sm2Verifier.verify(Sm2.decodeUncached(encoded[i]), messages[i], signatures[i], smallOnly);
    }
}
