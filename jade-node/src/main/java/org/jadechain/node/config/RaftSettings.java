package org.jadechain.node.config;

import java.util.List;

/**
 * The {@code raft} section of a node's configuration: where this node keeps its Raft log, and every member
 * of the Raft group — validators (voting) and observers (non-voting listeners) — with its Raft address and
 * its API URL (so a node can point clients, and {@code jade status}, at the others). Validator ids are the
 * genesis validator ids; the Raft group is derived from this list, identically on every node.
 * {@code snapshotThreshold}: after this many Raft log entries the node takes a snapshot of its ledger (a RocksDB
 * checkpoint) and purges its log behind it (ADR 0008); default {@value #DEFAULT_SNAPSHOT_THRESHOLD}.
 */
public record RaftSettings(java.nio.file.Path storageDir, List<Member> members, long snapshotThreshold) {
    public static final long DEFAULT_SNAPSHOT_THRESHOLD = 10_000;

    public RaftSettings(java.nio.file.Path storageDir, List<Member> members) {
        this(storageDir, members, DEFAULT_SNAPSHOT_THRESHOLD);
    }

    /**
     * One member of the group: {@code address} is {@code host:port} of its Raft (gRPC) endpoint; an observer also
     * names its node's public key (hex), which peers accept on the TLS transport beside the genesis validators'.
     */
    public record Member(String id, String address, String api, boolean observer, String publicKey) {
        public Member(String id, String address, String api, boolean observer) {
            this(id, address, api, observer, "");
        }
    }

    public RaftSettings {
        members = List.copyOf(members);
        if (snapshotThreshold < 1) {
            throw new IllegalArgumentException("the Raft snapshot threshold must be at least 1 log entry");
        }
    }

    /** The member with this id, or null. */
    public Member member(String id) {
        for (Member m : members) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        return null;
    }

    public List<Member> validators() {
        return members.stream().filter(m -> !m.observer()).toList();
    }

    public List<Member> observers() {
        return members.stream().filter(Member::observer).toList();
    }
}
