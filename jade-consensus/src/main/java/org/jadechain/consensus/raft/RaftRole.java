package org.jadechain.consensus.raft;

/** This node's role in the Raft group, for status pages; {@code STOPPED} before start, after close or halt. */
public enum RaftRole { LEADER, FOLLOWER, CANDIDATE, LISTENER, STOPPED }
