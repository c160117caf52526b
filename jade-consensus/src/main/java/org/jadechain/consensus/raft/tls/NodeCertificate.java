package org.jadechain.consensus.raft.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.KeyPair;

/**
 * A node's TLS identity: a fresh EC P-256 key and a self-signed certificate for it that carries a
 * {@link NodeBinding} by the node's chain key. The TLS key never leaves memory; a node makes a new one at
 * every start (and {@link NodeKeyManager} renews it while running), so only the chain key is a long-term secret.
 */
public record NodeCertificate(PrivateKey privateKey, X509Certificate certificate) {

    /**
     * Issues a certificate valid from {@code notBefore} to {@code notAfter} (both cut to whole seconds, as
     * X.509 stores them), bound to {@code nodeKey} for {@code chainId}.
     */
    public static NodeCertificate issue(CryptoSuite suite, String chainId, KeyPair nodeKey, Instant notBefore,
                                        Instant notAfter, SecureRandom random) {
        if (nodeKey.suite() != suite.id()) {
            throw new IllegalArgumentException("the node key is a " + nodeKey.suite().label() + " key, the chain uses "
                    + suite.id().label());
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            java.security.KeyPair tls = g.generateKeyPair();
            X500Name name = new X500Name("CN=jade-node " + nodeKey.publicKey().hex().substring(0, 16) + ", O=" + safe(chainId));
            Date from = new Date(notBefore.getEpochSecond() * 1000);
            Date to = new Date(notAfter.getEpochSecond() * 1000);
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(tls.getPublic().getEncoded());
            byte[] message = NodeBinding.message(chainId, from.getTime() / 1000, to.getTime() / 1000, spki.getEncoded("DER"));
            NodeBinding binding = new NodeBinding(suite.id(), nodeKey.publicKey().encoded(),
                    suite.sign(nodeKey.privateKey(), message));
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(name, new BigInteger(63, random).add(BigInteger.ONE),
                    from, to, name, spki);
            b.addExtension(NodeBinding.OID, false, binding.toAsn1());
            X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(tls.getPrivate()));
            return new NodeCertificate(tls.getPrivate(), new JcaX509CertificateConverter().getCertificate(holder));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot issue the node's TLS certificate: " + e.getMessage(), e);
        }
    }

    private static String safe(String chainId) {
        return chainId.replaceAll("[^A-Za-z0-9 ._-]", "_");
    }
}
