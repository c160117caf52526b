package org.jadechain.contracts.court;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jadechain.contracts.mediation.MediationFixture.MINUTE;
import static org.jadechain.contracts.mediation.MediationFixture.event;
import static org.jadechain.contracts.mediation.MediationFixture.fen;

import java.util.List;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.contracts.currency.CurrencyQueries;
import org.jadechain.contracts.mediation.MediationFixture;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The court's side: the docket, its rulings, and enforcement against the debtor's wallet. */
class CourtDocketTest {
    private final MediationFixture f = MediationFixture.create(SuiteId.INTL);
    private String agreement;

    /**
     * citizen-1 (holding 150.00) owes shop-1 two installments of 100.00, pays the first and misses the second:
     * case C-1 is FILED for 100.00 while the debtor holds 50.00.
     */
    @BeforeEach
    void caseFiled() {
        f.wallet("citizen-1", "150.00");
        f.wallet("shop-1", "0");
        f.wallet("citizen-2", "500.00");
        long due1 = f.now() + MINUTE;
        long due2 = f.now() + 30 * MINUTE;
        agreement = f.propose("shop-1", "citizen-1", fen("100.00"), due1, fen("100.00"), due2);
        f.sign("shop-1", agreement);
        f.sign("citizen-1", agreement);
        f.pay("citizen-1", agreement, 1);
        f.emptyBlockAt(due2 + 1);
        assertThat(f.courtCase("C-1").state()).isEqualTo(CaseState.FILED);
    }

    private Receipt refused(ResultCode code, String caller, String method, byte[] args) {
        return f.refused(code, caller, CourtContract.NAME, method, args);
    }

    @Test
    void courtEnforcesWhenDebtorHoldsLessThanOwed() {
        long supply = CurrencyQueries.totalSupply(f.state());

        Receipt accepted = f.court(CourtContract.ACCEPT, CourtCalls.accept("C-1", "agreement breached"));
        Receipt enforced = f.court(CourtContract.ENFORCE, CourtCalls.enforce("C-1", "freeze the debtor's wallet"));
        Receipt deducted = f.court(CourtContract.DEDUCT, CourtCalls.deduct("C-1", fen("50.00"), "pay the creditor"));
        Receipt closed = f.court(CourtContract.CLOSE, CourtCalls.close("C-1", "nothing more to recover"));

        assertThat(event(accepted, CourtContract.NAME, CourtContract.CASE_ACCEPTED).get("reason"))
                .isEqualTo("agreement breached");
        Event ordered = event(enforced, CourtContract.NAME, CourtContract.ENFORCEMENT_ORDERED);
        assertThat(ordered.get("amount")).isEqualTo("5000");
        assertThat(ordered.get("outstanding")).isEqualTo("10000");
        assertThat(event(enforced, CurrencyContract.NAME, CurrencyContract.FROZEN).get("caseId")).isEqualTo("C-1");
        assertThat(event(deducted, CourtContract.NAME, CourtContract.CASE_DEDUCTED).get("outstanding"))
                .isEqualTo("5000");
        assertThat(event(deducted, CurrencyContract.NAME, CurrencyContract.DEDUCTED).get("to"))
                .isEqualTo(f.wallet("shop-1").hex());
        assertThat(event(closed, CourtContract.NAME, CourtContract.CASE_CLOSED).get("amount")).isEqualTo("0");

        CourtCase c = f.courtCase("C-1");
        assertThat(c.state()).isEqualTo(CaseState.CLOSED);
        assertThat(c.outstanding()).isEqualTo(fen("50.00"));
        assertThat(c.deducted()).isEqualTo(fen("50.00"));
        assertThat(f.balance("shop-1")).isEqualTo(fen("150.00"));
        assertThat(f.balance("citizen-1")).isZero();
        assertThat(f.frozen("citizen-1")).isZero();
        assertThat(CourtQueries.frozen(f.state(), "C-1")).isZero();
        assertThat(CurrencyQueries.totalSupply(f.state())).isEqualTo(supply);
        List<TimelineEntry> timeline = CourtQueries.timeline(f.state(), "C-1");
        assertThat(timeline).extracting(TimelineEntry::step).containsExactly(TimelineEntry.Step.FILED,
                TimelineEntry.Step.ACCEPTED, TimelineEntry.Step.ENFORCEMENT_ORDERED, TimelineEntry.Step.DEDUCTED,
                TimelineEntry.Step.CLOSED);
        assertThat(timeline).extracting(TimelineEntry::state).containsExactly(CaseState.FILED, CaseState.ACCEPTED,
                CaseState.ENFORCING, CaseState.ENFORCING, CaseState.CLOSED);
        assertThat(timeline).extracting(TimelineEntry::txHash).endsWith(accepted.txHash(), enforced.txHash(),
                deducted.txHash(), closed.txHash());
        assertThat(timeline).extracting(TimelineEntry::amount).containsExactly(fen("100.00"), 0L, fen("50.00"),
                fen("50.00"), 0L);
        assertThat(timeline.get(4).reason()).isEqualTo("nothing more to recover");
        assertThat(CourtQueries.cases(f.state(), "court", CaseState.CLOSED, 0, 10)).extracting(CourtCase::id)
                .containsExactly("C-1");
        assertThat(CourtQueries.caseCount(f.state(), "court", CaseState.FILED)).isZero();
        assertThat(CourtQueries.caseCount(f.state(), "court", CaseState.ENFORCING)).isZero();
        f.assertInvariants();
    }

