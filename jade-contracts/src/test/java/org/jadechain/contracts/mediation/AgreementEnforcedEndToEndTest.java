package org.jadechain.contracts.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jadechain.contracts.mediation.MediationFixture.event;
import static org.jadechain.contracts.mediation.MediationFixture.fen;
import static org.jadechain.contracts.mediation.MediationFixture.triggerReceipts;

import org.jadechain.contracts.court.CaseEvidence;
import org.jadechain.contracts.court.CaseState;
import org.jadechain.contracts.court.CourtCalls;
import org.jadechain.contracts.court.CourtCase;
import org.jadechain.contracts.court.CourtContract;
import org.jadechain.contracts.court.CourtQueries;
import org.jadechain.contracts.court.TimelineEntry;
import org.jadechain.contracts.currency.CurrencyQueries;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.model.Receipt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole story, on both crypto suites: a mediator's agreement between a citizen and a shop, one installment
 * paid, the second missed, the case filed by the ledger itself, and the court recovering what the citizen has.
 */
class AgreementEnforcedEndToEndTest {

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void missedInstallmentIsFiledAndEnforcedWithoutAnyoneAsking(SuiteId suite) {
        MediationFixture f = MediationFixture.create(suite);
        f.wallet("citizen-1", "150.00");
        f.wallet("shop-1", "0");
        long supply = CurrencyQueries.totalSupply(f.state());
        long due1 = f.now() + 10_000;
        long due2 = f.now() + 30_000;

        String id = f.propose("shop-1", "citizen-1", fen("100.00"), due1, fen("100.00"), due2);
        Receipt creditorSigned = f.sign("shop-1", id);
        Receipt debtorSigned = f.sign("citizen-1", id);
        Receipt paid = f.pay("citizen-1", id, 1);
        CommittedBlock quiet = f.emptyBlockAt(due2 - 1);
        CommittedBlock next = f.emptyBlockAt(due2 + 1_000);

        assertThat(triggerReceipts(quiet)).singleElement().satisfies(r -> event(r, MediationContract.NAME,
                MediationContract.INSTALLMENT_MET));
        Receipt filing = triggerReceipts(next).get(0);
        assertThat(event(filing, CourtContract.NAME, CourtContract.CASE_FILED).get("case")).isEqualTo("C-1");
        assertThat(CourtQueries.cases(f.state(), "court", CaseState.FILED, 0, 10)).extracting(CourtCase::id)
                .containsExactly("C-1");
        CaseEvidence e = CourtQueries.evidence(f.state(), "C-1");
        assertThat(e.agreement()).isEqualTo(id);
        assertThat(e.creditorSignature().txHash()).isEqualTo(creditorSigned.txHash());
        assertThat(e.debtorSignature().txHash()).isEqualTo(debtorSigned.txHash());
        assertThat(e.payments()).extracting(CaseEvidence.Paid::txHash).containsExactly(paid.txHash());
        assertThat(f.courtCase("C-1").outstanding()).isEqualTo(fen("100.00"));

        f.court(CourtContract.ACCEPT, CourtCalls.accept("C-1", "agreement " + id + " breached"));
        f.court(CourtContract.ENFORCE, CourtCalls.enforce("C-1", "freeze up to the outstanding amount"));
        assertThat(f.frozen("citizen-1")).isEqualTo(fen("50.00"));
        f.court(CourtContract.DEDUCT, CourtCalls.deduct("C-1", fen("50.00"), "to the creditor"));
        f.court(CourtContract.CLOSE, CourtCalls.close("C-1", "the debtor holds nothing more"));

        assertThat(f.balance("shop-1")).isEqualTo(fen("150.00"));
        assertThat(f.balance("citizen-1")).isZero();
        assertThat(f.balance("shop-1") + f.balance("citizen-1")).isEqualTo(fen("150.00"));
        assertThat(CurrencyQueries.totalSupply(f.state())).isEqualTo(supply);
        assertThat(f.courtCase("C-1").state()).isEqualTo(CaseState.CLOSED);
        assertThat(f.courtCase("C-1").outstanding()).isEqualTo(fen("50.00"));
        assertThat(CourtQueries.timeline(f.state(), "C-1")).extracting(TimelineEntry::step).containsExactly(
                TimelineEntry.Step.FILED, TimelineEntry.Step.ACCEPTED, TimelineEntry.Step.ENFORCEMENT_ORDERED,
                TimelineEntry.Step.DEDUCTED, TimelineEntry.Step.CLOSED);
        f.assertInvariants();
    }
}
