package org.jadechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.test.TestRandomBigInteger;
import org.junit.jupiter.api.Test;

/** The SM suite against the published examples of GB/T 32905, 32907, 32918 and RFC 8998. */
class SmSuiteTest {
    private static final SmSuite SM = new SmSuite();

    /**
     * GB/T 32918.5-2017 (= GM/T 0003.5-2012) Annex A, digital signature on sm2p256v1 with the default user id
     * "1234567812345678": private key, public key, message, nonce k, Z_A, e and (r, s).
     */
    private static final String GBT_D = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
    private static final String GBT_PUBLIC = "04"
            + "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
            + "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
    private static final String GBT_K = "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21";
    private static final String GBT_Z = "B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3";
    private static final String GBT_E = "F0B43E94BA45ACCAACE692ED534382EB17E6AB5A19CE7B31F4486FDFC0D28640";
    private static final String GBT_SIGNATURE =
            "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3"
            + "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA";
    private static final byte[] MESSAGE_DIGEST = "message digest".getBytes(StandardCharsets.US_ASCII);

    /** GB/T 32918.5-2017 Annex C, public-key encryption of "encryption standard" with the same key and k. */
    private static final String GBT_CIPHERTEXT = "04"
            + "04EBFC718E8D1798620432268E77FEB6415E2EDE0E073C0F4F640ECD2E149A73"
            + "E858F9D81E5430A57B36DAAB8F950A3C64E6EE6A63094D99283AFF767E124DF0"
            + "59983C18F809E262923C53AEC295D30383B54E39D609D160AFCB1908D0BD8766"
            + "21886CA989CA9C7D58087307CA93092D651EFA";