    @Test
    void closingReleasesWhatTheCaseStillHoldsFrozen() {
        f.court(CourtContract.ACCEPT, CourtCalls.accept("C-1", "breached"));
        f.court(CourtContract.ENFORCE, CourtCalls.enforce("C-1", "freeze"));
        f.court(CourtContract.DEDUCT, CourtCalls.deduct("C-1", fen("20.00"), "part"));
        assertThat(CourtQueries.frozen(f.state(), "C-1")).isEqualTo(fen("30.00"));

        Receipt closed = f.court(CourtContract.CLOSE, CourtCalls.close("C-1", "the parties settled"));

        assertThat(event(closed, CourtContract.NAME, CourtContract.CASE_CLOSED).get("amount")).isEqualTo("3000");
        assertThat(event(closed, CurrencyContract.NAME, CurrencyContract.UNFROZEN).get("amount")).isEqualTo("3000");
        assertThat(f.frozen("citizen-1")).isZero();
        assertThat(f.balance("citizen-1")).isEqualTo(fen("30.00"));
        assertThat(f.courtCase("C-1").outstanding()).isEqualTo(fen("80.00"));
        f.ok("citizen-1", CurrencyContract.NAME, CurrencyContract.TRANSFER,
                CurrencyCalls.transfer(f.wallet("citizen-2"), fen("30.00"), "free again"));
        f.assertInvariants();
    }

    @Test
    void enforcingAgainstAnEmptyWalletFreezesNothing() {
        f.ok("citizen-1", CurrencyContract.NAME, CurrencyContract.TRANSFER,
                CurrencyCalls.transfer(f.wallet("citizen-2"), fen("50.00"), ""));
        f.court(CourtContract.ACCEPT, CourtCalls.accept("C-1", "breached"));

        Receipt r = f.court(CourtContract.ENFORCE, CourtCalls.enforce("C-1", "freeze what there is"));

        assertThat(event(r, CourtContract.NAME, CourtContract.ENFORCEMENT_ORDERED).get("amount")).isEqualTo("0");
        assertThat(r.events()).noneMatch(e -> e.contract().equals(CurrencyContract.NAME));
        assertThat(f.courtCase("C-1").state()).isEqualTo(CaseState.ENFORCING);
        refused(ResultCode.NOT_FOUND, "court", CourtContract.DEDUCT, CourtCalls.deduct("C-1", 1, "nothing frozen"));
        f.court(CourtContract.CLOSE, CourtCalls.close("C-1", "nothing to recover"));
        f.assertInvariants();
    }

