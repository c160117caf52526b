package org.jadechain.contracts.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.jadechain.testkit.TestChain;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Validator-set changes decided by a majority of the governing organisations, and the set at each height. */
class GovernanceTest {
    private static final String NAME = GovernanceContract.NAME;

    private static TestChain chain(SuiteId suite) {
        return TestChain.create(suite, SystemContracts.registry(), Map.of(GovernanceContract.GOVERNORS_PARAMETER, "bank-a, bank-b"));
    }

    private static Receipt ok(Receipt r) {
        assertThat(r.code()).as(r.message()).isEqualTo(ResultCode.OK);
        return r;
    }

    private static void refused(Receipt r, ResultCode code) {
        assertThat(r.code()).as(r.message()).isEqualTo(code);
        assertThat(r.message()).isNotBlank();
    }

    private static List<String> ids(List<ValidatorInfo> vs) {
        return vs.stream().map(ValidatorInfo::id).toList();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aMajorityOfGoverningOrganisationsAddsAndRemovesValidatorsFromTheNextBlockOn(SuiteId suite) throws Exception {
        TestChain c = chain(suite);
        assertThat(GovernanceQueries.governors(c.store())).containsExactly("bank-a", "bank-b", "central-bank");
        assertThat(ids(GovernanceQueries.validatorsAt(c.store(), c.suite(), 1))).containsExactly("validator-1");
        KeyPair k2 = c.suite().generateKeyPair(new SecureRandom());

        Receipt proposed = ok(c.submit("bank-a", NAME, GovernanceContract.PROPOSE,
                GovernanceCalls.proposeAdd("validator-2", "bank-a", k2.publicKey(), "10.0.0.2:9180", "bank A runs a node")));
        assertThat(proposed.outputValue("proposal")).isEqualTo("G-1");
        assertThat(proposed.outputValue("adopted")).isNull();
        refused(c.submit("court", NAME, GovernanceContract.APPROVE, GovernanceCalls.approve("G-1")), ResultCode.NOT_AUTHORISED);
        refused(c.submit("citizen-1", NAME, GovernanceContract.APPROVE, GovernanceCalls.approve("G-1")), ResultCode.NOT_AUTHORISED);
        refused(c.submit("bank-a", NAME, GovernanceContract.APPROVE, GovernanceCalls.approve("G-1")), ResultCode.ALREADY_EXISTS);
        refused(c.submit("bank-b", NAME, GovernanceContract.APPROVE, GovernanceCalls.approve("G-9")), ResultCode.NOT_FOUND);
        assertThat(GovernanceQueries.history(c.store(), c.suite())).hasSize(1);

        CommittedBlock adoptedIn = c.block(c.tx("central-bank", NAME, GovernanceContract.APPROVE, GovernanceCalls.approve("G-1")));
        Receipt adopted = ok(adoptedIn.receipts().get(adoptedIn.receipts().size() - 1));
        assertThat(adopted.outputValue("adopted")).isEqualTo("1");
        Event changed = adopted.events().stream().filter(e -> e.type().equals(GovernanceContract.SET_CHANGED)).findFirst().orElseThrow();
        long h = adoptedIn.height();
        assertThat(changed.get("fromHeight")).isEqualTo(Long.toString(h + 1));
        assertThat(changed.get("validators")).isEqualTo("validator-1,validator-2");
        assertThat(ids(GovernanceQueries.validatorsAt(c.store(), c.suite(), h))).containsExactly("validator-1");
        assertThat(ids(GovernanceQueries.validatorsAt(c.store(), c.suite(), h + 1))).containsExactly("validator-1", "validator-2");
        ValidatorSet current = GovernanceQueries.current(c.store(), c.suite());
        assertThat(current.member("validator-2").raftAddress()).isEqualTo("10.0.0.2:9180");
        assertThat(current.member("validator-2").info().publicKey()).isEqualTo(k2.publicKey());
        assertThat(current.adoptedBy()).isEqualTo(adopted.txHash());
        for (int i = 0; i < current.members().size(); i++) {
            assertThat(ValidatorSet.decodeMember(org.jadechain.core.crypto.Hex.decode(
                    changed.get(GovernanceContract.MEMBER_ATTRIBUTE + i)), c.suite())).isEqualTo(current.members().get(i));
        }
        assertThat(changed.get(GovernanceContract.MEMBER_ATTRIBUTE + current.members().size())).isNull();
        assertThat(GovernanceQueries.proposal(c.store(), "G-1").state()).isEqualTo(Proposal.State.ADOPTED);
        refused(c.submit("bank-b", NAME, GovernanceContract.APPROVE, GovernanceCalls.approve("G-1")), ResultCode.INVALID_STATE);

        refused(c.submit("bank-b", NAME, GovernanceContract.PROPOSE, GovernanceCalls.proposeAdd("validator-2", "bank-b",
                c.suite().generateKeyPair(new SecureRandom()).publicKey(), "10.0.0.3:9180", "again")), ResultCode.INVALID_STATE);
        refused(c.submit("bank-b", NAME, GovernanceContract.PROPOSE, GovernanceCalls.proposeAdd("validator-3", "bank-b",
                k2.publicKey(), "10.0.0.3:9180", "same key")), ResultCode.INVALID_STATE);
        refused(c.submit("bank-b", NAME, GovernanceContract.PROPOSE, GovernanceCalls.proposeAdd("validator-3", "nobody",
                c.suite().generateKeyPair(new SecureRandom()).publicKey(), "10.0.0.3:9180", "x")), ResultCode.INVALID_ARGUMENT);
        refused(c.submit("bank-b", NAME, GovernanceContract.PROPOSE, GovernanceCalls.proposeAdd("validator-3", "bank-b",
                c.suite().generateKeyPair(new SecureRandom()).publicKey(), "no port", "x")), ResultCode.INVALID_ARGUMENT);
        refused(c.submit("bank-b", NAME, GovernanceContract.PROPOSE, GovernanceCalls.proposeRemove("validator-9", "x")),
                ResultCode.INVALID_STATE);

        ok(c.submit("bank-b", NAME, GovernanceContract.PROPOSE, GovernanceCalls.proposeRemove("validator-1", "retired")));
        refused(c.submit("bank-a", NAME, GovernanceContract.WITHDRAW, GovernanceCalls.withdraw("G-2")), ResultCode.NOT_AUTHORISED);
        ok(c.submit("bank-a", NAME, GovernanceContract.APPROVE, GovernanceCalls.approve("G-2")));
        assertThat(ids(GovernanceQueries.current(c.store(), c.suite()).validators())).containsExactly("validator-2");
        assertThat(GovernanceQueries.history(c.store(), c.suite())).extracting(ValidatorSet::version).containsExactly(0L, 1L, 2L);
        refused(c.submit("bank-a", NAME, GovernanceContract.PROPOSE, GovernanceCalls.proposeRemove("validator-2", "x")),
                ResultCode.INVALID_STATE);

        ok(c.submit("bank-b", NAME, GovernanceContract.PROPOSE, GovernanceCalls.proposeAdd("validator-3", "bank-b",
                c.suite().generateKeyPair(new SecureRandom()).publicKey(), "10.0.0.3:9180", "maybe")));
        ok(c.submit("bank-b", NAME, GovernanceContract.WITHDRAW, GovernanceCalls.withdraw("G-3")));
        refused(c.submit("central-bank", NAME, GovernanceContract.APPROVE, GovernanceCalls.approve("G-3")), ResultCode.INVALID_STATE);
        assertThat(GovernanceQueries.proposal(c.store(), "G-3").state()).isEqualTo(Proposal.State.WITHDRAWN);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void withoutOtherGovernorsTheCentralBankDecidesAlone(SuiteId suite) {
        TestChain c = TestChain.create(suite, SystemContracts.registry());
        assertThat(GovernanceQueries.governors(c.store())).containsExactly("central-bank");
        Receipt r = ok(c.submit("central-bank", NAME, GovernanceContract.PROPOSE, GovernanceCalls.proposeAdd("validator-2",
                "bank-a", c.suite().generateKeyPair(new SecureRandom()).publicKey(), "127.0.0.1:9181", "second node")));
        assertThat(r.outputValue("adopted")).isEqualTo("1");
        refused(c.submit("bank-a", NAME, GovernanceContract.PROPOSE, GovernanceCalls.proposeRemove("validator-1", "x")),
                ResultCode.NOT_AUTHORISED);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aGovernorThatIsNoOrganisationIsAGenesisError(SuiteId suite) {
        assertThatThrownBy(() -> TestChain.create(suite, SystemContracts.registry(),
                Map.of(GovernanceContract.GOVERNORS_PARAMETER, "bank-a,ghost")))
                .hasStackTraceContaining("ghost");
    }
}
