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
 * @param joining true for a validator that governance has not added yet (so its ledger does not list its key):
 *     it accepts its own key too while it waits for the leader to add it; its peers let it in only once
 *     their ledgers have it in force
 */
public record RaftTransport(boolean tls, KeyPair nodeKey, List<PublicKey> observerKeys, boolean joining) {
    public RaftTransport {
        observerKeys = List.copyOf(observerKeys);
    }

    /** Mutual TLS, the node key being the validator key, no observers. */
    public static RaftTransport mutualTls() {
        return new RaftTransport(true, null, List.of(), false);
    }

    /** No authentication at all: for tests only. */
    public static RaftTransport plaintext() {
        return new RaftTransport(false, null, List.of(), false);
    }

    public RaftTransport withNodeKey(KeyPair key) {
        return new RaftTransport(tls, key, observerKeys, joining);
    }

    public RaftTransport withObserverKeys(List<PublicKey> keys) {
        return new RaftTransport(tls, nodeKey, keys, joining);
    }

    public RaftTransport asJoining(boolean isJoining) {
        return new RaftTransport(tls, nodeKey, observerKeys, isJoining);
    }
}