    @Test
    void deductionsAreBoundedByTheOutstandingAndTheFrozenAmounts() {
        f.court(CourtContract.ACCEPT, CourtCalls.accept("C-1", "breached"));
        f.court(CourtContract.ENFORCE, CourtCalls.enforce("C-1", "freeze"));

        refused(ResultCode.INVALID_ARGUMENT, "court", CourtContract.DEDUCT,
                CourtCalls.deduct("C-1", fen("100.01"), "too much"));
        refused(ResultCode.INSUFFICIENT_FUNDS, "court", CourtContract.DEDUCT,
                CourtCalls.deduct("C-1", fen("50.01"), "more than frozen"));
        refused(ResultCode.INVALID_ARGUMENT, "court", CourtContract.DEDUCT, CourtCalls.deduct("C-1", 0, "zero"));
        refused(ResultCode.INVALID_ARGUMENT, "court", CourtContract.DEDUCT, CourtCalls.deduct("C-1", 1, " "));
        f.court(CourtContract.DEDUCT, CourtCalls.deduct("C-1", fen("50.00"), "all of it"));
        f.assertInvariants();
    }

    @Test
    void wrongTransitionsRefused() {
        String id = "C-1";
        refused(ResultCode.INVALID_STATE, "court", CourtContract.ENFORCE, CourtCalls.enforce(id, "r"));
        refused(ResultCode.INVALID_STATE, "court", CourtContract.DEDUCT, CourtCalls.deduct(id, 1, "r"));
        refused(ResultCode.INVALID_STATE, "court", CourtContract.CLOSE, CourtCalls.close(id, "r"));
        f.court(CourtContract.ACCEPT, CourtCalls.accept(id, "r"));

        refused(ResultCode.INVALID_STATE, "court", CourtContract.ACCEPT, CourtCalls.accept(id, "r"));
        refused(ResultCode.INVALID_STATE, "court", CourtContract.DEDUCT, CourtCalls.deduct(id, 1, "r"));
        refused(ResultCode.INVALID_STATE, "court", CourtContract.CLOSE, CourtCalls.close(id, "r"));
        f.court(CourtContract.ENFORCE, CourtCalls.enforce(id, "r"));

        refused(ResultCode.INVALID_STATE, "court", CourtContract.ACCEPT, CourtCalls.accept(id, "r"));
        refused(ResultCode.INVALID_STATE, "court", CourtContract.DISMISS, CourtCalls.dismiss(id, "r"));
        refused(ResultCode.INVALID_STATE, "court", CourtContract.ENFORCE, CourtCalls.enforce(id, "r"));
        f.court(CourtContract.CLOSE, CourtCalls.close(id, "r"));

        for (byte[] args : List.of(CourtCalls.accept(id, "r"), CourtCalls.dismiss(id, "r"), CourtCalls.enforce(id, "r"),
                CourtCalls.close(id, "r"))) {
            for (String method : List.of(CourtContract.ACCEPT, CourtContract.DISMISS, CourtContract.ENFORCE,
                    CourtContract.CLOSE)) {
                refused(ResultCode.INVALID_STATE, "court", method, args);
            }
        }
        refused(ResultCode.INVALID_STATE, "court", CourtContract.DEDUCT, CourtCalls.deduct(id, 1, "r"));
        refused(ResultCode.NOT_FOUND, "court", CourtContract.ACCEPT, CourtCalls.accept("C-2", "r"));
        refused(ResultCode.INVALID_ARGUMENT, "court", CourtContract.ACCEPT, CourtCalls.accept("", "r"));
        f.assertInvariants();
    }

    @Test
    void dismissedCasesStayDismissed() {
        f.court(CourtContract.ACCEPT, CourtCalls.accept("C-1", "r"));
        Receipt r = f.court(CourtContract.DISMISS, CourtCalls.dismiss("C-1", "the debt was disputed"));

        assertThat(event(r, CourtContract.NAME, CourtContract.CASE_DISMISSED).get("state")).isEqualTo("DISMISSED");
        for (String method : List.of(CourtContract.ACCEPT, CourtContract.DISMISS, CourtContract.ENFORCE,
                CourtContract.CLOSE)) {
            refused(ResultCode.INVALID_STATE, "court", method, CourtCalls.accept("C-1", "r"));
        }
        assertThat(CourtQueries.cases(f.state(), "court", CaseState.DISMISSED, 0, 5)).extracting(CourtCase::id)
                .containsExactly("C-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mediator", "bank-a", "central-bank", "regulator", "agency", "citizen-1", "shop-1"})
    void onlyNamedCourtActs(String caller) {
        refused(ResultCode.NOT_AUTHORISED, caller, CourtContract.ACCEPT, CourtCalls.accept("C-1", "r"));
        refused(ResultCode.NOT_AUTHORISED, caller, CourtContract.DISMISS, CourtCalls.dismiss("C-1", "r"));
        refused(ResultCode.NOT_AUTHORISED, caller, CourtContract.ENFORCE, CourtCalls.enforce("C-1", "r"));
        refused(ResultCode.NOT_AUTHORISED, caller, CourtContract.DEDUCT, CourtCalls.deduct("C-1", 1, "r"));
        refused(ResultCode.NOT_AUTHORISED, caller, CourtContract.CLOSE, CourtCalls.close("C-1", "r"));
    }

