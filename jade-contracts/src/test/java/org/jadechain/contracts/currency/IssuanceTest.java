package org.jadechain.contracts.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jadechain.contracts.currency.CurrencyFixture.CB;
import static org.jadechain.contracts.currency.CurrencyFixture.fen;

import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IssuanceTest {
    private final CurrencyFixture f = CurrencyFixture.create(SuiteId.INTL);

    @Test
    void centralBankIssuesToOperator() {
        Receipt r = f.issue("bank-a", "1,000,000.00");

        Event e = CurrencyFixture.event(r, CurrencyContract.ISSUED);
        assertThat(e.contract()).isEqualTo("currency");
        assertThat(e.get("operator")).isEqualTo("bank-a");
        assertThat(e.get("amount")).isEqualTo("100000000");
        assertThat(e.get("supply")).isEqualTo("100000000");
        assertThat(f.reserve("bank-a")).isEqualTo("1,000,000.00");
        assertThat(f.reserve("bank-b")).isEqualTo("0.00");
        assertThat(f.supply()).isEqualTo("1,000,000.00");
        assertThat(CurrencyQueries.issued(f.state())).isEqualTo(100_000_000L);
        assertThat(CurrencyQueries.operators(f.state())).containsExactly("bank-a");
        f.assertInvariants();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bank-a", "court", "citizen-1", "regulator"})
    void onlyCentralBankMayIssue(String caller) {
        Receipt r = f.refused(ResultCode.NOT_AUTHORISED, caller, CurrencyContract.ISSUE,
                CurrencyCalls.issue("bank-a", fen("100.00")));

        assertThat(r.message()).contains("CENTRAL_BANK");
        assertThat(f.supply()).isEqualTo("0.00");
    }

    @Test
    void issuingToAnUnknownOrganisationIsNotFound() {
        f.refused(ResultCode.NOT_FOUND, CB, CurrencyContract.ISSUE, CurrencyCalls.issue("bank-z", 100));
    }

    @Test
    void issuingToAnOrganisationThatIsNoOperatorIsRefused() {
        Receipt r = f.refused(ResultCode.INVALID_ARGUMENT, CB, CurrencyContract.ISSUE, CurrencyCalls.issue("court", 100));

        assertThat(r.message()).contains("not an OPERATOR");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void nonPositiveAmountsAreRefused(long amount) {
        f.refused(ResultCode.INVALID_ARGUMENT, CB, CurrencyContract.ISSUE, CurrencyCalls.issue("bank-a", amount));
    }

    @Test
    void malformedArgumentsAreRefused() {
        f.refused(ResultCode.INVALID_ARGUMENT, CB, CurrencyContract.ISSUE, Args.builder().string("bank-a").encode());
        f.refused(ResultCode.INVALID_ARGUMENT, CB, CurrencyContract.ISSUE,
                Args.builder().int64(5).string("bank-a").encode());
        f.refused(ResultCode.INVALID_ARGUMENT, CB, CurrencyContract.ISSUE, CurrencyCalls.issue("x".repeat(257), 5));
        f.refused(ResultCode.INVALID_ARGUMENT, CB, CurrencyContract.ISSUE, new byte[] {1, 2, 3});
        assertThat(f.submit(CB, "mint", CurrencyCalls.issue("bank-a", 1)).code()).isEqualTo(ResultCode.UNKNOWN_METHOD);
    }

    @Test
    void redeemBurnsReserve() {
        f.issue("bank-a", "1,000.00");

        Receipt r = f.ok("bank-a", CurrencyContract.REDEEM, CurrencyCalls.redeem(fen("400.00")));

        Event e = CurrencyFixture.event(r, CurrencyContract.REDEEMED);
        assertThat(e.get("operator")).isEqualTo("bank-a");
        assertThat(e.get("amount")).isEqualTo("40000");
        assertThat(e.get("supply")).isEqualTo("60000");
        assertThat(f.reserve("bank-a")).isEqualTo("600.00");
        assertThat(CurrencyQueries.redeemed(f.state())).isEqualTo(40_000L);
        assertThat(f.supply()).isEqualTo("600.00");
        f.assertInvariants();
    }

    @Test
    void redeemingMoreThanTheReserveIsInsufficientFunds() {
        f.issue("bank-a", "1,000.00");

        f.refused(ResultCode.INSUFFICIENT_FUNDS, "bank-a", CurrencyContract.REDEEM, CurrencyCalls.redeem(fen("1,000.01")));
        f.refused(ResultCode.INSUFFICIENT_FUNDS, "bank-b", CurrencyContract.REDEEM, CurrencyCalls.redeem(1));
    }

    @Test
    void onlyOperatorsRedeem() {
        f.issue("bank-a", "1,000.00");

        f.refused(ResultCode.NOT_AUTHORISED, CB, CurrencyContract.REDEEM, CurrencyCalls.redeem(1));
        f.refused(ResultCode.NOT_AUTHORISED, "citizen-1", CurrencyContract.REDEEM, CurrencyCalls.redeem(1));
    }

    @Test
    void overflowIsRefused() {
        f.ok(CB, CurrencyContract.ISSUE, CurrencyCalls.issue("bank-a", Long.MAX_VALUE - 5));

        f.refused(ResultCode.OVERFLOW, CB, CurrencyContract.ISSUE, CurrencyCalls.issue("bank-b", 6));
        f.refused(ResultCode.OVERFLOW, CB, CurrencyContract.ISSUE, CurrencyCalls.issue("bank-a", Long.MAX_VALUE));
        f.ok(CB, CurrencyContract.ISSUE, CurrencyCalls.issue("bank-b", 5));
        assertThat(CurrencyQueries.totalSupply(f.state())).isEqualTo(Long.MAX_VALUE);
        f.assertInvariants();
    }
}
