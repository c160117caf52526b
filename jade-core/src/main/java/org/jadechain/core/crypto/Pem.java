package org.jadechain.core.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Key files in the formats OpenSSL reads and writes: private keys as PKCS#8 ("PRIVATE KEY"), public keys as
 * X.509 SubjectPublicKeyInfo ("PUBLIC KEY"). SM2 keys are id-ecPublicKey on the named curve sm2p256v1
 * (1.2.156.10197.1.301); Ed25519 keys are id-Ed25519 (1.3.101.112). Reading infers the suite from the key's
 * algorithm, also accepts a SEC1 "EC PRIVATE KEY" or "SM2 PRIVATE KEY" on sm2p256v1 (skipping leading
 * "EC PARAMETERS" or "SM2 PARAMETERS" blocks, as {@code openssl ecparam -genkey} writes),
 * rejects anything else (other curves, explicit curve parameters, encrypted keys) with a
 * {@link CryptoException}, and checks an embedded public key against the private key. Stateless and
 * thread-safe; output uses "\n" line ends.
 */
public final class Pem {
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final String EC_PRIVATE_KEY = "EC PRIVATE KEY";
    private static final String SM2_PRIVATE_KEY = "SM2 PRIVATE KEY";
    private static final Set<String> PARAMETERS = Set.of("EC PARAMETERS", "SM2 PARAMETERS");
    private static final String PUBLIC_KEY = "PUBLIC KEY";

    private Pem() {
    }

