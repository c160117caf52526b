package org.jadechain.consensus.raft.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.jadechain.core.crypto.SuiteId;

/**
 * The proof, carried in a node's TLS certificate, that the holder of the certificate's TLS key is the holder
 * of a chain key (ADR 0006): the node key's signature, made with the chain's {@link
 * org.jadechain.core.crypto.CryptoSuite}, over {@link #message}. It lives in a non-critical X.509 extension
 * whose value is {@code SEQUENCE { suite UTF8String, nodeKey OCTET STRING, signature OCTET STRING }}, so
 * the TLS key itself can be one the JDK's TLS supports (EC P-256) whatever the chain's suite (SM2 keys
 * cannot be used by the JDK's TLS).
 *
 * @param suite the suite of {@code nodeKey}; must be the chain's
 * @param nodeKey the node key's canonical encoding
 * @param signature the node key's signature over {@link #message}
 */
public record NodeBinding(SuiteId suite, byte[] nodeKey, byte[] signature) {
    /** A UUID-derived OID (2.25, ITU-T X.667): unique without registration. */
    public static final ASN1ObjectIdentifier OID =
            new ASN1ObjectIdentifier("2.25.107602800221133518237107566069924091385");
    private static final byte[] DOMAIN = "jadechain/raft-tls-binding/v1".getBytes(StandardCharsets.US_ASCII);

    public NodeBinding {
        nodeKey = nodeKey.clone();
        signature = signature.clone();
    }

    /**
     * What the node key signs: a domain tag, the chain id, the certificate's validity (seconds since the
     * epoch, as X.509 stores them) and the DER SubjectPublicKeyInfo of the TLS key. The chain id stops a
     * certificate from being used on another chain; the validity bounds how long a stolen TLS key is any use.
     */
    public static byte[] message(String chainId, long notBeforeSeconds, long notAfterSeconds, byte[] subjectPublicKeyInfo) {
        byte[] chain = chainId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(DOMAIN.length + 1 + 4 + chain.length + 16 + 4 + subjectPublicKeyInfo.length)
                .put(DOMAIN).put((byte) 0)
                .putInt(chain.length).put(chain)
                .putLong(notBeforeSeconds).putLong(notAfterSeconds)
                .putInt(subjectPublicKeyInfo.length).put(subjectPublicKeyInfo)
                .array();
    }

    /** The signed message for a certificate as it was issued. */
    static byte[] message(String chainId, X509CertificateHolder certificate) throws IOException {
        return message(chainId, certificate.getNotBefore().getTime() / 1000, certificate.getNotAfter().getTime() / 1000,
                certificate.getSubjectPublicKeyInfo().getEncoded(ASN1Encoding.DER));
    }

    /** The extension's value, to add to a certificate under {@link #OID}. */
    public ASN1Encodable toAsn1() {
        return new DERSequence(new ASN1Encodable[] {
                new DERUTF8String(suite.label()), new DEROctetString(nodeKey), new DEROctetString(signature)});
    }

    /** Reads the binding of a certificate; the certificate's parsed form is returned for further checks. */
    static NodeBinding of(X509CertificateHolder certificate) throws CertificateException {
        Extension e = certificate.getExtension(OID);
        if (e == null) {
            throw new CertificateException("the certificate carries no node-key binding");
        }
        try {
            ASN1Sequence s = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(e.getExtnValue().getOctets()));
            if (s.size() != 3) {
                throw new CertificateException("malformed node-key binding");
            }
            SuiteId suite = SuiteId.fromLabel(ASN1UTF8String.getInstance(s.getObjectAt(0)).getString());
            return new NodeBinding(suite, ASN1OctetString.getInstance(s.getObjectAt(1)).getOctets(),
                    ASN1OctetString.getInstance(s.getObjectAt(2)).getOctets());
        } catch (IOException | IllegalArgumentException e2) {
            throw new CertificateException("malformed node-key binding: " + e2.getMessage(), e2);
        }
    }

    static X509CertificateHolder holder(X509Certificate certificate) throws CertificateException {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw e;
        } catch (IOException e) {
            throw new CertificateException("unreadable certificate: " + e.getMessage(), e);
        }
    }
}