    @Test
    void sm3OfAbcIsTheStandardsFirstExample() {
        assertThat(SM.hash("abc".getBytes(StandardCharsets.US_ASCII)).hex())
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void sm3OfSixteenAbcdIsTheStandardsSecondExample() {
        byte[] message = "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII);
        String expected = "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732";
        assertThat(SM.hash(message).hex()).isEqualTo(expected);
        assertThat(SM.hash(Hex.decode("61626364"), "abcd".repeat(15).getBytes(StandardCharsets.US_ASCII)).hex())
                .isEqualTo(expected);
    }

    @Test
    void sm4EncryptsTheStandardsExampleBlock() {
        byte[] key = Hex.decode("0123456789abcdeffedcba9876543210");
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(key));
        byte[] out = new byte[16];
        engine.processBlock(key, 0, out, 0);
        assertThat(Hex.encode(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void sm4GcmMatchesRfc8998() throws CryptoException {
        byte[] key = Hex.decode("0123456789ABCDEFFEDCBA9876543210");
        byte[] nonce = Hex.decode("00001234567800000000ABCD");
        byte[] ad = Hex.decode("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        byte[] plaintext = Hex.decode("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
                + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        String expected = "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
                + "83de3541e4c2b58177e065a9bf7b62ec";

        byte[] sealed = SM.seal(key, nonce, plaintext, ad);

        assertThat(Hex.encode(sealed)).isEqualTo(expected);
        assertThat(SM.open(key, nonce, sealed, ad)).isEqualTo(plaintext);
        sealed[40] ^= 1;
        assertThatThrownBy(() -> SM.open(key, nonce, sealed, ad)).isInstanceOf(CryptoException.class);
    }

    @Test
    void verifiesTheStandardsSignatureThroughThePublicPath() throws CryptoException {
        PublicKey key = SM.decodePublicKey(Hex.decode(GBT_PUBLIC));
        byte[] signature = Hex.decode(GBT_SIGNATURE);

        assertThat(SM.verify(key, MESSAGE_DIGEST, signature)).isTrue();
        assertThat(SM.verify(key, "message digesT".getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
        signature[63] ^= 1;
        assertThat(SM.verify(key, MESSAGE_DIGEST, signature)).isFalse();
    }

    @Test
    void derivesTheStandardsPublicKeyAndUserHash() throws CryptoException {
        KeyPair pair = SmSuite.keyPair(new BigInteger(GBT_D, 16));
        SmPrivateKey key = (SmPrivateKey) pair.privateKey();

        assertThat(pair.publicKey().hex()).isEqualToIgnoringCase(GBT_PUBLIC);
        assertThat(Hex.encode(key.userHash())).isEqualToIgnoringCase(GBT_Z);
        assertThat(sm3(key.userHash(), MESSAGE_DIGEST)).isEqualToIgnoringCase(GBT_E);
    }

    @Test
    void signsTheStandardsSignatureGivenItsNonce() throws CryptoException {
        SmPrivateKey key = (SmPrivateKey) SmSuite.keyPair(new BigInteger(GBT_D, 16)).privateKey();

        byte[] signature = Sm2.sign(key.parameters(), Sm2.DEFAULT_USER_ID, MESSAGE_DIGEST,
                new TestRandomBigInteger(GBT_K, 16));

        assertThat(Hex.encode(signature)).isEqualToIgnoringCase(GBT_SIGNATURE);
    }

    /**
     * GB/T 32918.2-2016 Annex A (and draft-shen-sm2-ecdsa-02): the example on the standard's 256-bit test
     * curve with user id "ALICE123@YAHOO.COM"; exercised through the verify path with its own domain and id.
     */
    @Test
    void verifiesThePart2ExampleOnItsTestCurve() {
        BigInteger p = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3", 16);
        BigInteger a = new BigInteger("787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498", 16);
        BigInteger b = new BigInteger("63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A", 16);
        BigInteger n = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7", 16);
        ECCurve curve = new ECCurve.Fp(p, a, b, n, BigInteger.ONE);
        ECPoint g = curve.createPoint(
                new BigInteger("421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D", 16),
                new BigInteger("0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2", 16));
        ECDomainParameters domain = new ECDomainParameters(curve, g, n, BigInteger.ONE);
        ECPoint q = curve.createPoint(
                new BigInteger("0AE4C7798AA0F119471BEE11825BE46202BB79E2A5844495E97C04FF4DF2548A", 16),
                new BigInteger("7C0240F88F1CD4E16352A73C17B7F16F07353E53A176D684A9FE0C6BB798E857", 16));
        ECPublicKeyParameters key = new ECPublicKeyParameters(q, domain);
        byte[] id = "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Hex.decode("40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1"
                + "6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7");

        assertThat(Hex.encode(Sm2.userHash(domain, id, q)))
                .isEqualToIgnoringCase("F4A38489E32B45B6F876E3AC2168CA392362DC8F23459C1D1146FC3DBFB7BC9A");
        assertThat(Sm2.verify(key, id, MESSAGE_DIGEST, signature)).isTrue();
        assertThat(Sm2.verify(key, Sm2.DEFAULT_USER_ID, MESSAGE_DIGEST, signature)).isFalse();
    }

    @Test
    void signingIsDeterministicWithTheRfc6979NonceOverSm3() throws CryptoException {
        KeyPair pair = SmSuite.keyPair(new BigInteger(GBT_D, 16));
        SmPrivateKey key = (SmPrivateKey) pair.privateKey();
        byte[] message = "pay 10 to alice".getBytes(StandardCharsets.UTF_8);

        byte[] signature = SM.sign(key, message);

        assertThat(SM.sign(key, message)).isEqualTo(signature);
        assertThat(SM.verify(pair.publicKey(), message, signature)).isTrue();
        // Recompute (r, s) from the GB/T 32918.2 formulas with k from an independent HMacDSAKCalculator.
        BigInteger n = Sm2.DOMAIN.getN();
        BigInteger d = key.parameters().getD();
        BigInteger e = new BigInteger(1, Hex.decode(sm3(key.userHash(), message)));
        HMacDSAKCalculator calculator = new HMacDSAKCalculator(new SM3Digest());
        calculator.init(n, d, Hex.decode(sm3(key.userHash(), message)));
        BigInteger k = calculator.nextK();
        BigInteger r = e.add(Sm2.DOMAIN.getG().multiply(k).normalize().getAffineXCoord().toBigInteger()).mod(n);
        BigInteger s = d.add(BigInteger.ONE).modInverse(n).multiply(k.subtract(r.multiply(d))).mod(n);
        assertThat(new BigInteger(1, Arrays.copyOf(signature, 32))).isEqualTo(r);
        assertThat(new BigInteger(1, Arrays.copyOfRange(signature, 32, 64))).isEqualTo(s);
    }

    @Test
    void decryptsTheStandardsCiphertext() throws CryptoException {
        KeyPair pair = SmSuite.keyPair(new BigInteger(GBT_D, 16));

        assertThat(new String(SM.decrypt(pair, Hex.decode(GBT_CIPHERTEXT)), StandardCharsets.US_ASCII))
                .isEqualTo("encryption standard");
    }

    @Test
    void encryptsTheStandardsCiphertextGivenItsNonce() throws CryptoException {
        PublicKey key = SM.decodePublicKey(Hex.decode(GBT_PUBLIC));

        byte[] ciphertext = SM.encryptTo(key, "encryption standard".getBytes(StandardCharsets.US_ASCII),
                new TestRandomBigInteger(GBT_K, 16));

        assertThat(Hex.encode(ciphertext)).isEqualToIgnoringCase(GBT_CIPHERTEXT);
    }

    @Test
    void rejectsMalformedPublicKeys() {
        byte[] valid = Hex.decode(GBT_PUBLIC);
        byte[] offCurve = valid.clone();
        offCurve[64] ^= 1;
        byte[] compressed = new byte[33];
        compressed[0] = 0x02;
        System.arraycopy(valid, 1, compressed, 1, 32);
        byte[] hybrid = valid.clone();
        hybrid[0] = 0x07;
        byte[] xAboveP = valid.clone();
        Arrays.fill(xAboveP, 1, 33, (byte) 0xff);
        byte[] zero = new byte[65];
        zero[0] = 0x04;

        for (byte[] bad : new byte[][] {new byte[0], new byte[64], new byte[66], offCurve, compressed, hybrid,
                xAboveP, zero, Arrays.copyOf(valid, 64)}) {
            assertThatThrownBy(() -> SM.decodePublicKey(bad)).isInstanceOf(CryptoException.class);
        }
        assertThatThrownBy(() -> SM.decodePublicKey(null)).isInstanceOf(CryptoException.class);
    }

    @Test
    void rejectsPrivateKeysOutsideOneToNMinusTwo() {
        BigInteger n = Sm2.DOMAIN.getN();
        for (BigInteger d : new BigInteger[] {BigInteger.ZERO, n.subtract(BigInteger.ONE), n, BigInteger.ONE.negate()}) {
            assertThatThrownBy(() -> SmSuite.keyPair(d)).isInstanceOf(CryptoException.class);
        }
    }

    @Test
    void ciphertextsAreNinetySevenBytesLongerThanThePlaintext() {
        KeyPair pair = SM.generateKeyPair(new SecureRandom());
        assertThat(SM.encryptTo(pair.publicKey(), new byte[10], new SecureRandom())).hasSize(107);
    }

    @Test
    void anEmptyMessageCannotBeEncrypted() {
        KeyPair pair = SM.generateKeyPair(new SecureRandom());
        assertThatThrownBy(() -> SM.encryptTo(pair.publicKey(), new byte[0], new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] withoutMessage = Arrays.copyOf(SM.encryptTo(pair.publicKey(), new byte[1], new SecureRandom()), 97);
        assertThatThrownBy(() -> SM.decrypt(pair, withoutMessage)).isInstanceOf(CryptoException.class);
    }

    private static String sm3(byte[] a, byte[] b) {
        return SM.hash(a, b).hex();
    }
}