    @Test
    void onlyARealPaymentInTheSameTransactionLowersTheOutstandingAmount() {
        refused(ResultCode.NOT_AUTHORISED, "shop-1", CourtContract.RECORD_PAYMENT, CourtCalls.recordPayment("C-1"));
        refused(ResultCode.NOT_AUTHORISED, "court", CourtContract.RECORD_PAYMENT, CourtCalls.recordPayment("C-1"));
        refused(ResultCode.INVALID_STATE, "citizen-1", CourtContract.RECORD_PAYMENT, CourtCalls.recordPayment("C-1"));
        f.ok("citizen-1", CurrencyContract.NAME, CurrencyContract.TRANSFER,
                CurrencyCalls.transfer(f.wallet("shop-1"), fen("1.00"), "outside the agreement"));
        refused(ResultCode.INVALID_STATE, "citizen-1", CourtContract.RECORD_PAYMENT, CourtCalls.recordPayment("C-1"));

        assertThat(f.courtCase("C-1").outstanding()).isEqualTo(fen("100.00"));
    }

    @Test
    void docketListsCasesByCourtAndState() {
        String second = f.propose("shop-1", "citizen-2", fen("10.00"), f.now() + MINUTE);
        f.sign("shop-1", second);
        f.sign("citizen-2", second);
        String third = f.propose("citizen-2", "citizen-1", fen("10.00"), f.now() + 2 * MINUTE);
        f.sign("citizen-2", third);
        f.sign("citizen-1", third);
        f.emptyBlockAt(f.now() + 3 * MINUTE);
        f.court(CourtContract.ACCEPT, CourtCalls.accept("C-2", "r"));
        f.court(CourtContract.DISMISS, CourtCalls.dismiss("C-3", "r"));

        assertThat(CourtQueries.caseCount(f.state())).isEqualTo(3);
        assertThat(CourtQueries.caseCount(f.state(), "court")).isEqualTo(3);
        assertThat(CourtQueries.cases(f.state(), "court", 0, 10)).extracting(CourtCase::id)
                .containsExactly("C-3", "C-2", "C-1");
        assertThat(CourtQueries.cases(f.state(), "court", 1, 1)).extracting(CourtCase::id).containsExactly("C-2");
        assertThat(CourtQueries.cases(f.state(), "court", CaseState.FILED, 0, 10)).extracting(CourtCase::id)
                .containsExactly("C-1");
        assertThat(CourtQueries.cases(f.state(), "court", CaseState.ACCEPTED, 0, 10)).extracting(CourtCase::id)
                .containsExactly("C-2");
        assertThat(CourtQueries.cases(f.state(), "court", CaseState.DISMISSED, 0, 10)).extracting(CourtCase::id)
                .containsExactly("C-3");
        assertThat(CourtQueries.cases(f.state(), "court-2", 0, 10)).isEmpty();
        assertThat(f.courtCase("C-2").agreement()).isEqualTo(second);
        assertThat(f.courtCase("C-3").creditor()).isEqualTo(f.wallet("citizen-2"));
        assertThat(CourtQueries.courtCase(f.state(), "C-4")).isNull();
        assertThat(CourtQueries.evidence(f.state(), "C-4")).isNull();
        assertThat(CourtQueries.timeline(f.state(), "C-4")).isEmpty();
        f.assertInvariants();
    }

    @Test
    void aCaseIsFrozenOnlyUnderItsOwnId() {
        f.court(CourtContract.ACCEPT, CourtCalls.accept("C-1", "r"));
        f.court(CourtContract.ENFORCE, CourtCalls.enforce("C-1", "r"));

        assertThat(CurrencyQueries.frozenCases(f.state(), f.wallet("citizen-1"))).containsOnlyKeys("C-1");
        assertThat(agreement).isEqualTo(f.courtCase("C-1").agreement());
    }
}
