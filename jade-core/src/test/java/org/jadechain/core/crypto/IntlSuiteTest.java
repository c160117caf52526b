package org.jadechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The intl suite against FIPS 180-2, RFC 8032, the GCM specification and libsodium's key conversion. */
class IntlSuiteTest {
    private static final IntlSuite INTL = new IntlSuite();

    @Test
    void sha256MatchesFips180Examples() {
        assertThat(INTL.hash("abc".getBytes(StandardCharsets.US_ASCII)).hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(INTL.hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII)).hex())
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    /** The JDK's SHA-256 the suite uses gives Bouncy Castle's digest for every length, split or whole. */
    @Test
    void sha256AgreesWithBouncyCastleOnRandomInputs() {
        SecureRandom random = new SecureRandom();
        for (int len = 0; len < 300; len++) {
            byte[] m = new byte[len];
            random.nextBytes(m);
            org.bouncycastle.crypto.digests.SHA256Digest bc = new org.bouncycastle.crypto.digests.SHA256Digest();
            bc.update(m, 0, m.length);
            byte[] expected = new byte[32];
            bc.doFinal(expected, 0);
            int cut = len / 3;
            assertThat(INTL.hash(m).unsafeBytes()).isEqualTo(expected);
            assertThat(INTL.hash(Arrays.copyOf(m, cut), Arrays.copyOfRange(m, cut, len)).unsafeBytes()).isEqualTo(expected);
            byte[] padded = new byte[len + 7];
            System.arraycopy(m, 0, padded, 3, len);
            assertThat(INTL.hash(padded, 3, len).unsafeBytes()).isEqualTo(expected);
            CryptoSuite.Hasher h = INTL.newHasher();
            if (len > 0) {
                h.update(m[0]);
                h.update(m, 1, cut > 1 ? cut - 1 : 0);
                h.update(Arrays.copyOfRange(m, Math.max(1, cut), len));
            }
            assertThat(h.digest().unsafeBytes()).isEqualTo(expected);
        }
    }

    /** RFC 8032 section 7.1, TEST 1 to 3: secret key, public key, message, signature. */
    @ParameterizedTest(name = "RFC 8032 TEST {0}")
    @CsvSource({
        "1, 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60, "
            + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '', "
            + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "2, 4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb, "
            + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72, "
            + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "3, c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7, "
            + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82, "
            + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    })
    void ed25519MatchesRfc8032(int test, String secret, String publicKey, String message, String signature)
            throws CryptoException {
        KeyPair pair = IntlSuite.keyPair(Hex.decode(secret));
        byte[] m = Hex.decode(message);

        assertThat(pair.publicKey().hex()).isEqualTo(publicKey);
        assertThat(Hex.encode(INTL.sign(pair.privateKey(), m))).isEqualTo(signature);
        PublicKey decoded = INTL.decodePublicKey(Hex.decode(publicKey));
        assertThat(INTL.verify(decoded, m, Hex.decode(signature))).isTrue();
        for (int bit = 0; bit < 512; bit += 37) {
            byte[] flipped = Hex.decode(signature);
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(INTL.verify(decoded, m, flipped)).as("bit %d flipped", bit).isFalse();
        }
        byte[] longer = Arrays.copyOf(m, m.length + 1);
        assertThat(INTL.verify(decoded, longer, Hex.decode(signature))).isFalse();
    }

