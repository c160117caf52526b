package org.jadechain.consensus.raft.tls;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.thirdparty.io.netty.handler.ssl.SslProvider;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.ValidatorInfo;

/**
 * Mutual TLS for one node's Ratis gRPC transport (ADR 0006): the node presents certificates from a
 * {@link NodeKeyManager} bound to its node key, and accepts only peers a {@link MemberTrustManager} accepts.
 * The same configuration serves Ratis's server, admin and client channels, so the node's own Raft clients
 * (proposals, signatures, forwarding) authenticate like its server does.
 */
public final class RaftTls {
    /** Validity of a node's TLS certificate; {@link NodeKeyManager} renews it at half-life. */
    static final Duration LIFETIME = Duration.ofDays(30);
    /** How far back a certificate's validity reaches, for peers whose clocks run behind this node's. */
    static final Duration BACKDATE = Duration.ofHours(1);

    private RaftTls() {
    }

    /** The keys allowed in a chain's Raft group: the genesis validators' keys and the observers' node keys. */
    public static List<PublicKey> members(Genesis genesis, Collection<PublicKey> observerKeys) {
        List<PublicKey> out = new ArrayList<>();
        for (ValidatorInfo v : genesis.validators()) {
            out.add(v.publicKey());
        }
        out.addAll(observerKeys);
        return out;
    }

    /**
     * The gRPC TLS configuration of a node holding {@code nodeKey}.
     *
     * @throws IllegalArgumentException when the node key is not of the chain's suite or not one of {@code members}
     *     (such a node would be refused by every peer)
     */
    public static GrpcTlsConfig grpcConfig(CryptoSuite suite, String chainId, KeyPair nodeKey, Collection<PublicKey> members) {
        if (nodeKey == null) {
            throw new IllegalArgumentException("TLS on the Raft transport needs this node's key");
        }
        if (!members.contains(nodeKey.publicKey())) {
            throw new IllegalArgumentException("this node's key " + nodeKey.publicKey()
                    + " is neither a genesis validator's nor a configured observer's key (nor a validator the ledger has in force)");
        }
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        NodeKeyManager keys = new NodeKeyManager(
                from -> NodeCertificate.issue(suite, chainId, nodeKey, from.minus(BACKDATE), from.plus(LIFETIME), random),
                clock);
        MemberTrustManager trust = new MemberTrustManager(suite, chainId, members, clock);
        return GrpcTlsConfig.newBuilder()
                .setKeyManager(keys)
                .setTrustManager(trust)
                .setMutualTls(true)
                .setSslProvider(SslProvider.JDK)
                .setProtocols("TLSv1.3")
                .build();
    }

    /** Uses {@code tls} for every gRPC channel Ratis opens with these parameters: server, admin and client. */
    public static void apply(Parameters parameters, GrpcTlsConfig tls) {
        GrpcConfigKeys.TLS.setConf(parameters, tls);
        GrpcConfigKeys.Server.setTlsConf(parameters, tls);
        GrpcConfigKeys.Admin.setTlsConf(parameters, tls);
        GrpcConfigKeys.Client.setTlsConf(parameters, tls);
    }
}
