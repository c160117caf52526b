package org.jadechain.contracts.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jadechain.contracts.currency.CurrencyFixture.fen;

import java.util.List;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CourtOrdersTest {
    private final CurrencyFixture f = CurrencyFixture.create(SuiteId.INTL);
    private Address debtor;
    private Address creditor;

    /** The debtor (shop-1, class 2) holds 5,000.00; the creditor is citizen-1 (class 4, empty). */
    @BeforeEach
    void debtorAndCreditor() {
        f.issue("bank-a", "100,000.00");
        f.openWallet("bank-a", "shop-1", 2);
        f.openWallet("bank-b", "citizen-1", 4);
        f.exchangeIn("bank-a", "shop-1", "5,000.00");
        debtor = f.wallet("shop-1");
        creditor = f.wallet("citizen-1");
    }

    private byte[] deductArgs(String yuan, String caseId) {
        return CurrencyCalls.deduct(debtor, creditor, fen(yuan), caseId);
    }

    @Test
    void courtFreezesFundsUnderACase() {
        Receipt r = f.freeze("shop-1", "1,000.00", "(2025)京0105执123号");

        Event e = CurrencyFixture.event(r, CurrencyContract.FROZEN);
        assertThat(e.get("wallet")).isEqualTo(debtor.hex());
        assertThat(e.get("court")).isEqualTo("court");
        assertThat(e.get("caseId")).isEqualTo("(2025)京0105执123号");
        assertThat(e.get("amount")).isEqualTo("100000");
        f.freeze("shop-1", "500.00", "(2025)京0105执123号");
        f.freeze("shop-1", "250.00", "case-2");
        assertThat(f.frozen("shop-1")).isEqualTo("1,750.00");
        assertThat(f.balance("shop-1")).isEqualTo("5,000.00");
        assertThat(CurrencyQueries.frozenByCase(f.state(), debtor, "(2025)京0105执123号")).isEqualTo(150_000L);
        assertThat(CurrencyQueries.frozenCases(f.state(), debtor)).containsOnlyKeys("(2025)京0105执123号", "case-2");
        assertThat(CurrencyQueries.wallet(f.state(), debtor).available()).isEqualTo(fen("3,250.00"));
        f.assertInvariants();
    }

    @Test
    void frozenFundsCannotBePaidOut() {
        f.freeze("shop-1", "4,000.00", "case-1");

        Receipt r = f.refused(ResultCode.FROZEN, "shop-1", CurrencyContract.TRANSFER, f.payArgs("citizen-1", "1,000.01"));
        assertThat(r.message()).contains("4,000.00 CNY frozen", "1,000.00 CNY");
        f.refused(ResultCode.FROZEN, "shop-1", CurrencyContract.EXCHANGE_OUT, CurrencyCalls.exchangeOut(fen("1,000.01")));
        f.refused(ResultCode.INSUFFICIENT_FUNDS, "shop-1", CurrencyContract.TRANSFER, f.payArgs("citizen-1", "5,000.01"));

        f.pay("shop-1", "citizen-1", "1,000.00");
        assertThat(f.balance("shop-1")).isEqualTo("4,000.00");
        assertThat(f.frozen("shop-1")).isEqualTo("4,000.00");
        f.assertInvariants();
    }

    @Test
    void courtDeductsFrozenFundsToCreditor() {
        f.freeze("shop-1", "3,000.00", "case-1");

        Receipt r = f.ok("court", CurrencyContract.DEDUCT, deductArgs("2,500.00", "case-1"));

        Event e = CurrencyFixture.event(r, CurrencyContract.DEDUCTED);
        assertThat(e.get("wallet")).isEqualTo(debtor.hex());
        assertThat(e.get("to")).isEqualTo(creditor.hex());
        assertThat(e.get("caseId")).isEqualTo("case-1");
        assertThat(e.get("amount")).isEqualTo("250000");
        assertThat(f.balance("shop-1")).isEqualTo("2,500.00");
        assertThat(f.frozen("shop-1")).isEqualTo("500.00");
        assertThat(CurrencyQueries.frozenByCase(f.state(), debtor, "case-1")).isEqualTo(fen("500.00"));
        assertThat(f.balance("citizen-1")).isEqualTo("2,500.00");
        List<HistoryEntry> h = CurrencyQueries.history(f.store(), debtor, 0, 2);
        assertThat(h.get(0).kind()).isEqualTo(HistoryEntry.Kind.DEDUCT);
        assertThat(h.get(0).amount()).isEqualTo(-fen("2,500.00"));
        assertThat(h.get(0).frozenChange()).isEqualTo(-fen("2,500.00"));
        assertThat(h.get(0).reference()).isEqualTo("case-1");
        assertThat(h.get(1).kind()).isEqualTo(HistoryEntry.Kind.FREEZE);
        assertThat(h.get(1).frozenChange()).isEqualTo(fen("3,000.00"));

        f.ok("court", CurrencyContract.DEDUCT, deductArgs("500.00", "case-1"));
        assertThat(CurrencyQueries.frozenCases(f.state(), debtor)).isEmpty();
        assertThat(f.frozen("shop-1")).isEqualTo("0.00");
        f.assertInvariants();
    }

    @Test
    void deductionIsNotBoundByTheDebtorsPaymentLimits() {
        f.exchangeIn("bank-a", "shop-1", "95,000.00");
        f.ok("bank-b", CurrencyContract.SET_CLASS, CurrencyCalls.setClass(f.wallet("citizen-1"), 1));
        f.freeze("shop-1", "60,000.00", "case-1");

        f.ok("court", CurrencyContract.DEDUCT, deductArgs("60,000.00", "case-1"));

        assertThat(f.balance("citizen-1")).isEqualTo("60,000.00");
    }

    @Test
    void deductingMoreThanTheCaseHoldsIsInsufficientFunds() {
        f.freeze("shop-1", "1,000.00", "case-1");
        f.freeze("shop-1", "1,000.00", "case-2");

        f.refused(ResultCode.INSUFFICIENT_FUNDS, "court", CurrencyContract.DEDUCT, deductArgs("1,000.01", "case-1"));
        f.refused(ResultCode.NOT_FOUND, "court", CurrencyContract.DEDUCT, deductArgs("1.00", "case-3"));
        f.refused(ResultCode.INVALID_ARGUMENT, "court", CurrencyContract.DEDUCT,
                CurrencyCalls.deduct(debtor, debtor, 100, "case-1"));
        f.refused(ResultCode.NOT_FOUND, "court", CurrencyContract.DEDUCT,
                CurrencyCalls.deduct(debtor, f.wallet("citizen-3"), 100, "case-1"));
        f.refused(ResultCode.INVALID_ARGUMENT, "court", CurrencyContract.DEDUCT, deductArgs("1.00", ""));
    }

    @Test
    void deductRespectsTheCreditorsMaximumBalance() {
        f.freeze("shop-1", "5,000.00", "case-1");
        f.issue("bank-b", "10,000.00");
        f.exchangeIn("bank-b", "citizen-1", "6,000.00");

        f.refused(ResultCode.LIMIT_EXCEEDED, "court", CurrencyContract.DEDUCT, deductArgs("4,000.01", "case-1"));
        f.ok("court", CurrencyContract.DEDUCT, deductArgs("4,000.00", "case-1"));
    }

    @Test
    void freezingMoreThanTheUnfrozenBalanceIsInsufficientFunds() {
        f.freeze("shop-1", "3,000.00", "case-1");

        f.refused(ResultCode.INSUFFICIENT_FUNDS, "court", CurrencyContract.FREEZE,
                CurrencyCalls.freeze(debtor, fen("2,000.01"), "case-2"));
        f.refused(ResultCode.NOT_FOUND, "court", CurrencyContract.FREEZE,
                CurrencyCalls.freeze(f.wallet("citizen-3"), 1, "case-2"));
        f.refused(ResultCode.INVALID_ARGUMENT, "court", CurrencyContract.FREEZE, CurrencyCalls.freeze(debtor, 0, "c"));
        f.refused(ResultCode.INVALID_ARGUMENT, "court", CurrencyContract.FREEZE,
                CurrencyCalls.freeze(debtor, 1, "c".repeat(65)));
        f.freeze("shop-1", "2,000.00", "case-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"central-bank", "bank-a", "regulator", "mediator", "shop-1", "citizen-1"})
    void onlyCourtMayFreezeOrDeduct(String caller) {
        f.freeze("shop-1", "1,000.00", "case-1");

        f.refused(ResultCode.NOT_AUTHORISED, caller, CurrencyContract.FREEZE, CurrencyCalls.freeze(debtor, 1, "case-1"));
        f.refused(ResultCode.NOT_AUTHORISED, caller, CurrencyContract.DEDUCT, deductArgs("1.00", "case-1"));
        f.refused(ResultCode.NOT_AUTHORISED, caller, CurrencyContract.UNFREEZE, CurrencyCalls.unfreeze(debtor, "case-1"));
    }

    @Test
    void unfreezeReleases() {
        f.freeze("shop-1", "1,000.00", "case-1");
        f.freeze("shop-1", "2,000.00", "case-2");
        f.ok("court", CurrencyContract.DEDUCT, deductArgs("400.00", "case-1"));

        Receipt r = f.ok("court", CurrencyContract.UNFREEZE, CurrencyCalls.unfreeze(debtor, "case-1"));

        Event e = CurrencyFixture.event(r, CurrencyContract.UNFROZEN);
        assertThat(e.get("amount")).isEqualTo("60000");
        assertThat(e.get("caseId")).isEqualTo("case-1");
        assertThat(f.frozen("shop-1")).isEqualTo("2,000.00");
        assertThat(CurrencyQueries.frozenCases(f.state(), debtor)).containsOnlyKeys("case-2");
        f.refused(ResultCode.NOT_FOUND, "court", CurrencyContract.UNFREEZE, CurrencyCalls.unfreeze(debtor, "case-1"));
        f.refused(ResultCode.NOT_FOUND, "court", CurrencyContract.UNFREEZE,
                CurrencyCalls.unfreeze(f.wallet("citizen-3"), "case-2"));
        f.pay("shop-1", "citizen-1", "2,000.00");
        assertThat(f.balance("shop-1")).isEqualTo("2,600.00");
        f.assertInvariants();
    }
}