    public static String privateKeyPem(KeyPair keyPair) {
        PrivateKey key = keyPair.privateKey();
        try {
            PrivateKeyInfo info;
            if (key instanceof SmPrivateKey k) {
                info = PrivateKeyInfoFactory.createPrivateKeyInfo(k.parameters());
            } else if (key instanceof Ed25519PrivateKey k) {
                // PKCS#8 v1 without the public key, as OpenSSL writes it: OpenSSL 3.0 cannot read the v2
                // form (with public key) that PrivateKeyInfoFactory produces for Ed25519.
                info = new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                        new DEROctetString(k.parameters().getEncoded()));
            } else {
                throw new IllegalArgumentException("unsupported private key " + key);
            }
            return write(PRIVATE_KEY, info.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String publicKeyPem(PublicKey key) {
        AsymmetricKeyParameter parameters;
        if (key instanceof SmPublicKey k) {
            parameters = k.parameters();
        } else if (key instanceof Ed25519PublicKey k) {
            parameters = k.parameters();
        } else {
            throw new IllegalArgumentException("unsupported public key " + key);
        }
        try {
            return write(PUBLIC_KEY, SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(parameters)
                    .getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a private key and derives its public key. */
    public static KeyPair readPrivateKey(String pem) throws CryptoException {
        PemObject object = read(pem);
        try {
            return switch (object.getType()) {
                case PRIVATE_KEY -> fromPkcs8(PrivateKeyInfo.getInstance(object.getContent()));
                case EC_PRIVATE_KEY, SM2_PRIVATE_KEY -> fromSec1(ECPrivateKey.getInstance(object.getContent()), null);
                default -> throw new CryptoException("expected a PRIVATE KEY, found " + object.getType());
            };
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new CryptoException("malformed private key: " + e.getMessage(), e);
        }
    }

    public static PublicKey readPublicKey(String pem) throws CryptoException {
        PemObject object = read(pem);
        if (!PUBLIC_KEY.equals(object.getType())) {
            throw new CryptoException("expected a PUBLIC KEY, found " + object.getType());
        }
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(object.getContent());
            ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
            byte[] key = info.getPublicKeyData().getOctets();
            if (algorithm.equals(EdECObjectIdentifiers.id_Ed25519)) {
                return CryptoSuites.of(SuiteId.INTL).decodePublicKey(key);
            }
            if (isSm2(info.getAlgorithm())) {
                byte[] uncompressed = Sm2.DOMAIN.getCurve().decodePoint(key).getEncoded(false);
                return Sm2.decodePublicKey(uncompressed);
            }
            throw new CryptoException("unsupported public key algorithm " + algorithm);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new CryptoException("malformed public key: " + e.getMessage(), e);
        }
    }

    public static KeyPair readKeyPair(Path privateKeyFile) throws IOException, CryptoException {
        return readPrivateKey(Files.readString(privateKeyFile, StandardCharsets.UTF_8));
    }

    public static PublicKey readPublicKey(Path publicKeyFile) throws IOException, CryptoException {
        return readPublicKey(Files.readString(publicKeyFile, StandardCharsets.UTF_8));
    }

    /**
     * Writes the private key (created readable and writable by the owner only where the file system has POSIX
     * permissions) and the public key. Never overwrites: fails before writing anything if either file exists.
     *
     * @throws FileAlreadyExistsException when either file exists
     */
    public static void writeKeyPair(Path privateKeyFile, Path publicKeyFile, KeyPair keyPair) throws IOException {
        for (Path p : new Path[] {privateKeyFile, publicKeyFile}) {
            if (Files.exists(p)) {
                throw new FileAlreadyExistsException(p.toString());
            }
        }
        byte[] privatePem = privateKeyPem(keyPair).getBytes(StandardCharsets.UTF_8);
        if (privateKeyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(privateKeyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(privateKeyFile, privatePem, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.write(privateKeyFile, privatePem, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        Arrays.fill(privatePem, (byte) 0);
        Files.write(publicKeyFile, publicKeyPem(keyPair.publicKey()).getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static KeyPair fromPkcs8(PrivateKeyInfo info) throws CryptoException, IOException {
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        if (algorithm.equals(EdECObjectIdentifiers.id_Ed25519)) {
            byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            if (seed.length != 32) {
                throw new CryptoException("an Ed25519 private key is 32 bytes");
            }
            KeyPair pair = IntlSuite.keyPair(seed);
            Arrays.fill(seed, (byte) 0);
            if (info.getPublicKeyData() != null
                    && !Arrays.equals(info.getPublicKeyData().getOctets(), pair.publicKey().unsafeEncoded())) {
                throw new CryptoException("the embedded public key does not match the private key");
            }
            return pair;
        }
        if (isSm2(info.getPrivateKeyAlgorithm())) {
            return fromSec1(ECPrivateKey.getInstance(info.parsePrivateKey()), GMObjectIdentifiers.sm2p256v1);
        }
        throw new CryptoException("unsupported private key algorithm " + algorithm);
    }

    /** @param curve the curve named by the enclosing PKCS#8 structure, or null for a bare SEC1 key */
    private static KeyPair fromSec1(ECPrivateKey key, ASN1ObjectIdentifier curve) throws CryptoException {
        ASN1Object parameters = key.getParametersObject();
        if (parameters == null && curve == null) {
            throw new CryptoException("an EC PRIVATE KEY without curve parameters");
        }
        if (parameters != null && !GMObjectIdentifiers.sm2p256v1.equals(parameters)) {
            throw new CryptoException("unsupported EC curve parameters " + parameters);
        }
        BigInteger d = key.getKey();
        KeyPair pair = Sm2.keyPair(d);
        if (key.getPublicKey() != null) {
            ECPoint embedded = Sm2.DOMAIN.getCurve().decodePoint(key.getPublicKey().getOctets());
            if (!embedded.equals(((SmPublicKey) pair.publicKey()).parameters().getQ())) {
                throw new CryptoException("the embedded public key does not match the private key");
            }
        }
        return pair;
    }

    /** id-ecPublicKey with the named curve sm2p256v1, or (as some tools write) the curve OID as algorithm. */
    private static boolean isSm2(AlgorithmIdentifier algorithm) throws CryptoException {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        ASN1Encodable parameters = algorithm.getParameters();
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            if (!GMObjectIdentifiers.sm2p256v1.equals(parameters)) {
                throw new CryptoException("unsupported EC curve " + parameters + " (only sm2p256v1)");
            }
            return true;
        }
        return oid.equals(GMObjectIdentifiers.sm2p256v1);
    }

    private static PemObject read(String pem) throws CryptoException {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject object = reader.readPemObject();
            while (object != null && PARAMETERS.contains(object.getType())) {
                object = reader.readPemObject();
            }
            if (object == null) {
                throw new CryptoException("no PEM block found");
            }
            return object;
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("malformed PEM: " + e.getMessage(), e);
        }
    }

    private static String write(String type, byte[] der) throws IOException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        }
        return out.toString().replace(System.lineSeparator(), "\n");
    }
}
