package org.jadechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Key files against OpenSSL 3.0: the resources under {@code crypto/} were made with {@code openssl genpkey}
 * (Ed25519, SM2, P-256), {@code openssl ec} (SEC1 "SM2 PRIVATE KEY"), {@code openssl ecparam -genkey}, {@code
 * openssl pkey -pubout} and {@code openssl pkeyutl -sign -rawin} over {@code message.txt} (SM2 with SM3 and
 * distid 1234567812345678, DER signature).
 */
class PemTest {
    private static final byte[] MESSAGE = resource("message.txt");

    @Test
    void readsAnOpensslEd25519KeyAndSignsExactlyAsOpensslDoes() throws CryptoException {
        CryptoSuite intl = CryptoSuites.of(SuiteId.INTL);

        KeyPair pair = Pem.readPrivateKey(text("openssl-ed25519.pem"));

        assertThat(pair.suite()).isEqualTo(SuiteId.INTL);
        assertThat(Pem.readPublicKey(text("openssl-ed25519-pub.pem"))).isEqualTo(pair.publicKey());
        assertThat(intl.sign(pair.privateKey(), MESSAGE)).isEqualTo(resource("openssl-ed25519.sig"));
        assertThat(intl.verify(pair.publicKey(), MESSAGE, resource("openssl-ed25519.sig"))).isTrue();
    }

    @Test
    void writesEd25519KeysByteForByteAsOpensslDoes() throws CryptoException {
        KeyPair pair = Pem.readPrivateKey(text("openssl-ed25519.pem"));

        assertThat(Pem.privateKeyPem(pair)).isEqualTo(text("openssl-ed25519.pem"));
        assertThat(Pem.publicKeyPem(pair.publicKey())).isEqualTo(text("openssl-ed25519-pub.pem"));
    }

    @Test
    void readsAnOpensslSm2KeyAndVerifiesItsSignature() throws CryptoException {
        CryptoSuite sm = CryptoSuites.of(SuiteId.SM);

        KeyPair pair = Pem.readPrivateKey(text("openssl-sm2.pem"));

        assertThat(pair.suite()).isEqualTo(SuiteId.SM);
        assertThat(Pem.readPublicKey(text("openssl-sm2-pub.pem"))).isEqualTo(pair.publicKey());
        assertThat(Pem.publicKeyPem(pair.publicKey())).isEqualTo(text("openssl-sm2-pub.pem"));
        byte[] signature = plain(resource("openssl-sm2.der"));
        assertThat(sm.verify(pair.publicKey(), MESSAGE, signature)).isTrue();
        signature[0] ^= 1;
        assertThat(sm.verify(pair.publicKey(), MESSAGE, signature)).isFalse();
    }

    @Test
    void readsSec1AndParameterPrefixedSm2Keys() throws CryptoException {
        KeyPair pkcs8 = Pem.readPrivateKey(text("openssl-sm2.pem"));

        assertThat(Pem.readPrivateKey(text("openssl-sm2-sec1.pem")).publicKey()).isEqualTo(pkcs8.publicKey());
        assertThat(Pem.readPrivateKey(text("openssl-sm2-ecparam.pem")).suite()).isEqualTo(SuiteId.SM);
    }

    @Test
    void writesSm2PrivateKeysOnTheNamedCurve() throws CryptoException {
        KeyPair pair = CryptoSuites.of(SuiteId.SM).generateKeyPair(new SecureRandom());

        String pem = Pem.privateKeyPem(pair);

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(der(pem));
        assertThat(info.getPrivateKeyAlgorithm().getAlgorithm()).isEqualTo(X9ObjectIdentifiers.id_ecPublicKey);
        assertThat(info.getPrivateKeyAlgorithm().getParameters()).isEqualTo(GMObjectIdentifiers.sm2p256v1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openssl-p256.pem", "openssl-ed25519-encrypted.pem", "openssl-ed25519-pub.pem", "message.txt"})
    void refusesWhatIsNotAnSm2OrEd25519PrivateKey(String file) {
        assertThatThrownBy(() -> Pem.readPrivateKey(text(file))).isInstanceOf(CryptoException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openssl-p256-pub.pem", "openssl-sm2.pem", "message.txt"})
    void refusesWhatIsNotAnSm2OrEd25519PublicKey(String file) {
        assertThatThrownBy(() -> Pem.readPublicKey(text(file))).isInstanceOf(CryptoException.class);
    }

    @Test
    void refusesMalformedPem() {
        for (String pem : new String[] {"", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
                "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n",
                "-----BEGIN PRIVATE KEY-----\nMAA=\n"}) {
            assertThatThrownBy(() -> Pem.readPrivateKey(pem)).isInstanceOf(CryptoException.class);
            assertThatThrownBy(() -> Pem.readPublicKey(pem.replace("PRIVATE", "PUBLIC")))
                    .isInstanceOf(CryptoException.class);
        }
    }

    @Test
    void refusesAPrivateKeyWhoseEmbeddedPublicKeyIsAnothers() throws Exception {
        CryptoSuite sm = CryptoSuites.of(SuiteId.SM);
        KeyPair mine = sm.generateKeyPair(new SecureRandom());
        KeyPair other = sm.generateKeyPair(new SecureRandom());
        BigInteger d = ((SmPrivateKey) mine.privateKey()).parameters().getD();
        PrivateKeyInfo forged = new PrivateKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, GMObjectIdentifiers.sm2p256v1),
                new ECPrivateKey(256, d, new DERBitString(other.publicKey().encoded()), null));
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(forged.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        assertThatThrownBy(() -> Pem.readPrivateKey(pem)).isInstanceOf(CryptoException.class)
                .hasMessageContaining("does not match");
    }

    private static byte[] plain(byte[] derSignature) {
        try {
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(Sm2.DOMAIN.getN(), derSignature);
            return PlainDSAEncoding.INSTANCE.encode(Sm2.DOMAIN.getN(), rs[0], rs[1]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] der(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String text(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = PemTest.class.getResourceAsStream("/crypto/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource crypto/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
