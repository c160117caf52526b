package org.jadechain.consensus.raft;

/**
 * One member of the Raft group: its Raft peer id, its gRPC address ({@code host:port}) and whether it
 * votes. A {@code VALIDATOR} votes and, when its key is a genesis validator's, signs blocks; a
 * {@code LISTENER} (an observer, e.g. a regulator's node) receives and applies the log but neither votes
 * nor counts for Raft's majority.
 */
public record RaftPeerConfig(String id, String address, Kind kind) {
    public enum Kind { VALIDATOR, LISTENER }

    public RaftPeerConfig {
        if (id == null || id.isEmpty() || address == null || !address.contains(":") || kind == null) {
            throw new IllegalArgumentException("a peer needs an id, a host:port address and a kind");
        }
    }

    public static RaftPeerConfig validator(String id, String address) {
        return new RaftPeerConfig(id, address, Kind.VALIDATOR);
    }

    public static RaftPeerConfig listener(String id, String address) {
        return new RaftPeerConfig(id, address, Kind.LISTENER);
    }

    String host() {
        return address.substring(0, address.lastIndexOf(':'));
    }

    int port() {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
}
