package org.jadechain.contracts.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jadechain.contracts.currency.CurrencyFixture.fen;

import java.nio.charset.StandardCharsets;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.ResultCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 3's "Done when" walk-through, at contract level, on both crypto suites. */
class DoneWhenScenarioTest {

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void centralBankToCitizenToShopToCourt(SuiteId suite) throws CryptoException {
        CurrencyFixture f = CurrencyFixture.create(suite);
        String phone = "phone:+86 138 0013 8000";

        f.issue("bank-a", "1,000,000.00");
        f.openWallet("bank-a", "citizen-2", 4, phone);
        f.openWallet("bank-a", "shop-1", 2, "id:110101199001011234");
        f.exchangeIn("bank-a", "citizen-2", "3,000.00");

        f.pay("citizen-2", "shop-1", "1,500.00");
        f.refused(ResultCode.LIMIT_EXCEEDED, "citizen-2", CurrencyContract.TRANSFER, f.payArgs("shop-1", "2,500.00"));

        assertThat(f.supply()).isEqualTo("1,000,000.00");
        assertThat(f.reserve("bank-a")).isEqualTo("997,000.00");
        assertThat(f.balance("citizen-2")).isEqualTo("1,500.00");
        assertThat(f.balance("shop-1")).isEqualTo("1,500.00");
        f.assertInvariants();

        byte[] sealed = CurrencyQueries.identity(f.state(), f.wallet("citizen-2")).encryptedIdentity();
        assertThat(new String(f.chain.suite().decrypt(f.chain.key("regulator"), sealed), StandardCharsets.UTF_8))
                .isEqualTo(phone);
        for (String other : new String[] {"bank-a", "court", "citizen-2", "central-bank"}) {
            assertThatThrownBy(() -> f.chain.suite().decrypt(f.chain.key(other), sealed))
                    .isInstanceOf(CryptoException.class);
        }

        f.freeze("shop-1", "1,000.00", "case-2025-001");
        f.refused(ResultCode.FROZEN, "shop-1", CurrencyContract.TRANSFER, f.payArgs("citizen-2", "1,000.00"));
        f.ok("court", CurrencyContract.DEDUCT, CurrencyCalls.deduct(f.wallet("shop-1"), f.wallet("citizen-2"),
                fen("1,000.00"), "case-2025-001"));

        assertThat(f.balance("citizen-2")).isEqualTo("2,500.00");
        assertThat(f.balance("shop-1")).isEqualTo("500.00");
        assertThat(f.frozen("shop-1")).isEqualTo("0.00");
        assertThat(f.reserve("bank-a")).isEqualTo("997,000.00");
        assertThat(f.supply()).isEqualTo("1,000,000.00");
        assertThat(CurrencyQueries.issued(f.state())).isEqualTo(100_000_000L);
        f.assertInvariants();
    }
}
