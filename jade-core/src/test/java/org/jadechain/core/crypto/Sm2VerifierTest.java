package org.jadechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fast verification path ({@link Sm2Verifier} behind {@link SmSuite#verify}) against unmodified Bouncy
 * Castle's {@code SM2Signer}: signatures made by {@code SM2Signer} with random nonces, then verified by both,
 * as made and tampered in every way a transaction can be (signature bit, message bit, other key, r or s
 * replaced by 0, n, n + small, or each other). The decisions must agree on every case.
 *
 * <p>Every other key is checked on its small comb table only, the others as a node checks them (a wide table
 * from the key's second use). The default run checks 2,000 key/message pairs (three decisions each). The tagged run checks 1,000,000 (or
 * {@code -Dsm2.pairs=N}); see docs/PERFORMANCE.md for the command and its recorded outcome.
 */
class Sm2VerifierTest {
    private static final SmSuite SM = new SmSuite();
    private static final BigInteger N = Sm2.DOMAIN.getN();
    /** A new key every this many pairs, so that both fresh and cached keys are exercised. */
    private static final int PAIRS_PER_KEY = 8;
    /** Tables that never give a key a wide comb: its small one verifies every signature. */
    private static final Sm2KeyTables SMALL_ONLY = new Sm2KeyTables(1, 0);

    @Test
    void agreesWithBouncyCastleOnTwoThousandRandomPairs() throws Exception {
        Outcome o = crossCheck(2_000, Runtime.getRuntime().availableProcessors(), 20251125L);
        assertThat(o.mismatches.get()).as(o.toString()).isZero();
        assertThat(o.accepted.get()).as(o.toString()).isEqualTo(2_000);
    }

    @Test
    @Tag("long")
    void agreesWithBouncyCastleOnAMillionRandomPairs() throws Exception {
        int pairs = Integer.getInteger("sm2.pairs", 1_000_000);
        long started = System.nanoTime();
        Outcome o = crossCheck(pairs, Runtime.getRuntime().availableProcessors(), 20261125L);
        System.out.printf("SM2 fast path vs SM2Signer: %s in %.0f s%n", o, (System.nanoTime() - started) / 1e9);
        assertThat(o.mismatches.get()).as(o.toString()).isZero();
        assertThat(o.accepted.get()).as(o.toString()).isEqualTo(pairs);
    }

    @Test
    void rejectsROrSOutOfRangeAndTZero() throws CryptoException {
        KeyPair pair = SmSuite.keyPair(new BigInteger("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8", 16));
        byte[] message = "message digest".getBytes(StandardCharsets.US_ASCII);
        byte[] good = SM.sign(pair.privateKey(), message);
        BigInteger r = new BigInteger(1, good, 0, 32);
        BigInteger s = new BigInteger(1, good, 32, 32);
        assertThat(SM.verify(pair.publicKey(), message, good)).isTrue();
        BigInteger[][] bad = {
            {BigInteger.ZERO, s}, {r, BigInteger.ZERO}, {N, s}, {r, N}, {r.add(N), s}, {r, s.add(N)},
            {N.subtract(s), s}, // t = r + s = n ≡ 0
            {s, r}, {r.add(BigInteger.ONE), s}, {r, s.add(BigInteger.ONE)},
        };
        for (BigInteger[] rs : bad) {
            byte[] sig = rs[0].bitLength() > 256 || rs[1].bitLength() > 256 ? null : encode(rs[0], rs[1]);
            if (sig != null) {
                assertThat(SM.verify(pair.publicKey(), message, sig)).as("r=%s s=%s", rs[0], rs[1]).isFalse();
                assertThat(reference(pair.publicKey(), message, sig)).isFalse();
            }
        }
        assertThat(SM.verify(pair.publicKey(), message, Arrays.copyOf(good, 63))).isFalse();
        assertThat(SM.verify(pair.publicKey(), message, Arrays.copyOf(good, 65))).isFalse();
        assertThat(SM.verify(pair.publicKey(), message, null)).isFalse();
        assertThat(SM.verify(pair.publicKey(), null, good)).isFalse();
        assertThat(SM.verify(CryptoSuites.of(SuiteId.INTL).generateKeyPair(new SecureRandom()).publicKey(), message, good))
                .isFalse();
    }

    @Test
    void aCachedKeyDoesNotLetAnInvalidEncodingThrough() throws CryptoException {
        KeyPair pair = SM.generateKeyPair(new SecureRandom());
        byte[] encoded = pair.publicKey().encoded();
        assertThat(SM.decodePublicKey(encoded)).isEqualTo(pair.publicKey());
        assertThat(SM.decodePublicKey(encoded)).isSameAs(SM.decodePublicKey(encoded.clone()));
        byte[] offCurve = encoded.clone();
        offCurve[64] ^= 1;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SM.decodePublicKey(offCurve))
                .isInstanceOf(CryptoException.class);
        assertThat(SM.decodePublicKey(encoded).unsafeEncoded()).isEqualTo(encoded);
    }

    @Test
    void theKeyCacheStaysBoundedAndKeepsRecentKeys() throws CryptoException {
        DecodedKeyCache<SmPublicKey> cache = new DecodedKeyCache<>(4);
        SmPublicKey[] keys = new SmPublicKey[20];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Sm2.decodeUncached(SM.generateKeyPair(new SecureRandom()).publicKey().unsafeEncoded());
            cache.put(keys[i]);
            assertThat(cache.size()).isLessThanOrEqualTo(8);
        }
        assertThat(cache.get(keys[19].encoded())).isSameAs(keys[19]);
        assertThat(cache.get(keys[0].encoded())).isNull();
    }

    @Test
    void aPreparedKeyHasItsTablesBeforeItsFirstUseAndTheSameDecisions() throws CryptoException {
        KeyPair pair = SM.generateKeyPair(new SecureRandom());
        byte[] message = "first payment".getBytes(StandardCharsets.US_ASCII);
        byte[] good = SM.sign(pair.privateKey(), message);
        byte[] bad = good.clone();
        bad[5] ^= 1;
        SmPublicKey key = Sm2.decodeUncached(pair.publicKey().unsafeEncoded());
        assertThat(key.hasSmallComb()).isFalse();
        assertThat(Sm2Verifier.TABLES.hasWide(key)).isFalse();

        SM.prepareToVerify(key);
        SM.prepareToVerify(key);

        assertThat(key.hasSmallComb()).isTrue();
        assertThat(Sm2Verifier.TABLES.hasWide(key)).isTrue();
        assertThat(SM.verify(key, message, good)).isTrue();
        assertThat(SM.verify(key, message, bad)).isFalse();
        assertThat(reference(key, message, bad)).isFalse();
        PublicKey intlKey = CryptoSuites.of(SuiteId.INTL).generateKeyPair(new SecureRandom()).publicKey();
        org.assertj.core.api.Assertions.assertThatCode(() -> SM.prepareToVerify(intlKey)).doesNotThrowAnyException();
    }

    /** Every decision is the same whichever of its tables verifies a key: small only, or wide from the second use. */
    @Test
    void smallAndWideTablesDecideAlike() throws CryptoException {
        Sm2KeyTables smallOnly = new Sm2KeyTables(4, 0);
        Sm2KeyTables wideSoon = new Sm2KeyTables(4, Long.MAX_VALUE);
        SecureRandom random = new SecureRandom();
        SplittableRandom cheap = new SplittableRandom(20261208L);
        for (int k = 0; k < 40; k++) {
            KeyPair pair = SM.generateKeyPair(random);
            SmPublicKey forSmall = Sm2.decodeUncached(pair.publicKey().unsafeEncoded());
            SmPublicKey forWide = Sm2.decodeUncached(pair.publicKey().unsafeEncoded());
            for (int i = 0; i < 3; i++) {
                byte[] message = new byte[cheap.nextInt(0, 120)];
                cheap.nextBytes(message);
                byte[] signature = signWithBouncyCastle(pair, message, random);
                byte[][] variant = tamper(signature, message, cheap);
                for (byte[][] m : new byte[][][] {{signature, message}, variant}) {
                    boolean expected = reference(pair.publicKey(), m[1], m[0]);
                    assertThat(Sm2Verifier.verify(forSmall, m[1], m[0], smallOnly)).isEqualTo(expected);
                    assertThat(Sm2Verifier.verify(forWide, m[1], m[0], wideSoon)).isEqualTo(expected);
                }
            }
            assertThat(smallOnly.hasWide(forSmall)).isFalse();
            assertThat(wideSoon.hasWide(forWide)).isTrue();
        }
    }

    @Test
    void threadsSharingCachedKeysGetTheSameDecisions() throws Exception {
        int keys = 8;
        byte[][] encoded = new byte[keys][];
        byte[][] messages = new byte[keys][];
        byte[][] signatures = new byte[keys][];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < keys; i++) {
            KeyPair pair = SM.generateKeyPair(random);
            encoded[i] = pair.publicKey().encoded();
            messages[i] = new byte[100];
            random.nextBytes(messages[i]);
            signatures[i] = SM.sign(pair.privateKey(), messages[i]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            java.util.List<Future<Integer>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int n = 0; n < 100; n++) {
                        int i = n % keys;
                        PublicKey key = SM.decodePublicKey(encoded[i]);
                        byte[] bad = signatures[i].clone();
                        bad[n % 64] ^= 1;
                        wrong += SM.verify(key, messages[i], signatures[i]) ? 0 : 1;
                        wrong += SM.verify(key, messages[i], bad) ? 1 : 0;
                        wrong += SM.verify(key, messages[(i + 1) % keys], signatures[i]) ? 1 : 0;
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** B7 without inversion, including the rare branch where x1 is in [n, p), which random signatures never reach. */
    @Test
    void comparesTheAffineXOfAJacobianPointModuloN() {
        BigInteger p = Sm2.DOMAIN.getCurve().getField().getCharacteristic();
        ECPoint g = Sm2.DOMAIN.getG();
        int found = 0;
        for (BigInteger x = N; x.compareTo(p) < 0 && found < 3; x = x.add(BigInteger.ONE)) {
            byte[] compressed = new byte[33];
            compressed[0] = 0x02;
            System.arraycopy(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, x), 0, compressed, 1, 32);
            ECPoint point;
            try {
                point = Sm2.DOMAIN.getCurve().decodePoint(compressed);
            } catch (IllegalArgumentException notOnCurve) {
                continue;
            }
            found++;
            ECPoint jacobian = point.add(g).subtract(g);
            assertThat(jacobian.getZCoord(0).isOne()).isFalse();
            BigInteger c = x.mod(N);
            assertThat(Sm2Verifier.affineXMatches(jacobian, c)).isTrue();
            assertThat(Sm2Verifier.affineXMatches(jacobian, c.add(BigInteger.ONE))).isFalse();
        }
        assertThat(found).isEqualTo(3);
        ECPoint q = g.multiply(BigInteger.valueOf(12345)).add(g);
        BigInteger x = q.normalize().getAffineXCoord().toBigInteger();
        assertThat(Sm2Verifier.affineXMatches(q, x.mod(N))).isTrue();
        assertThat(Sm2Verifier.affineXMatches(q, x.add(BigInteger.ONE).mod(N))).isFalse();
    }

    private static Outcome crossCheck(int pairs, int threads, long seed) throws Exception {
        Outcome outcome = new Outcome();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Future<?>[] parts = new Future<?>[threads];
            for (int p = 0; p < threads; p++) {
                int part = p;
                parts[p] = pool.submit(() -> {
                    checkRange(pairs * (long) part / threads, pairs * (long) (part + 1) / threads, seed + part, outcome);
                    return null;
                });
            }
            for (Future<?> f : parts) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return outcome;
    }

    private static void checkRange(long from, long to, long seed, Outcome outcome) throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        SplittableRandom cheap = new SplittableRandom(seed);
        KeyPair key = null;
        KeyPair other = SM.generateKeyPair(random);
        for (long i = from; i < to; i++) {
            if (key == null || i % PAIRS_PER_KEY == 0) {
                other = key == null ? other : key;
                key = SM.generateKeyPair(random);
            }
            byte[] message = new byte[cheap.nextInt(0, 300)];
            cheap.nextBytes(message);
            byte[] signature = signWithBouncyCastle(key, message, random);
            // Each key is decoded from its bytes as a node does (the cache may return the same object). Every
            // other key is verified on small comb tables only; the rest as a node verifies (wide from reuse).
            SmPublicKey decoded = (SmPublicKey) SM.decodePublicKey(key.publicKey().encoded());
            Sm2KeyTables tables = (i / PAIRS_PER_KEY) % 2 == 0 ? SMALL_ONLY : Sm2Verifier.TABLES;
            boolean fast = Sm2Verifier.verify(decoded, message, signature, tables);
            if (fast) {
                outcome.accepted.incrementAndGet();
            }
            compare(fast, reference(key.publicKey(), message, signature), outcome);
            byte[][] variant = tamper(signature, message, cheap);
            compare(Sm2Verifier.verify(decoded, variant[1], variant[0], tables),
                    reference(key.publicKey(), variant[1], variant[0]), outcome);
            compare(Sm2Verifier.verify((SmPublicKey) other.publicKey(), message, signature, tables),
                    reference(other.publicKey(), message, signature), outcome);
            outcome.checks.addAndGet(3);
        }
    }

    /** One of: a flipped signature bit, a flipped message bit, r or s set to 0, n or n + 1, r and s swapped. */
    private static byte[][] tamper(byte[] signature, byte[] message, SplittableRandom random) {
        byte[] sig = signature.clone();
        byte[] msg = message.clone();
        BigInteger r = new BigInteger(1, sig, 0, 32);
        BigInteger s = new BigInteger(1, sig, 32, 32);
        switch (random.nextInt(8)) {
            case 0, 1, 2 -> sig[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
            case 3 -> {
                if (msg.length == 0) {
                    msg = new byte[] {0};
                } else {
                    msg[random.nextInt(msg.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 4 -> sig = encode(random.nextBoolean() ? BigInteger.ZERO : r, random.nextBoolean() ? s : BigInteger.ZERO);
            case 5 -> sig = encode(random.nextBoolean() ? N : r, random.nextBoolean() ? s : N.add(BigInteger.ONE));
            case 6 -> sig = encode(s, r);
            default -> sig = encode(N.subtract(s), s);
        }
        return new byte[][] {sig, msg};
    }

    private static void compare(boolean fast, boolean reference, Outcome outcome) {
        if (fast != reference) {
            outcome.mismatches.incrementAndGet();
        }
    }

    private static byte[] signWithBouncyCastle(KeyPair key, byte[] message, SecureRandom random) {
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        signer.init(true, new ParametersWithID(new ParametersWithRandom(((SmPrivateKey) key.privateKey()).parameters(), random),
                Sm2.DEFAULT_USER_ID));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (org.bouncycastle.crypto.CryptoException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unmodified Bouncy Castle: a fresh key object and a fresh SM2Signer, as SmSuite.verify did before. */
    private static boolean reference(PublicKey key, byte[] message, byte[] signature) {
        ECPoint q = Sm2.DOMAIN.getCurve().decodePoint(key.unsafeEncoded());
        return Sm2.verify(new ECPublicKeyParameters(q, Sm2.DOMAIN), Sm2.DEFAULT_USER_ID, message, signature);
    }

    private static byte[] encode(BigInteger r, BigInteger s) {
        byte[] out = new byte[64];
        byte[] rb = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, r);
        byte[] sb = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, s);
        System.arraycopy(rb, 0, out, 0, 32);
        System.arraycopy(sb, 0, out, 32, 32);
        return out;
    }

    private static final class Outcome {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong checks = new AtomicLong();
        final AtomicLong mismatches = new AtomicLong();

        @Override
        public String toString() {
            return checks.get() + " decisions compared, " + accepted.get() + " genuine signatures accepted, "
                    + mismatches.get() + " mismatches";
        }
    }
}