    /** McGrew and Viega, "The Galois/Counter Mode of Operation", test cases 13, 14 and 16 (AES-256). */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000000000000000000000000000000000000000000000000000, 000000000000000000000000, '', '', "
            + "530f8afbc74536b9a963b4f1c4cb738b",
        "0000000000000000000000000000000000000000000000000000000000000000, 000000000000000000000000, "
            + "00000000000000000000000000000000, '', cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919",
        "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308, cafebabefacedbaddecaf888, "
            + "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39, "
            + "feedfacedeadbeeffeedfacedeadbeefabaddad2, "
            + "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
            + "76fc6ece0f4e1768cddf8853bb2d551b",
    })
    void aesGcmMatchesTheGcmSpecification(String key, String nonce, String plaintext, String ad, String sealed)
            throws CryptoException {
        byte[] k = Hex.decode(key);
        byte[] n = Hex.decode(nonce);
        byte[] a = ad.isEmpty() ? null : Hex.decode(ad);

        assertThat(Hex.encode(INTL.seal(k, n, Hex.decode(plaintext), a))).isEqualTo(sealed);
        assertThat(Hex.encode(INTL.open(k, n, Hex.decode(sealed), a))).isEqualTo(plaintext);
    }

    /** libsodium test/default/ed25519_convert: seed, Ed25519 public key, X25519 public and secret key. */
    @Test
    void convertsKeysToX25519AsLibsodiumDoes() throws CryptoException {
        KeyPair pair = IntlSuite.keyPair(Hex.decode("421151a459faeade3d247115f94aedae42318124095afabe4d1451a559faedee"));
        assertThat(pair.publicKey().hex()).isEqualTo("b5076a8474a832daee4dd5b4040983b6623b5f344aca57d4d6ee4baf3f259e6e");

        String curvePublic = "f1814f0e8ff1043d8a44d25babff3cedcae6c22c3edaa48f857ae70de2baae50";
        assertThat(Hex.encode(Ecies25519.toX25519((Ed25519PublicKey) pair.publicKey()).getEncoded())).isEqualTo(curvePublic);
        X25519PrivateKeyParameters curvePrivate = Ecies25519.toX25519((Ed25519PrivateKey) pair.privateKey());
        assertThat(Hex.encode(curvePrivate.generatePublicKey().getEncoded())).isEqualTo(curvePublic);
        byte[] clamped = curvePrivate.getEncoded();
        clamped[0] &= (byte) 248;
        clamped[31] &= 127;
        clamped[31] |= 64;
        assertThat(Hex.encode(clamped)).isEqualTo("8052030376d47112be7f73ed7a019293dd12ad910b654455798b4667d73de166");
    }

    @Test
    void publicAndPrivateConversionsAgreeForRandomKeys() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 50; i++) {
            KeyPair pair = INTL.generateKeyPair(random);
            assertThat(Ecies25519.toX25519((Ed25519PublicKey) pair.publicKey()).getEncoded())
                    .isEqualTo(Ecies25519.toX25519((Ed25519PrivateKey) pair.privateKey()).generatePublicKey().getEncoded());
        }
    }

    @Test
    void eciesCiphertextIsEphemeralKeyThenSealedMessage() throws CryptoException {
        KeyPair pair = INTL.generateKeyPair(new SecureRandom());
        byte[] plaintext = "court order 2026/114".getBytes(StandardCharsets.UTF_8);

        byte[] ciphertext = INTL.encryptTo(pair.publicKey(), plaintext, new SecureRandom());

        assertThat(ciphertext).hasSize(32 + plaintext.length + 16);
        assertThat(INTL.decrypt(pair, ciphertext)).isEqualTo(plaintext);
        assertThat(INTL.decrypt(pair, INTL.encryptTo(pair.publicKey(), new byte[0], new SecureRandom()))).isEmpty();
        byte[] otherEphemeral = ciphertext.clone();
        System.arraycopy(new X25519PrivateKeyParameters(new SecureRandom()).generatePublicKey().getEncoded(), 0,
                otherEphemeral, 0, 32);
        assertThatThrownBy(() -> INTL.decrypt(pair, otherEphemeral)).isInstanceOf(CryptoException.class);
        byte[] smallOrderEphemeral = ciphertext.clone();
        Arrays.fill(smallOrderEphemeral, 0, 32, (byte) 0);
        assertThatThrownBy(() -> INTL.decrypt(pair, smallOrderEphemeral)).isInstanceOf(CryptoException.class);
    }

    @Test
    void rejectsMalformedPublicKeys() {
        byte[] valid = Hex.decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] yAboveP = new byte[32];
        Arrays.fill(yAboveP, (byte) 0xff);
        yAboveP[31] = 0x7f;
        byte[] notOnCurve = Hex.decode("0200000000000000000000000000000000000000000000000000000000000000");
        byte[] negativeZeroX = new byte[32];
        negativeZeroX[0] = 1;
        negativeZeroX[31] = (byte) 0x80;

        for (byte[] bad : new byte[][] {new byte[0], new byte[31], new byte[33], Arrays.copyOf(valid, 33),
                yAboveP, notOnCurve, negativeZeroX}) {
            assertThatThrownBy(() -> INTL.decodePublicKey(bad)).as(Hex.encode(bad)).isInstanceOf(CryptoException.class);
        }
        assertThatThrownBy(() -> INTL.decodePublicKey(null)).isInstanceOf(CryptoException.class);
    }

    /**
     * A key decoded again comes from the cache, whatever array it arrives in; the cache holds only valid keys,
     * so a refused encoding is refused every time, also next to a cached neighbour one bit away.
     */
    @Test
    void decodedKeysAreCachedAndRefusedKeysNeverAre() throws CryptoException {
        byte[] encoded = INTL.generateKeyPair(new SecureRandom()).publicKey().encoded();
        PublicKey first = INTL.decodePublicKey(encoded);
        encoded[0] ^= 1;
        byte[] flipped = encoded.clone();
        encoded[0] ^= 1;

        assertThat(INTL.decodePublicKey(encoded.clone())).isSameAs(first);
        assertThat(first.unsafeEncoded()).isEqualTo(encoded);
        for (int i = 0; i < 2; i++) {
            try {
                PublicKey other = INTL.decodePublicKey(flipped);
                assertThat(other).isNotSameAs(first);
                assertThat(other.unsafeEncoded()).isEqualTo(flipped);
            } catch (CryptoException refused) {
                assertThat(refused).hasMessageContaining("Ed25519");
            }
        }
        byte[] notOnCurve = Hex.decode("0200000000000000000000000000000000000000000000000000000000000000");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> INTL.decodePublicKey(notOnCurve)).isInstanceOf(CryptoException.class);
        }
    }

    /** The cache returns only keys equal to what a fresh decode gives, and signatures verify through both. */
    @Test
    void cachedAndFreshKeysVerifyAlike() throws CryptoException {
        KeyPair pair = INTL.generateKeyPair(new SecureRandom());
        byte[] message = "cached".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = INTL.sign(pair.privateKey(), message);
        PublicKey cached = INTL.decodePublicKey(pair.publicKey().encoded());
        PublicKey fresh = IntlSuite.decodeUncached(pair.publicKey().encoded());

        assertThat(INTL.decodePublicKey(pair.publicKey().encoded())).isSameAs(cached).isEqualTo(fresh);
        assertThat(INTL.verify(cached, message, signature)).isTrue();
        assertThat(INTL.verify(fresh, message, signature)).isTrue();
        signature[5] ^= 1;
        assertThat(INTL.verify(cached, message, signature)).isFalse();
    }

    /** The identity and the torsion points of order 2 and 4 decode as curve points but are refused. */
    @Test
    void rejectsSmallOrderPublicKeys() {
        byte[] identity = new byte[32];
        identity[0] = 1;
        byte[] orderTwo = littleEndian(P.subtract(BigInteger.ONE));
        byte[] orderFour = new byte[32];

        for (byte[] weak : new byte[][] {identity, orderTwo, orderFour}) {
            assertThatThrownBy(() -> INTL.decodePublicKey(weak)).as(Hex.encode(weak)).isInstanceOf(CryptoException.class);
        }
    }

    /** A key plus the point of order 2, (x, y) + (0, -1) = (-x, -y), is accepted as RFC 8032 allows. */
    @Test
    void acceptsMixedOrderPublicKeys() throws CryptoException {
        byte[] valid = Hex.decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] y = valid.clone();
        y[31] &= 0x7f;
        byte[] mixed = littleEndian(P.subtract(new BigInteger(1, reverse(y))));
        mixed[31] |= (byte) ((valid[31] & 0x80) ^ 0x80);

        assertThat(Ed25519.validatePublicKeyFull(mixed, 0)).as("not in the prime-order subgroup").isFalse();
        assertThat(INTL.decodePublicKey(mixed).encoded()).isEqualTo(mixed);
    }

    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    private static byte[] littleEndian(BigInteger v) {
        return reverse(BigIntegers.asUnsignedByteArray(32, v));
    }

    private static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }
}
