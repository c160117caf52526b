package org.jadechain.contracts.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jadechain.contracts.mediation.MediationFixture.HOUR;
import static org.jadechain.contracts.mediation.MediationFixture.MINUTE;
import static org.jadechain.contracts.mediation.MediationFixture.event;
import static org.jadechain.contracts.mediation.MediationFixture.fen;
import static org.jadechain.contracts.mediation.MediationFixture.triggerReceipts;

import java.util.List;
import org.jadechain.contracts.court.CaseEvidence;
import org.jadechain.contracts.court.CaseState;
import org.jadechain.contracts.court.CourtCalls;
import org.jadechain.contracts.court.CourtCase;
import org.jadechain.contracts.court.CourtContract;
import org.jadechain.contracts.court.CourtQueries;
import org.jadechain.contracts.court.TimelineEntry;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the agreement does by itself when deadlines pass, and how late payments count. */
class SelfFilingTest {
    private final MediationFixture f = MediationFixture.create(SuiteId.INTL);
    private long due1;
    private long due2;

    /** citizen-1 owes shop-1 two installments of 100.00, due in one and two hours, and holds 1,000.00. */
    @BeforeEach
    void parties() {
        f.wallet("citizen-1", "1,000.00");
        f.wallet("shop-1", "0");
        f.wallet("citizen-2", "50.00");
        due1 = f.now() + HOUR;
        due2 = f.now() + 2 * HOUR;
    }

    private String bindingAgreement() {
        String id = f.propose("shop-1", "citizen-1", fen("100.00"), due1, fen("100.00"), due2);
        f.sign("shop-1", id);
        f.sign("citizen-1", id);
        return id;
    }

