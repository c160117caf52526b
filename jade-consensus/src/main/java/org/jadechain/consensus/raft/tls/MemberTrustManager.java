package org.jadechain.consensus.raft.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.cert.X509CertificateHolder;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.PublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a TLS peer — client or server — only when it is a member of this chain's Raft group (ADR 0006):
 * it presents exactly one certificate, self-signed and valid now, whose {@link NodeBinding} names a member
 * key and verifies with the chain's suite for this chain id over this certificate's TLS key and validity.
 * There are no certificate authorities and no host names: membership is the only question, so host-name
 * checks are deliberately not made (this is an {@link X509ExtendedTrustManager}, so the JDK adds none).
 *
 * <p>Thread-safe. Refusals are logged at WARN, each distinct reason at most once a minute (an outsider
 * retries every few hundred milliseconds), and at DEBUG in between.
 */
public final class MemberTrustManager extends X509ExtendedTrustManager {
    private static final Logger log = LoggerFactory.getLogger(MemberTrustManager.class);
    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];
    private static final long WARN_EVERY_MILLIS = 60_000;

    private final CryptoSuite suite;
    private final String chainId;
    private final Collection<PublicKey> members;
    private final Clock clock;
    private final Map<String, Long> lastWarned = new ConcurrentHashMap<>();

    /** {@code members} is consulted at each handshake (a live view may change between handshakes). */
    public MemberTrustManager(CryptoSuite suite, String chainId, Collection<PublicKey> members, Clock clock) {
        this.suite = suite;
        this.chainId = chainId;
        this.members = members;
        this.clock = clock;
    }

    /**
     * Checks a peer's certificate chain.
     *
     * @return the member key the peer proved it holds
     * @throws CertificateException naming the reason when the peer is not accepted
     */
    public PublicKey check(X509Certificate[] chain) throws CertificateException {
        try {
            return verify(chain);
        } catch (CertificateException e) {
            logRefusal(e.getMessage());
            throw e;
        }
    }

    private void logRefusal(String reason) {
        long now = clock.millis();
        Long last = lastWarned.get(reason);
        if (last != null && now - last < WARN_EVERY_MILLIS) {
            log.debug("refused a Raft peer's TLS certificate: {}", reason);
            return;
        }
        if (lastWarned.size() > 1_000) {
            lastWarned.clear();
        }
        lastWarned.put(reason, now);
        log.warn("refused a Raft peer's TLS certificate: {}", reason);
    }

    private PublicKey verify(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length != 1) {
            throw new CertificateException("a Raft peer must present exactly one self-signed certificate, not "
                    + (chain == null ? 0 : chain.length));
        }
        X509Certificate c = chain[0];
        c.checkValidity(Date.from(clock.instant()));
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            throw new CertificateException("the certificate is not self-signed (issuer " + c.getIssuerX500Principal() + ")");
        }
        try {
            c.verify(c.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CertificateException("the certificate is not signed by its own key: " + e.getMessage(), e);
        }
        X509CertificateHolder holder = NodeBinding.holder(c);
        NodeBinding binding = NodeBinding.of(holder);
        if (binding.suite() != suite.id()) {
            throw new CertificateException("the certificate binds a " + binding.suite().label() + " key; this chain uses "
                    + suite.id().label());
        }
        PublicKey key;
        try {
            key = suite.decodePublicKey(binding.nodeKey());
        } catch (CryptoException e) {
            throw new CertificateException("the bound node key is invalid: " + e.getMessage(), e);
        }
        if (!members.contains(key)) {
            throw new CertificateException("key " + key + " is not a member of the Raft group of chain " + chainId);
        }
        byte[] message;
        try {
            message = NodeBinding.message(chainId, holder);
        } catch (IOException e) {
            throw new CertificateException("unreadable certificate key: " + e.getMessage(), e);
        }
        if (!suite.verify(key, message, binding.signature())) {
            throw new CertificateException("the binding by " + key + " does not verify for chain " + chainId
                    + " and this certificate's key and validity");
        }
        return key;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }
}
