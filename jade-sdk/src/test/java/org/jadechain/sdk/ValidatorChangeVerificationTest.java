package org.jadechain.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.contracts.governance.GovernanceCalls;
import org.jadechain.contracts.governance.GovernanceContract;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.ledger.TxLocation;
import org.jadechain.testkit.TestChain;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Offline proofs across a validator-set change: a block certified by the changed set verifies only with the
 * receipt of the change attached, and a change that is not what the chain adopted is refused.
 */
class ValidatorChangeVerificationTest {

    private static ReceiptBundle bundleOf(TestChain c, String txHash) throws Exception {
        TxLocation loc = c.store().locate(org.jadechain.core.crypto.Hash.fromHex(txHash));
        return ReceiptBundles.build(c.store().block(loc.height()), loc.index(), c.genesis());
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aBlockOfTheNewSetIsProvenThroughTheChangeFromGenesis(SuiteId suite) throws Exception {
        TestChain c = TestChain.create(suite, SystemContracts.registry());
        KeyPair v2 = c.suite().generateKeyPair(new SecureRandom());
        CommittedBlock changeBlock = c.block(c.tx("central-bank", GovernanceContract.NAME, GovernanceContract.PROPOSE,
                GovernanceCalls.proposeAdd("validator-2", "bank-a", v2.publicKey(), "127.0.0.1:9181", "second node")));
        String changeTx = changeBlock.block().transactions().get(0).hash().hex();
        assertThat(changeBlock.receipts().get(changeBlock.receipts().size() - 1).outputValue("adopted")).isEqualTo("1");

        CommittedBlock later = c.blockSignedBy(List.of(c.validatorKey(), v2), c.tx("citizen-1", EvidenceCalls.CONTRACT,
                EvidenceCalls.RECORD_EVIDENCE, EvidenceCalls.recordEvidenceArgs(
                        c.suite().hash("lease".getBytes(StandardCharsets.UTF_8)).bytes(), "lease")));
        String laterTx = later.block().transactions().get(0).hash().hex();
        ReceiptVerifier verifier = new ReceiptVerifier(c.genesis());
        List<org.jadechain.core.genesis.ValidatorInfo> inForce = org.jadechain.contracts.governance.GovernanceQueries
                .validatorsAt(c.store(), c.suite(), later.height());
        assertThat(inForce).hasSize(2);

        ReceiptBundle bare = bundleOf(c, laterTx);
        VerificationResult withoutChange = verifier.verify(bare);
        assertThat(withoutChange.valid()).isFalse();
        assertThat(withoutChange.failedCheck()).isEqualTo(VerificationCheck.CERTIFICATE);

        ReceiptBundle change = bundleOf(c, changeTx);
        ReceiptBundle proven = bare.withValidatorChanges(List.of(change), inForce);
        VerificationResult ok = verifier.verifyText(proven.toText());
        assertThat(ok.valid()).as(ok.reason()).isTrue();
        assertThat(ok.passed()).contains(VerificationCheck.VALIDATOR_SET, VerificationCheck.CERTIFICATE);

        // the change block itself is still certified by the genesis set alone
        assertThat(verifier.verify(change).valid()).isTrue();

        // a change receipt that is not a validator-set change
        VerificationResult notAChange = verifier.verify(bare.withValidatorChanges(List.of(bare), inForce));
        assertThat(notAChange.failedCheck()).isEqualTo(VerificationCheck.VALIDATOR_SET);

        // an altered change receipt no longer verifies
        String tamperedReceipt = change.receipt().substring(0, change.receipt().length() - 2)
                + (change.receipt().endsWith("00") ? "01" : "00");
        ReceiptBundle altered = new ReceiptBundle(change.format(), change.documentHash(), change.chainId(), change.suite(),
                change.txHash(), change.blockHeight(), change.transaction(), change.txProof(), tamperedReceipt,
                change.receiptProof(), change.header(), change.headerHash(), change.certificate());
        VerificationResult forged = verifier.verify(bare.withValidatorChanges(List.of(altered), inForce));
        assertThat(forged.valid()).isFalse();
        assertThat(forged.failedCheck()).isEqualTo(VerificationCheck.VALIDATOR_SET);

        // a later block signed only by the old validator: one of two is not a majority of the new set
        CommittedBlock minority = c.block(c.tx("citizen-1", EvidenceCalls.CONTRACT, EvidenceCalls.RECORD_EVIDENCE,
                EvidenceCalls.recordEvidenceArgs(c.suite().hash("x".getBytes(StandardCharsets.UTF_8)).bytes(), "x")));
        ReceiptBundle weak = bundleOf(c, minority.block().transactions().get(0).hash().hex()).withValidatorChanges(List.of(change), inForce);
        assertThat(verifier.verify(weak).failedCheck()).isEqualTo(VerificationCheck.CERTIFICATE);
    }
}
