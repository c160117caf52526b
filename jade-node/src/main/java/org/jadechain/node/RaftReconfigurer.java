package org.jadechain.node;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.consensus.raft.RaftOrdering;
import org.jadechain.consensus.raft.RaftPeerConfig;
import org.jadechain.consensus.raft.RaftRole;
import org.jadechain.contracts.governance.GovernanceQueries;
import org.jadechain.contracts.governance.ValidatorSet;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.node.config.RaftSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Raft group's voters equal to the validators the ledger has in force: every couple of seconds the
 * leader compares its Raft configuration with the governance state and, when a change was adopted, asks Ratis
 * for the new configuration (a validator's Raft address comes from the change, else from this node's
 * configuration). Observers stay listeners. Runs on its own daemon thread; a failed attempt is retried.
 */
final class RaftReconfigurer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RaftReconfigurer.class);
    private static final long PERIOD_MILLIS = 2_000;

    private final RaftOrdering raft;
    private final Ledger ledger;
    private final NodeConfig config;
    private final Thread thread;
    private volatile boolean running = true;

    RaftReconfigurer(RaftOrdering raft, Ledger ledger, NodeConfig config) {
        this.raft = raft;
        this.ledger = ledger;
        this.config = config;
        this.thread = new Thread(this::run, "raft-reconfigure-" + config.nodeId());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(PERIOD_MILLIS);
                if (raft.role() == RaftRole.LEADER && raft.failure() == null) {
                    reconcile();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("could not bring the Raft group in line with the validator set: {}", e.getMessage());
            }
        }
    }

    /** The members the group should have now, or null when an address is unknown. */
    List<RaftPeerConfig> desired() {
        ValidatorSet set;
        try {
            set = GovernanceQueries.current(ledger.store(), ledger.suite());
        } catch (IllegalStateException e) {
            return null;
        }
        List<RaftPeerConfig> out = new ArrayList<>();
        for (ValidatorSet.Member m : set.members()) {
            String address = m.raftAddress();
            if (address.isEmpty()) {
                RaftSettings.Member configured = config.raft().member(m.info().id());
                if (configured == null) {
                    log.warn("validator {} has no Raft address in the ledger or in {}'s configuration", m.info().id(),
                            config.nodeId());
                    return null;
                }
                address = configured.address();
            }
            out.add(RaftPeerConfig.validator(m.info().id(), address));
        }
        for (RaftSettings.Member o : config.raft().observers()) {
            out.add(RaftPeerConfig.listener(o.id(), o.address()));
        }
        return out;
    }

    private void reconcile() throws IOException {
        List<RaftPeerConfig> want = desired();
        if (want == null) {
            return;
        }
        List<String> voters = want.stream().filter(p -> p.kind() == RaftPeerConfig.Kind.VALIDATOR).map(RaftPeerConfig::id)
                .sorted().toList();
        if (!voters.equals(raft.voterIds())) {
            log.info("the ledger's validators are {} but the Raft voters are {}: reconfiguring", voters, raft.voterIds());
            raft.reconfigure(want);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
