package org.jadechain.contracts.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jadechain.contracts.currency.CurrencyFixture.HOUR;
import static org.jadechain.contracts.currency.CurrencyFixture.MINUTE;
import static org.jadechain.contracts.currency.CurrencyFixture.fen;

import java.util.List;
import java.util.Map;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.junit.jupiter.api.Test;

class PaymentTest {
    private final CurrencyFixture f = CurrencyFixture.create(SuiteId.INTL);

    /** bank-a funded; citizen-1 (class 4) holds 9,000.00; shop-1 is class 2; citizen-2 class 4, empty. */
    private void citizenAndShop() {
        f.issue("bank-a", "1,000,000.00");
        f.openWallet("bank-a", "citizen-1", 4);
        f.openWallet("bank-a", "shop-1", 2);
        f.openWallet("bank-a", "citizen-2", 4);
        f.exchangeIn("bank-a", "citizen-1", "9,000.00");
    }

    private Receipt refusedPay(ResultCode code, String from, String to, String yuan) {
        return f.refused(code, from, CurrencyContract.TRANSFER, f.payArgs(to, yuan));
    }

    @Test
    void citizenPaysShopWithinLimits() {
        citizenAndShop();

        Receipt r = f.ok("citizen-1", CurrencyContract.TRANSFER,
                CurrencyCalls.transfer(f.wallet("shop-1"), fen("1,999.99"), "noodles, table 4"));

        assertThat(r.events()).hasSize(1);
        Event e = CurrencyFixture.event(r, CurrencyContract.TRANSFERRED);
        assertThat(e.get("from")).isEqualTo(f.wallet("citizen-1").hex());
        assertThat(e.get("to")).isEqualTo(f.wallet("shop-1").hex());
        assertThat(e.get("amount")).isEqualTo("199999");
        assertThat(e.get("memo")).isEqualTo("noodles, table 4");
        assertThat(f.balance("citizen-1")).isEqualTo("7,000.01");
        assertThat(f.balance("shop-1")).isEqualTo("1,999.99");
        assertThat(f.supply()).isEqualTo("1,000,000.00");
        f.assertInvariants();
    }

    @Test
    void class4PaymentOverSingleLimitIsRefusedAndChangesNothing() {
        citizenAndShop();

        Receipt r = refusedPay(ResultCode.LIMIT_EXCEEDED, "citizen-1", "shop-1", "2,000.01");

        assertThat(r.message()).contains("single payment limit", "2,000.01 CNY", "2,000.00 CNY", "class 4");
        assertThat(f.balance("citizen-1")).isEqualTo("9,000.00");
        f.pay("citizen-1", "shop-1", "2,000.00");
    }

    @Test
    void dailyLimitResetsOnTheNextLedgerDayInGenesisTimeZone() {
        // The test chain starts at 2025-11-25 00:00 +08:00 (16:00 UTC the day before).
        citizenAndShop();
        f.chain.clock().advance(23 * HOUR);
        f.pay("citizen-1", "shop-1", "2,000.00");
        f.pay("citizen-1", "shop-1", "2,000.00");
        f.pay("citizen-1", "shop-1", "1,000.00");

        Receipt r = refusedPay(ResultCode.LIMIT_EXCEEDED, "citizen-1", "shop-1", "0.01");
        assertThat(r.message()).contains("daily limit", "5,000.00 CNY", "2025-11-25");

        f.chain.clock().advance(59 * MINUTE); // 23:59 local
        refusedPay(ResultCode.LIMIT_EXCEEDED, "citizen-1", "shop-1", "0.01");

        f.chain.clock().advance(2 * MINUTE); // 00:01 local on the 26th, still 16:01 UTC on the 25th
        f.pay("citizen-1", "shop-1", "2,000.00");
        f.pay("citizen-1", "shop-1", "2,000.00");
        assertThat(f.balance("citizen-1")).isEqualTo("0.00");
        assertThat(f.balance("shop-1")).isEqualTo("9,000.00");
    }

