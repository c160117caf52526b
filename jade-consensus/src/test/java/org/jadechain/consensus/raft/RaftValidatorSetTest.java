package org.jadechain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.ledger.CertificateVerifier;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.ledger.ValidatorSets;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quorums follow the validator set the ledger says is in force at each height (as governance changes it),
 * not the genesis set: once v3 is out of the set, its signatures no longer count, the certificates hold a
 * majority of {v1, v2}, and with v1 stopped nothing commits although Raft itself still has a majority.
 */
class RaftValidatorSetTest {
    private static final long CHANGE_AT = 5;

    @TempDir
    Path dir;

    @Test
    void certificatesFollowTheSetInForceAtEachHeight() throws Exception {
        try (RaftTestNetwork net = RaftTestNetwork.create(dir, 3, 0)) {
            List<ValidatorInfo> genesisSet = net.genesis.validators();
            List<ValidatorInfo> reduced = genesisSet.subList(0, 2);
            ValidatorSets sets = (state, height) -> height >= CHANGE_AT ? reduced : genesisSet;
            for (RaftTestNetwork.Node n : net.nodes) {
                n.validatorSets = sets;
            }
            net.startAll();
            RaftTestNetwork.Node leader = net.awaitLeader();
            List<Transaction> txs = new ArrayList<>();
            for (int i = 0; net.nodes.get(0).height() < CHANGE_AT + 3 && i < 200; i++) {
                Transaction t = net.tx("client-" + (i % 3));
                txs.add(t);
                leader.submit(t);
                net.awaitCommitted(List.of(leader), List.of(t));
            }
            RaftTestNetwork.await("every node at the leader's height",
                    () -> net.nodes.stream().allMatch(n -> n.height() >= leader.height()));
            CertificateVerifier verifier = new CertificateVerifier(net.suite);
            for (long h = 1; h <= leader.height(); h++) {
                StoredBlock b = leader.store.block(h);
                CommitCertificate cert = b.certificate();
                Hash headerHash = b.block().header().hash(net.suite);
                List<ValidatorInfo> inForce = h >= CHANGE_AT ? reduced : genesisSet;
                assertThat(verifier.check(cert, headerHash, inForce)).as("certificate of block %d", h).isNull();
                if (h >= CHANGE_AT) {
                    assertThat(cert.signatures()).as("block %d", h).hasSize(2).noneMatch(s ->
                            java.util.Arrays.equals(s.publicKey(), genesisSet.get(2).publicKey().unsafeEncoded()));
                }
            }
            assertThat(net.nodes).allMatch(n -> n.halts.isEmpty());

            RaftTestNetwork.Node v1 = net.node("v1");
            v1.stop();
            RaftTestNetwork.Node v2 = net.node("v2");
            long before = v2.height();
            Transaction stuck = net.tx("client-9");
            v2.submit(stuck);
            net.node("v3").submit(stuck);
            Thread.sleep(3_000);
            assertThat(v2.height()).as("v2 and v3 are a Raft majority but v3 no longer certifies").isEqualTo(before);
            assertThat(v2.holds(stuck)).isFalse();

            v1.start();
            net.awaitCommitted(List.of(v1, v2, net.node("v3")), List.of(stuck));
            net.assertSameChainsWith(sets);
        }
    }
}