    @Test
    void paidInFullFilesNoCase() {
        String id = bindingAgreement();
        f.pay("citizen-1", id, 1);
        f.pay("citizen-1", id, 2);

        CommittedBlock first = f.emptyBlockAt(due1);
        CommittedBlock second = f.emptyBlockAt(due2 + HOUR);

        assertThat(triggerReceipts(first)).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(ResultCode.OK);
            assertThat(event(r, MediationContract.NAME, MediationContract.INSTALLMENT_MET).get("installment"))
                    .isEqualTo("1");
        });
        assertThat(triggerReceipts(second)).singleElement()
                .satisfies(r -> assertThat(event(r, MediationContract.NAME, MediationContract.INSTALLMENT_MET)
                        .get("installment")).isEqualTo("2"));
        assertThat(CourtQueries.caseCount(f.state())).isZero();
        assertThat(f.agreement(id).cases()).isEmpty();
        assertThat(f.balance("shop-1")).isEqualTo(fen("200.00"));
        assertThat(f.balance("citizen-1")).isEqualTo(fen("800.00"));
        f.assertInvariants();
    }

    @Test
    void aCasePaidOffLateDoesNotHoldBackTheNextMissedInstallment() {
        String id = bindingAgreement();
        f.emptyBlockAt(due1 + MINUTE);
        assertThat(f.courtCase("C-1").state()).isEqualTo(CaseState.FILED);
        f.pay("citizen-1", id, 1);
        assertThat(f.courtCase("C-1").outstanding()).isZero();

        CommittedBlock filedIn = f.emptyBlockAt(due2 + MINUTE);

        Receipt trigger = triggerReceipts(filedIn).get(0);
        assertThat(trigger.outputValue("case")).isEqualTo("C-2");
        CourtCase c2 = f.courtCase("C-2");
        assertThat(c2.state()).isEqualTo(CaseState.FILED);
        assertThat(c2.outstanding()).isEqualTo(fen("100.00"));
        CaseEvidence e = CourtQueries.evidence(f.state(), "C-2");
        assertThat(e.firstInstallment()).isEqualTo(2);
        assertThat(e.lastInstallment()).isEqualTo(2);
        assertThat(e.payments()).singleElement().satisfies(p -> assertThat(p.installment()).isEqualTo(1));
        assertThat(f.agreement(id).cases()).extracting(Agreement.CaseLink::caseId).containsExactly("C-1", "C-2");
        f.assertInvariants();
    }

    @Test
    void missedInstallmentFilesCaseAtFirstBlockPastDueTimeWithExactEvidence() {
        String id = f.propose("shop-1", "citizen-1", fen("100.00"), due1, fen("100.00"), due2);
        Receipt creditorSigned = f.sign("shop-1", id);
        Receipt debtorSigned = f.sign("citizen-1", id);
        Receipt paid = f.pay("citizen-1", id, 1);
        CommittedBlock paidIn = f.blocks.get(f.blocks.size() - 1);
        f.emptyBlockAt(due1 + MINUTE);

        CommittedBlock justBefore = f.emptyBlockAt(due2 - 1);
        assertThat(triggerReceipts(justBefore)).isEmpty();
        assertThat(CourtQueries.caseCount(f.state())).isZero();

        CommittedBlock filedIn = f.emptyBlockAt(due2 + 5 * MINUTE);

        Receipt trigger = triggerReceipts(filedIn).get(0);
        assertThat(triggerReceipts(filedIn)).hasSize(1);
        assertThat(trigger.code()).as(trigger.message()).isEqualTo(ResultCode.OK);
        assertThat(trigger.outputValue("case")).isEqualTo("C-1");
        Event missed = event(trigger, MediationContract.NAME, MediationContract.INSTALLMENT_MISSED);
        assertThat(missed.get("agreement")).isEqualTo(id);
        assertThat(missed.get("installment")).isEqualTo("2");
        assertThat(missed.get("case")).isEqualTo("C-1");
        assertThat(missed.get("filed")).isEqualTo("true");
        Event filed = event(trigger, CourtContract.NAME, CourtContract.CASE_FILED);
        assertThat(filed.get("court")).isEqualTo("court");
        assertThat(filed.get("outstanding")).isEqualTo("10000");
        assertThat(filed.get("debtor")).isEqualTo(f.wallet("citizen-1").hex());
        assertThat(filed.get("creditor")).isEqualTo(f.wallet("shop-1").hex());

        CourtCase c = f.courtCase("C-1");
        assertThat(c.state()).isEqualTo(CaseState.FILED);
        assertThat(c.court()).isEqualTo("court");
        assertThat(c.agreement()).isEqualTo(id);
        assertThat(c.creditor()).isEqualTo(f.wallet("shop-1"));
        assertThat(c.debtor()).isEqualTo(f.wallet("citizen-1"));
        assertThat(c.outstanding()).isEqualTo(fen("100.00"));
        assertThat(c.filedOutstanding()).isEqualTo(fen("100.00"));
        assertThat(c.filedHeight()).isEqualTo(filedIn.height());
        assertThat(c.filedTime()).isEqualTo(due2 + 5 * MINUTE);
        assertThat(c.filedBy()).isEqualTo(trigger.txHash());

        Agreement a = f.agreement(id);
        CaseEvidence e = CourtQueries.evidence(f.state(), "C-1");
        assertThat(e.agreement()).isEqualTo(id);
        assertThat(e.mediator()).isEqualTo("mediator");
        assertThat(e.agreementHash()).isEqualTo(a.agreementHash())
                .isEqualTo(a.computeHash(f.chain.suite(), f.chain.genesis().chainId()));
        assertThat(filed.get("evidenceHash")).isEqualTo(e.hash(f.chain.suite()).hex());
        assertThat(Hex.encode(e.termsHash())).isEqualTo(Hex.encode(MediationFixture.TERMS));
        assertThat(e.creditorSignature().txHash()).isEqualTo(creditorSigned.txHash());
        assertThat(e.creditorSignature().signer()).isEqualTo(f.wallet("shop-1"));
        assertThat(e.debtorSignature().txHash()).isEqualTo(debtorSigned.txHash());
        assertThat(e.debtorSignature().signer()).isEqualTo(f.wallet("citizen-1"));
        assertThat(e.schedule()).containsExactly(new CaseEvidence.Due(fen("100.00"), due1),
                new CaseEvidence.Due(fen("100.00"), due2));
        assertThat(e.firstInstallment()).isEqualTo(2);
        assertThat(e.lastInstallment()).isEqualTo(2);
        assertThat(e.payments()).containsExactly(new CaseEvidence.Paid(1, fen("100.00"), paid.txHash(),
                paidIn.height(), paidIn.block().header().timestamp()));

        assertThat(CourtQueries.timeline(f.state(), "C-1")).singleElement().satisfies(t -> {
            assertThat(t.step()).isEqualTo(TimelineEntry.Step.FILED);
            assertThat(t.state()).isEqualTo(CaseState.FILED);
            assertThat(t.height()).isEqualTo(filedIn.height());
            assertThat(t.txHash()).isEqualTo(trigger.txHash());
            assertThat(t.amount()).isEqualTo(fen("100.00"));
            assertThat(t.reason()).contains("installment 2", id);
        });
        assertThat(CourtQueries.cases(f.state(), "court", CaseState.FILED, 0, 10)).extracting(CourtCase::id)
                .containsExactly("C-1");
        assertThat(a.cases()).containsExactly(new Agreement.CaseLink("C-1", 2, 2));
        f.assertInvariants();
    }

    @Test
    void deadlineRunsBeforeTheTransactionsOfTheBlockAtExactlyTheDueTime() {
        String id = bindingAgreement();
        f.chain.clock().set(due1);

        CommittedBlock b = f.block(f.chain.tx("citizen-1", MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment(id, 1)));

        assertThat(b.receipts()).extracting(Receipt::kind).containsExactly(Receipt.Kind.TRIGGER,
                Receipt.Kind.TRANSACTION);
        assertThat(b.receipts().get(0).outputValue("case")).isEqualTo("C-1");
        Receipt payment = b.receipts().get(1);
        assertThat(payment.code()).as(payment.message()).isEqualTo(ResultCode.OK);
        assertThat(event(payment, MediationContract.NAME, MediationContract.INSTALLMENT_PAID).get("late"))
                .isEqualTo("true");
        assertThat(f.courtCase("C-1").outstanding()).isZero();
        f.assertInvariants();
    }

    @Test
    void latePartialPaymentReducesOutstanding() {
        String id = bindingAgreement();
        f.emptyBlockAt(due1 + MINUTE);
        assertThat(f.courtCase("C-1").outstanding()).isEqualTo(fen("100.00"));

        Receipt r = f.pay("citizen-1", id, 1, fen("30.00"));

        Event paid = event(r, MediationContract.NAME, MediationContract.INSTALLMENT_PAID);
        assertThat(paid.get("late")).isEqualTo("true");
        assertThat(paid.get("amount")).isEqualTo("3000");
        assertThat(paid.get("remaining")).isEqualTo("7000");
        Event recorded = event(r, CourtContract.NAME, CourtContract.CASE_PAYMENT_RECORDED);
        assertThat(recorded.get("case")).isEqualTo("C-1");
        assertThat(recorded.get("outstanding")).isEqualTo("7000");
        CourtCase c = f.courtCase("C-1");
        assertThat(c.outstanding()).isEqualTo(fen("70.00"));
        assertThat(c.paidAfterFiling()).isEqualTo(fen("30.00"));
        assertThat(c.state()).isEqualTo(CaseState.FILED);
        List<TimelineEntry> timeline = CourtQueries.timeline(f.state(), "C-1");
        assertThat(timeline).extracting(TimelineEntry::step).containsExactly(TimelineEntry.Step.FILED,
                TimelineEntry.Step.PAYMENT_RECORDED);
        assertThat(timeline.get(1).txHash()).isEqualTo(r.txHash());
        assertThat(timeline.get(1).amount()).isEqualTo(fen("30.00"));
        assertThat(f.agreement(id).remaining(1)).isEqualTo(fen("70.00"));
        assertThat(f.balance("shop-1")).isEqualTo(fen("30.00"));
        f.assertInvariants();
    }

    @Test
    void installmentsOfAnAcceptedCaseAreSettledThroughTheCourt() {
        String id = bindingAgreement();
        f.emptyBlockAt(due1 + MINUTE);
        f.court(CourtContract.ACCEPT, CourtCalls.accept("C-1", "the agreement is valid and was breached"));

        f.refused(ResultCode.INVALID_STATE, "citizen-1", MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment(id, 1));
        f.pay("citizen-1", id, 2);

        assertThat(f.courtCase("C-1").outstanding()).isEqualTo(fen("100.00"));
        assertThat(f.agreement(id).remaining(2)).isZero();
    }

    @Test
    void triggersNeverFileTwiceForOneAgreement() {
        String id = bindingAgreement();
        CommittedBlock first = f.emptyBlockAt(due1 + MINUTE);
        CommittedBlock second = f.emptyBlockAt(due2 + MINUTE);
        f.emptyBlockAt(due2 + 3 * HOUR);

        assertThat(triggerReceipts(first)).singleElement().satisfies(r -> assertThat(r.outputValue("case"))
                .isEqualTo("C-1"));
        Receipt again = triggerReceipts(second).get(0);
        assertThat(again.code()).isEqualTo(ResultCode.OK);
        Event missed = event(again, MediationContract.NAME, MediationContract.INSTALLMENT_MISSED);
        assertThat(missed.get("case")).isEqualTo("C-1");
        assertThat(missed.get("filed")).isEqualTo("false");
        assertThat(again.events()).noneMatch(e -> e.type().equals(CourtContract.CASE_FILED));
        assertThat(CourtQueries.caseCount(f.state())).isEqualTo(1);
        assertThat(f.agreement(id).cases()).containsExactly(new Agreement.CaseLink("C-1", 1, 1));
        assertThat(f.agreement(id).recheckPending()).isTrue();
        f.assertInvariants();
    }

    @Test
    void installmentMissedWhileACaseIsOpenIsFiledOnceThatCaseEnds() {
        String id = bindingAgreement();
        f.emptyBlockAt(due1 + MINUTE);
        f.emptyBlockAt(due2 + MINUTE);
        f.court(CourtContract.DISMISS, CourtCalls.dismiss("C-1", "settled out of court"));

        CommittedBlock beforeRecheck = f.emptyBlockAt(due2 + MINUTE + MediationContract.RECHECK_INTERVAL_MS - 1);
        CommittedBlock recheck = f.emptyBlockAt(due2 + MINUTE + MediationContract.RECHECK_INTERVAL_MS);

        assertThat(triggerReceipts(beforeRecheck)).isEmpty();
        Receipt r = triggerReceipts(recheck).get(0);
        assertThat(r.outputValue("case")).isEqualTo("C-2");
        assertThat(event(r, MediationContract.NAME, MediationContract.INSTALLMENT_MISSED).get("installment"))
                .isEqualTo("2");
        CourtCase c2 = f.courtCase("C-2");
        assertThat(c2.outstanding()).isEqualTo(fen("100.00"));
        assertThat(CourtQueries.evidence(f.state(), "C-2").firstInstallment()).isEqualTo(2);
        assertThat(f.agreement(id).cases()).containsExactly(new Agreement.CaseLink("C-1", 1, 1),
                new Agreement.CaseLink("C-2", 2, 2));
        assertThat(f.agreement(id).recheckPending()).isFalse();
        // installment 1 of the dismissed case can be paid here again, and touches no case
        Receipt late = f.pay("citizen-1", id, 1);
        assertThat(late.events()).noneMatch(e -> e.contract().equals(CourtContract.NAME));
        assertThat(f.courtCase("C-1").outstanding()).isEqualTo(fen("100.00"));
        f.assertInvariants();
    }

    @Test
    void aRecheckFilesNothingWhenTheMissedInstallmentWasPaidMeanwhile() {
        String id = bindingAgreement();
        f.emptyBlockAt(due1 + MINUTE);
        f.emptyBlockAt(due2 + MINUTE);
        f.pay("citizen-1", id, 2);
        f.court(CourtContract.DISMISS, CourtCalls.dismiss("C-1", "paid in part"));

        CommittedBlock recheck = f.emptyBlockAt(due2 + MINUTE + MediationContract.RECHECK_INTERVAL_MS);

        assertThat(triggerReceipts(recheck)).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(ResultCode.OK);
            assertThat(r.events()).isEmpty();
        });
        assertThat(CourtQueries.caseCount(f.state())).isEqualTo(1);
    }

    @Test
    void oneCaseCoversEveryInstallmentDueWhenItIsFiled() {
        String id = f.propose("shop-1", "citizen-1", fen("100.00"), due1, fen("40.00"), due1 + 1,
                fen("60.00"), due2);
        f.sign("shop-1", id);
        f.sign("citizen-1", id);
        f.pay("citizen-1", id, 2, fen("15.00"));

        CommittedBlock b = f.emptyBlockAt(due1 + MINUTE);

        assertThat(triggerReceipts(b)).hasSize(2);
        assertThat(triggerReceipts(b).get(0).outputValue("case")).isEqualTo("C-1");
        assertThat(triggerReceipts(b).get(1).events()).as("installment 2 is already in C-1").isEmpty();
        assertThat(f.courtCase("C-1").outstanding()).isEqualTo(fen("125.00"));
        assertThat(f.agreement(id).cases()).containsExactly(new Agreement.CaseLink("C-1", 1, 2));
        assertThat(CourtQueries.caseCount(f.state())).isEqualTo(1);
    }
}