    @Test
    void dailyLimitDoesNotResetAtUtcMidnight() {
        citizenAndShop();
        f.chain.clock().advance(7 * HOUR + 30 * MINUTE); // 07:30 local = 23:30 UTC
        f.pay("citizen-1", "shop-1", "2,000.00");
        f.pay("citizen-1", "shop-1", "2,000.00");
        f.pay("citizen-1", "shop-1", "1,000.00");

        f.chain.clock().advance(HOUR); // 08:30 local = 00:30 UTC the next UTC day

        refusedPay(ResultCode.LIMIT_EXCEEDED, "citizen-1", "shop-1", "0.01");
    }

    @Test
    void exchangeOutDoesNotCountTowardsTheDailyLimit() {
        citizenAndShop();
        f.ok("citizen-1", CurrencyContract.EXCHANGE_OUT, CurrencyCalls.exchangeOut(fen("3,000.00")));

        f.pay("citizen-1", "shop-1", "2,000.00");
        f.pay("citizen-1", "shop-1", "2,000.00");
        f.pay("citizen-1", "shop-1", "1,000.00");
        assertThat(f.balance("citizen-1")).isEqualTo("1,000.00");
    }

    @Test
    void payeeMaxBalanceRefusesPayment() {
        citizenAndShop();
        f.exchangeIn("bank-a", "citizen-2", "9,000.00");

        Receipt r = refusedPay(ResultCode.LIMIT_EXCEEDED, "citizen-1", "citizen-2", "1,000.01");

        assertThat(r.message()).contains("maximum balance", "10,000.00 CNY");
        f.pay("citizen-1", "citizen-2", "1,000.00");
        assertThat(f.balance("citizen-2")).isEqualTo("10,000.00");
    }

    @Test
    void payingMoreThanTheBalanceIsInsufficientFunds() {
        citizenAndShop();
        f.ok("citizen-1", CurrencyContract.EXCHANGE_OUT, CurrencyCalls.exchangeOut(fen("8,000.00")));

        Receipt r = refusedPay(ResultCode.INSUFFICIENT_FUNDS, "citizen-1", "shop-1", "1,000.01");

        assertThat(r.message()).contains("1,000.00 CNY");
    }

    @Test
    void paymentsBetweenMissingWalletsAreNotFound() {
        citizenAndShop();

        refusedPay(ResultCode.NOT_FOUND, "citizen-1", "citizen-3", "1.00");
        refusedPay(ResultCode.NOT_FOUND, "citizen-3", "citizen-1", "1.00");
        refusedPay(ResultCode.NOT_FOUND, "bank-a", "citizen-1", "1.00");
    }

