package org.jadechain.consensus.raft;

import java.util.List;

/**
 * The leader's answer to forwarded transactions, one entry per transaction in the order sent: null when
 * the leader took it into its queue (or it is already committed), else why it was refused (undecodable,
 * wrong chain, bad signature …). Taking a transaction is not committing it.
 */
public record ForwardResult(String leaderId, List<String> refusals) {
    public ForwardResult {
        refusals = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(refusals));
    }

    public int accepted() {
        int n = 0;
        for (String r : refusals) {
            if (r == null) {
                n++;
            }
        }
        return n;
    }
}
