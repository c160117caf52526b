package org.jadechain.node;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.consensus.raft.RaftConfig;
import org.jadechain.consensus.raft.RaftPeerConfig;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.node.config.RaftSettings;

/** From a node's {@code raft} configuration to the Raft group, checked against the genesis validators. */
final class RaftNetwork {
    private RaftNetwork() {
    }

    /**
     * The configuration must list every genesis validator by its id, and nothing else as a voter; this node
     * must be in it, and hold that validator's key unless it is an observer.
     */
    static void check(NodeConfig config, Genesis genesis, ValidatorInfo keyOwner, boolean observer) throws IOException {
        RaftSettings raft = config.raft();
        List<String> voters = new ArrayList<>();
        for (RaftSettings.Member m : raft.validators()) {
            voters.add(m.id());
        }
        List<String> validators = new ArrayList<>();
        for (ValidatorInfo v : genesis.validators()) {
            validators.add(v.id());
        }
        if (!voters.stream().sorted().toList().equals(validators.stream().sorted().toList())) {
            throw new IOException("the raft members " + voters + " are not the genesis validators " + validators);
        }
        RaftSettings.Member self = raft.member(config.nodeId());
        if (self == null) {
            throw new IOException("node '" + config.nodeId() + "' is not among the raft members of its configuration");
        }
        if (!observer && (keyOwner == null || !keyOwner.id().equals(config.nodeId()))) {
            throw new IOException("the key " + config.validatorKey() + " is not the key genesis gives validator '"
                    + config.nodeId() + "'");
        }
        if (observer && keyOwner != null) {
            throw new IOException("observer '" + config.nodeId() + "' must not run with a validator's key");
        }
    }

    static RaftConfig raftConfig(NodeConfig config) {
        List<RaftPeerConfig> peers = new ArrayList<>();
        for (RaftSettings.Member m : config.raft().members()) {
            peers.add(m.observer() ? RaftPeerConfig.listener(m.id(), m.address()) : RaftPeerConfig.validator(m.id(), m.address()));
        }
        return RaftConfig.of(config.nodeId(), peers, config.raft().storageDir())
                .withBlocks(config.block().maxTxs(), config.block().maxWaitMillis(), config.block().emptyBlockIntervalMillis());
    }
}
