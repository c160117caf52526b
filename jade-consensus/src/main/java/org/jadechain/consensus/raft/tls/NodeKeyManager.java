package org.jadechain.consensus.raft.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents this node's {@link NodeCertificate} in every TLS handshake, as client and as server, and replaces
 * it with a freshly issued one once half of its validity has passed, so a node that runs for months never
 * offers an expired certificate. The previous certificate stays available for a handshake that chose its
 * alias just before a renewal.
 *
 * <p>Thread-safe: handshakes run on many Netty threads.
 */
public final class NodeKeyManager extends X509ExtendedKeyManager {
    private static final String KEY_TYPE = "EC";

    private final Function<Instant, NodeCertificate> issuer;
    private final Clock clock;
    private Entry current;
    private Entry previous;

    private record Entry(String alias, NodeCertificate certificate, Instant renewAt) {
    }

    /** @param issuer issues a certificate whose validity starts at (or just before) the given instant */
    public NodeKeyManager(Function<Instant, NodeCertificate> issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
        this.current = entry(issuer.apply(clock.instant()));
    }

    private static Entry entry(NodeCertificate c) {
        Instant from = c.certificate().getNotBefore().toInstant();
        Instant to = c.certificate().getNotAfter().toInstant();
        return new Entry("jade-node-" + c.certificate().getSerialNumber().toString(16), c,
                from.plusMillis((to.toEpochMilli() - from.toEpochMilli()) / 2));
    }

    /** The certificate currently presented (renewing it first if it is due). */
    public synchronized NodeCertificate certificate() {
        Instant now = clock.instant();
        if (!now.isBefore(current.renewAt())) {
            previous = current;
            current = entry(issuer.apply(now));
        }
        return current.certificate();
    }

    private synchronized String alias() {
        certificate();
        return current.alias();
    }

    private synchronized NodeCertificate byAlias(String alias) {
        if (alias == null) {
            return null;
        }
        if (alias.equals(current.alias())) {
            return current.certificate();
        }
        return previous != null && alias.equals(previous.alias()) ? previous.certificate() : null;
    }

    private String aliasFor(String... keyTypes) {
        return keyTypes != null && Arrays.asList(keyTypes).contains(KEY_TYPE) ? alias() : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return KEY_TYPE.equals(keyType) ? new String[] {alias()} : null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return aliasFor(keyType);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyType);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return KEY_TYPE.equals(keyType) ? new String[] {alias()} : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return aliasFor(keyType);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyType);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        NodeCertificate c = byAlias(alias);
        return c == null ? null : new X509Certificate[] {c.certificate()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        NodeCertificate c = byAlias(alias);
        return c == null ? null : c.privateKey();
    }
}