    @Test
    void badPaymentsAreInvalidArguments() {
        citizenAndShop();

        refusedPay(ResultCode.INVALID_ARGUMENT, "citizen-1", "citizen-1", "1.00");
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", CurrencyContract.TRANSFER,
                CurrencyCalls.transfer(f.wallet("shop-1"), 0, ""));
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", CurrencyContract.TRANSFER,
                CurrencyCalls.transfer(f.wallet("shop-1"), -100, ""));
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", CurrencyContract.TRANSFER,
                CurrencyCalls.transfer(f.wallet("shop-1"), 100, "m".repeat(257)));
        f.ok("citizen-1", CurrencyContract.TRANSFER, CurrencyCalls.transfer(f.wallet("shop-1"), 100, "m".repeat(256)));
    }

    @Test
    void limitsComeFromGenesisParameters() {
        CurrencyFixture g = CurrencyFixture.create(SuiteId.INTL, Map.of(
                "currency.code", "XTS",
                "currency.class.4.maxPayment", "10000",
                "currency.class.4.maxDaily", "-1"));
        g.issue("bank-a", "10,000.00");
        g.openWallet("bank-a", "citizen-1", 4);
        g.openWallet("bank-a", "shop-1", 4);
        g.exchangeIn("bank-a", "citizen-1", "10,000.00");

        Receipt r = g.refused(ResultCode.LIMIT_EXCEEDED, "citizen-1", CurrencyContract.TRANSFER, g.payArgs("shop-1", "100.01"));

        assertThat(r.message()).contains("100.00 XTS");
        for (int i = 0; i < 60; i++) {
            g.pay("citizen-1", "shop-1", "100.00");
        }
        assertThat(g.balance("shop-1")).isEqualTo("6,000.00");
        assertThat(CurrencyQueries.parameters(g.state()).code()).isEqualTo("XTS");
    }

    @Test
    void historyIsNewestFirst() {
        citizenAndShop();
        f.pay("citizen-1", "shop-1", "10.00");
        f.ok("citizen-1", CurrencyContract.TRANSFER, CurrencyCalls.transfer(f.wallet("shop-1"), fen("20.00"), "second"));
        Receipt third = f.pay("citizen-1", "shop-1", "30.00");
        f.ok("citizen-1", CurrencyContract.EXCHANGE_OUT, CurrencyCalls.exchangeOut(fen("1.00")));

        List<HistoryEntry> h = CurrencyQueries.history(f.store(), f.wallet("citizen-1"), 0, 100);

        assertThat(h).extracting(HistoryEntry::kind).containsExactly(HistoryEntry.Kind.EXCHANGE_OUT,
                HistoryEntry.Kind.TRANSFER, HistoryEntry.Kind.TRANSFER, HistoryEntry.Kind.TRANSFER,
                HistoryEntry.Kind.EXCHANGE_IN, HistoryEntry.Kind.OPENED);
        assertThat(h).extracting(HistoryEntry::amount).containsExactly(-100L, -3000L, -2000L, -1000L, 900000L, 0L);
        assertThat(h.get(2).reference()).isEqualTo("second");
        assertThat(h.get(1).txHash()).isEqualTo(third.txHash());
        assertThat(h.get(1).counterparty()).isEqualTo(f.wallet("shop-1").hex());
        assertThat(h.get(4).counterparty()).isEqualTo("bank-a");
        assertThat(h.get(0).index()).isEqualTo(5);
        assertThat(h.get(0).height()).isGreaterThan(h.get(1).height());
        assertThat(CurrencyQueries.history(f.store(), f.wallet("citizen-1"), 1, 2)).extracting(HistoryEntry::amount)
                .containsExactly(-3000L, -2000L);
        assertThat(CurrencyQueries.historyCount(f.store(), f.wallet("citizen-1"))).isEqualTo(6);

        List<HistoryEntry> shop = CurrencyQueries.history(f.store(), f.wallet("shop-1"), 0, 2);
        assertThat(shop).extracting(HistoryEntry::amount).containsExactly(3000L, 2000L);
        assertThat(shop.get(0).counterparty()).isEqualTo(f.wallet("citizen-1").hex());
        assertThat(CurrencyQueries.history(f.store(), f.wallet("citizen-3"), 0, 10)).isEmpty();
    }

    @Test
    void historyIsReadFromTheDerivedIndexNotFromState() {
        citizenAndShop();
        f.pay("citizen-1", "shop-1", "10.00");

        java.util.List<String> keys = new java.util.ArrayList<>();
        for (int b = 0; b < org.jadechain.core.state.StateKeys.BUCKETS; b++) {
            f.store().scanBucket(b, (k, v) -> keys.add(new String(k, java.nio.charset.StandardCharsets.ISO_8859_1)));
        }
        assertThat(keys).noneMatch(k -> k.contains("hist/"));
        assertThat(CurrencyQueries.historyCount(f.store(), f.wallet("shop-1"))).isEqualTo(2);
        assertThat(CurrencyQueries.history(f.store(), f.wallet("shop-1"), 0, 1)).singleElement()
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(HistoryEntry.Kind.TRANSFER);
                    assertThat(e.amount()).isEqualTo(1000L);
                    assertThat(e.index()).isEqualTo(1);
                    assertThat(e.timestamp()).isEqualTo(f.chain.store().block(e.height()).block().header().timestamp());
                });
    }
}
