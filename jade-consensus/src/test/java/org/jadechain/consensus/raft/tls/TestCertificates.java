package org.jadechain.consensus.raft.tls;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.KeyPair;

/** Hand-made certificates for the refusal cases {@link NodeCertificate} would never issue. */
final class TestCertificates {
    private TestCertificates() {
    }

    static java.security.KeyPair tlsKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** A binding of {@code tls}'s public key by {@code claimed}, signed with {@code signer}'s private key. */
    static NodeBinding binding(CryptoSuite suite, String chainId, KeyPair claimed, KeyPair signer,
                               java.security.PublicKey tls, Instant from, Instant to) throws java.io.IOException {
        byte[] spki = SubjectPublicKeyInfo.getInstance(tls.getEncoded()).getEncoded();
        byte[] message = NodeBinding.message(chainId, from.getEpochSecond(), to.getEpochSecond(), spki);
        return new NodeBinding(claimed.suite(), claimed.publicKey().encoded(), suite.sign(signer.privateKey(), message));
    }

    /**
     * A certificate for {@code subjectKey}, named {@code subject}, issued by {@code issuer} and signed with
     * {@code issuerKey}, carrying {@code binding} (none when null).
     */
    static X509Certificate certificate(String subject, java.security.PublicKey subjectKey, String issuer, PrivateKey issuerKey,
                                       Instant from, Instant to, NodeBinding binding) throws Exception {
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(System.nanoTime()),
                new Date(from.getEpochSecond() * 1000), new Date(to.getEpochSecond() * 1000), new X500Name(subject),
                SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded()));
        if (binding != null) {
            b.addExtension(NodeBinding.OID, false, binding.toAsn1());
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }
}
