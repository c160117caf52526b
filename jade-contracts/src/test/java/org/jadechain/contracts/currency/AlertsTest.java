package org.jadechain.contracts.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jadechain.contracts.currency.CurrencyFixture.HOUR;
import static org.jadechain.contracts.currency.CurrencyFixture.MINUTE;
import static org.jadechain.contracts.currency.CurrencyFixture.fen;

import java.util.List;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.Receipt;
import org.junit.jupiter.api.Test;

class AlertsTest {
    private final CurrencyFixture f = CurrencyFixture.create(SuiteId.INTL);

    private static List<Event> alerts(Receipt r) {
        return r.events().stream().filter(e -> e.type().equals(CurrencyContract.ALERT)).toList();
    }

    /** Local time on the chain (+08:00) relative to its first midnight, 2025-11-25 00:00. */
    private void at(long millisAfterFirstMidnight) {
        f.chain.clock().set(f.chain.genesis().timestamp() + millisAfterFirstMidnight);
    }

    /** Tops the class-3 payer up and pays the shop. */
    private Receipt nearLimitPayment(String yuan) {
        f.exchangeIn("bank-a", "citizen-1", "4,600.00");
        return f.pay("citizen-1", "shop-1", yuan);
    }

    private void class3PayerAndShop() {
        f.issue("bank-a", "1,000,000.00");
        f.openWallet("bank-a", "citizen-1", 3);
        f.openWallet("bank-a", "shop-1", 2);
    }

    @Test
    void largePaymentRaisesAlert() {
        f.issue("bank-a", "1,000,000.00");
        f.openWallet("bank-a", "citizen-1", 1);
        f.openWallet("bank-a", "shop-1", 1);
        f.exchangeIn("bank-a", "citizen-1", "200,000.00");

        assertThat(alerts(f.pay("citizen-1", "shop-1", "49,999.99"))).isEmpty();
        Receipt r = f.pay("citizen-1", "shop-1", "50,000.00");

        assertThat(alerts(r)).singleElement().satisfies(e -> {
            assertThat(e.contract()).isEqualTo("currency");
            assertThat(e.get("kind")).isEqualTo("LARGE_PAYMENT");
            assertThat(e.get("wallet")).isEqualTo(f.wallet("citizen-1").hex());
            assertThat(e.get("to")).isEqualTo(f.wallet("shop-1").hex());
            assertThat(e.get("amount")).isEqualTo("5000000");
            assertThat(e.get("threshold")).isEqualTo("5000000");
        });
        assertThat(CurrencyQueries.alerts(f.state(), 0, 10)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Alerts.Kind.LARGE_PAYMENT);
            assertThat(a.txHash()).isEqualTo(r.txHash());
            assertThat(a.amount()).isEqualTo(fen("50,000.00"));
        });
    }

    @Test
    void structuringRaisesAlert() {
        class3PayerAndShop();
        at(22 * HOUR);
        assertThat(alerts(nearLimitPayment("4,500.00"))).isEmpty();
        at(22 * HOUR + 30 * MINUTE);
        assertThat(alerts(nearLimitPayment("4,600.00"))).isEmpty();

        at(24 * HOUR + 30 * MINUTE); // past local midnight, so the daily limit allows more
        Receipt third = nearLimitPayment("4,500.00");
        at(45 * HOUR);
        Receipt fourth = nearLimitPayment("4,500.00");

        assertThat(alerts(third)).singleElement().satisfies(e -> {
            assertThat(e.get("kind")).isEqualTo("STRUCTURING");
            assertThat(e.get("wallet")).isEqualTo(f.wallet("citizen-1").hex());
            assertThat(e.get("count")).isEqualTo("3");
            assertThat(e.get("class")).isEqualTo("3");
            assertThat(e.get("maxPayment")).isEqualTo("500000");
        });
        assertThat(alerts(fourth)).singleElement().satisfies(e -> assertThat(e.get("count")).isEqualTo("4"));
        assertThat(CurrencyQueries.alerts(f.state(), 0, 10)).extracting(AlertRecord::count).containsExactly(4L, 3L);
        assertThat(CurrencyQueries.alertCount(f.state())).isEqualTo(2);
    }

    @Test
    void paymentsBelowNinetyPercentOfTheLimitDoNotCount() {
        class3PayerAndShop();
        at(22 * HOUR);
        nearLimitPayment("4,499.99");
        nearLimitPayment("4,499.99");
        at(24 * HOUR + 30 * MINUTE);
        nearLimitPayment("4,499.99");

        assertThat(alerts(nearLimitPayment("4,499.99"))).isEmpty();
        assertThat(CurrencyQueries.alertCount(f.state())).isZero();
    }

    @Test
    void nearLimitPaymentsTwentyFourHoursApartRaiseNoAlert() {
        class3PayerAndShop();
        at(22 * HOUR);
        nearLimitPayment("4,500.00");
        at(45 * HOUR);
        nearLimitPayment("4,500.00");

        at(46 * HOUR); // the first payment's block was at 22:00:00.001, this one's is 24 h later
        Receipt r = nearLimitPayment("4,500.00");

        assertThat(alerts(r)).isEmpty();
        at(46 * HOUR + 30 * MINUTE);
        assertThat(alerts(f.pay("citizen-1", "shop-1", "0.01"))).isEmpty();
    }

    @Test
    void walletsWithoutASinglePaymentLimitAreNeverStructuring() {
        f.issue("bank-a", "1,000,000.00");
        f.openWallet("bank-a", "citizen-1", 1);
        f.openWallet("bank-a", "shop-1", 2);
        f.exchangeIn("bank-a", "citizen-1", "100,000.00");
        for (int i = 0; i < 4; i++) {
            assertThat(alerts(f.pay("citizen-1", "shop-1", "20,000.00"))).isEmpty();
        }
    }
}
