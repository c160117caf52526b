package org.jadechain.consensus.raft;

import java.util.List;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.PublicKey;

/**
 * How a node's Raft transport authenticates its peers (ADR 0006). With {@code tls} every gRPC connection the
 * node makes or accepts — server to server, its own Raft clients, admin — is mutual TLS, and a peer is
 * accepted only if its certificate is bound by a member key: a genesis validator's key or one of
 * {@code observerKeys}. Every node of a group must list the same observer keys.
 *
 * @param tls true for real nodes; false (plaintext, anyone who reaches the port can join) only for tests
 * @param nodeKey the key this node proves its membership with; null means the validator key given to
 *     {@link RaftOrdering}. An observer has no validator key and must set its own node key here.
 * @param observerKeys the node keys of this group's observers (Raft listeners)
 */
public record RaftTransport(boolean tls, KeyPair nodeKey, List<PublicKey> observerKeys) {
    public RaftTransport {
        observerKeys = List.copyOf(observerKeys);
    }

    /** Mutual TLS, the node key being the validator key, no observers. */
    public static RaftTransport mutualTls() {
        return new RaftTransport(true, null, List.of());
    }

    /** No authentication at all: for tests only. */
    public static RaftTransport plaintext() {
        return new RaftTransport(false, null, List.of());
    }

    public RaftTransport withNodeKey(KeyPair key) {
        return new RaftTransport(tls, key, observerKeys);
    }

    public RaftTransport withObserverKeys(List<PublicKey> keys) {
        return new RaftTransport(tls, nodeKey, keys);
    }
}
