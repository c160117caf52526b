package org.jadechain.node;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.consensus.raft.RaftConfig;
import org.jadechain.consensus.raft.RaftPeerConfig;
import org.jadechain.consensus.raft.RaftTransport;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.ValidatorSets;
import org.jadechain.contracts.governance.GovernanceQueries;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.node.config.RaftSettings;

/** From a node's {@code raft} configuration to the Raft group, checked against the genesis validators. */
final class RaftNetwork {
    private RaftNetwork() {
    }

    /**
     * Before the store is opened: this node must be among the configured members, and hold a genesis
     * validator's key under that validator's id unless it is an observer (or a validator added by governance,
     * which {@link #checkAgainstLedger} then finds in the ledger's set).
     */
    static void check(NodeConfig config, Genesis genesis, ValidatorInfo keyOwner, boolean observer) throws IOException {
        RaftSettings.Member self = config.raft().member(config.nodeId());
        if (self == null) {
            throw new IOException("node '" + config.nodeId() + "' is not among the raft members of its configuration");
        }
        if (keyOwner != null && !keyOwner.id().equals(config.nodeId())) {
            throw new IOException("the key " + config.validatorKey() + " is genesis validator '" + keyOwner.id()
                    + "', not '" + config.nodeId() + "'");
        }
        if (observer && keyOwner != null) {
            throw new IOException("observer '" + config.nodeId() + "' must not run with a validator's key");
        }
    }

    /**
     * With the ledger open: on a new chain the configured voters must be exactly the genesis validators; later
     * a difference (after governance changed the set) is only reported, since the Raft group keeps its own
     * configuration in its log and {@link RaftReconfigurer} keeps it in line with the ledger. A new validator
     * (not in genesis) may start on a new chain with the genesis validators plus itself: it then waits for
     * governance to add it.
     *
     * @return true for such a joining validator
     */
    static boolean checkAgainstLedger(NodeConfig config, Ledger ledger) throws IllegalStateException {
        List<String> voters = new ArrayList<>();
        for (RaftSettings.Member m : config.raft().validators()) {
            voters.add(m.id());
        }
        List<String> validators = new ArrayList<>();
        for (ValidatorInfo v : validatorSets(ledger.genesis()).at(ledger.store(), ledger.height() + 1)) {
            validators.add(v.id());
        }
        boolean joining = voters.contains(config.nodeId()) && !validators.contains(config.nodeId());
        if (!voters.stream().sorted().toList().equals(validators.stream().sorted().toList())) {
            List<String> others = voters.stream().filter(v -> !v.equals(config.nodeId())).sorted().toList();
            if (ledger.height() == 0 && !(joining && others.equals(validators.stream().sorted().toList()))) {
                throw new IllegalStateException("the raft members " + voters + " of " + config.nodeId()
                        + "'s configuration are not the genesis validators " + validators);
            }
            if (joining) {
                org.slf4j.LoggerFactory.getLogger(RaftNetwork.class).info("{} is not a validator in force at height {}: "
                        + "it waits for governance to add it; the leader then adds it to the Raft group and it catches up",
                        config.nodeId(), ledger.height());
            } else {
                org.slf4j.LoggerFactory.getLogger(RaftNetwork.class).warn("the raft members {} of {}'s configuration are "
                        + "not the validators in force {} (governance changed them); the group follows the ledger", voters,
                        config.nodeId(), validators);
            }
        }
        return joining;
    }

    /** The validators of each height from the ledger's governance state (genesis's for a ledger without it). */
    static ValidatorSets validatorSets(Genesis genesis) {
        return (state, height) -> GovernanceQueries.validatorsAt(state, genesis.cryptoSuite(), height, genesis.validators());
    }

    /**
     * The Raft configuration: the members, this node's log directory and block settings, and mutual TLS with
     * this node's key (ADR 0006) — for an observer its own node key, which the configuration lists beside the
     * other observers' keys so that every node lets the observers in.
     */
    static RaftConfig raftConfig(NodeConfig config, Genesis genesis, KeyPair key, boolean observer, boolean joining)
            throws IOException {
        List<RaftPeerConfig> peers = new ArrayList<>();
        List<PublicKey> observerKeys = new ArrayList<>();
        for (RaftSettings.Member m : config.raft().members()) {
            peers.add(m.observer() ? RaftPeerConfig.listener(m.id(), m.address()) : RaftPeerConfig.validator(m.id(), m.address()));
            if (m.observer()) {
                try {
                    observerKeys.add(genesis.cryptoSuite().decodePublicKey(Hex.decode(m.publicKey())));
                } catch (CryptoException | IllegalArgumentException e) {
                    throw new IOException("observer '" + m.id() + "' has no valid " + genesis.suite().label() + " key: " + e.getMessage());
                }
            }
        }
        if (observer && !observerKeys.contains(key.publicKey())) {
            throw new IOException("observer '" + config.nodeId() + "' runs with a key its configuration does not list");
        }
        return RaftConfig.of(config.nodeId(), peers, config.raft().storageDir())
                .withBlocks(config.block().maxTxs(), config.block().maxWaitMillis(), config.block().emptyBlockIntervalMillis())
                .withTransport(RaftTransport.mutualTls().withNodeKey(observer ? key : null).withObserverKeys(observerKeys)
                        .asJoining(joining))
                .withSnapshots(config.raft().snapshotThreshold(), RaftConfig.DEFAULT_LOG_SEGMENT_BYTES);
    }
}
