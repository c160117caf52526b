package org.jadechain.contracts.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jadechain.contracts.currency.CurrencyFixture.fen;

import java.nio.charset.StandardCharsets;
import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WalletTest {
    private final CurrencyFixture f = CurrencyFixture.create(SuiteId.INTL);

    private byte[] openArgs(String owner, long walletClass, byte[] commitment, byte[] sealed) {
        return Args.builder().bytes(f.chain.key(owner).publicKey().encoded()).int64(walletClass).bytes(commitment)
                .bytes(sealed).encode();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void operatorOpensAWalletAtTheOwnersKeyAddressWithoutTheIdentityInClear(SuiteId suite) throws CryptoException {
        CurrencyFixture f = CurrencyFixture.create(suite);
        String phone = "phone:+86 139 1234 5678";

        Receipt r = f.openWallet("bank-a", "citizen-2", 4, phone);

        Address address = f.chain.address("citizen-2");
        assertThat(r.outputValue("wallet")).isEqualTo(address.hex());
        Event e = CurrencyFixture.event(r, CurrencyContract.WALLET_OPENED);
        assertThat(e.get("wallet")).isEqualTo(address.hex());
        assertThat(e.get("operator")).isEqualTo("bank-a");
        assertThat(e.get("class")).isEqualTo("4");
        WalletRecord w = CurrencyQueries.wallet(f.state(), address);
        assertThat(w.operator()).isEqualTo("bank-a");
        assertThat(w.walletClass()).isEqualTo(4);
        assertThat(w.balance()).isZero();
        assertThat(CurrencyQueries.walletCount(f.state())).isEqualTo(1);
        assertThat(CurrencyQueries.wallets(f.state(), 0, 10)).containsExactly(address);

        WalletIdentity id = CurrencyQueries.identity(f.state(), address);
        assertThat(new String(id.encryptedIdentity(), StandardCharsets.ISO_8859_1)).doesNotContain("1234");
        assertThat(f.dump().values()).noneMatch(v -> v.contains(
                org.jadechain.core.crypto.Hex.encode(phone.getBytes(StandardCharsets.UTF_8))));
        byte[] opened = f.chain.suite().decrypt(f.chain.key("regulator"), id.encryptedIdentity());
        assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo(phone);
        assertThatThrownBy(() -> f.chain.suite().decrypt(f.chain.key("court"), id.encryptedIdentity()))
                .isInstanceOf(CryptoException.class);
        assertThat(IdentityCommitment.verify(f.chain.suite(), id.commitment(), f.salt("citizen-2"), phone)).isTrue();
        assertThat(IdentityCommitment.verify(f.chain.suite(), id.commitment(), f.salt("citizen-2"), "phone:other"))
                .isFalse();
        f.assertInvariants();
    }

    @Test
    void openingASecondWalletForTheSameKeyIsRefused() {
        f.openWallet("bank-a", "citizen-1", 4);

        f.refused(ResultCode.ALREADY_EXISTS, "bank-b", CurrencyContract.OPEN_WALLET,
                openArgs("citizen-1", 2, new byte[32], new byte[10]));
    }

    @Test
    void onlyOperatorsOpenWallets() {
        f.refused(ResultCode.NOT_AUTHORISED, "citizen-1", CurrencyContract.OPEN_WALLET,
                openArgs("citizen-1", 4, new byte[32], new byte[10]));
        f.refused(ResultCode.NOT_AUTHORISED, "central-bank", CurrencyContract.OPEN_WALLET,
                openArgs("citizen-1", 4, new byte[32], new byte[10]));
    }

    @Test
    void malformedWalletOpeningsAreRefused() {
        String op = "bank-a";
        String m = CurrencyContract.OPEN_WALLET;
        f.refused(ResultCode.INVALID_ARGUMENT, op, m, openArgs("citizen-1", 0, new byte[32], new byte[10]));
        f.refused(ResultCode.INVALID_ARGUMENT, op, m, openArgs("citizen-1", 5, new byte[32], new byte[10]));
        f.refused(ResultCode.INVALID_ARGUMENT, op, m, openArgs("citizen-1", 4, new byte[31], new byte[10]));
        f.refused(ResultCode.INVALID_ARGUMENT, op, m, openArgs("citizen-1", 4, new byte[32], new byte[0]));
        f.refused(ResultCode.INVALID_ARGUMENT, op, m, openArgs("citizen-1", 4, new byte[32], new byte[2049]));
        f.refused(ResultCode.INVALID_ARGUMENT, op, m,
                CurrencyCalls.openWallet(new byte[] {1, 2, 3}, 4, new byte[32], new byte[10]));
        f.refused(ResultCode.INVALID_ARGUMENT, op, m, Args.builder().int64(4).encode());
    }

    @Test
    void aKeyOfTheOtherSuiteIsRefused() {
        CurrencyFixture sm = CurrencyFixture.create(SuiteId.SM);
        byte[] intlKey = f.chain.key("citizen-1").publicKey().encoded();

        sm.refused(ResultCode.INVALID_ARGUMENT, "bank-a", CurrencyContract.OPEN_WALLET,
                CurrencyCalls.openWallet(intlKey, 4, new byte[32], new byte[10]));
    }

    @Test
    void operatorCannotServeAnotherOperatorsWallet() {
        f.issue("bank-b", "1,000.00");
        f.openWallet("bank-a", "citizen-1", 3);
        Address w = f.wallet("citizen-1");

        f.refused(ResultCode.NOT_AUTHORISED, "bank-b", CurrencyContract.EXCHANGE_IN,
                CurrencyCalls.exchangeIn(w, fen("10.00")));
        f.refused(ResultCode.NOT_AUTHORISED, "bank-b", CurrencyContract.SET_CLASS, CurrencyCalls.setClass(w, 2));
    }

    @Test
    void operatorExchangesDepositsIntoAWallet() {
        f.issue("bank-a", "10,000.00");
        f.openWallet("bank-a", "citizen-1", 4);

        Receipt r = f.exchangeIn("bank-a", "citizen-1", "3,000.00");

        Event e = CurrencyFixture.event(r, CurrencyContract.EXCHANGED_IN);
        assertThat(e.get("wallet")).isEqualTo(f.wallet("citizen-1").hex());
        assertThat(e.get("operator")).isEqualTo("bank-a");
        assertThat(e.get("amount")).isEqualTo("300000");
        assertThat(f.balance("citizen-1")).isEqualTo("3,000.00");
        assertThat(f.reserve("bank-a")).isEqualTo("7,000.00");
        assertThat(f.supply()).isEqualTo("10,000.00");
        f.assertInvariants();
    }

    @Test
    void exchangingMoreThanTheReserveIsInsufficientFunds() {
        f.issue("bank-a", "100.00");
        f.openWallet("bank-a", "citizen-1", 4);

        f.refused(ResultCode.INSUFFICIENT_FUNDS, "bank-a", CurrencyContract.EXCHANGE_IN,
                CurrencyCalls.exchangeIn(f.wallet("citizen-1"), fen("100.01")));
    }

    @Test
    void exchangingOverTheWalletsMaximumBalanceIsRefused() {
        f.issue("bank-a", "100,000.00");
        f.openWallet("bank-a", "citizen-1", 4);
        f.exchangeIn("bank-a", "citizen-1", "9,999.99");

        Receipt r = f.refused(ResultCode.LIMIT_EXCEEDED, "bank-a", CurrencyContract.EXCHANGE_IN,
                CurrencyCalls.exchangeIn(f.wallet("citizen-1"), fen("0.02")));

        assertThat(r.message()).contains("maximum balance", "10,000.00 CNY", "9,999.99 CNY");
        f.exchangeIn("bank-a", "citizen-1", "0.01");
        assertThat(f.balance("citizen-1")).isEqualTo("10,000.00");
    }

    @Test
    void exchangingIntoAnUnknownWalletIsNotFound() {
        f.issue("bank-a", "100.00");

        f.refused(ResultCode.NOT_FOUND, "bank-a", CurrencyContract.EXCHANGE_IN,
                CurrencyCalls.exchangeIn(f.wallet("citizen-3"), 1));
        f.refused(ResultCode.INVALID_ARGUMENT, "bank-a", CurrencyContract.EXCHANGE_IN,
                Args.builder().bytes(new byte[19]).int64(1).encode());
    }

    @Test
    void ownerExchangesOutToTheOperatorsReserveWithoutPaymentLimits() {
        f.issue("bank-a", "100,000.00");
        f.openWallet("bank-a", "citizen-1", 4);
        f.exchangeIn("bank-a", "citizen-1", "9,000.00");

        Receipt r = f.ok("citizen-1", CurrencyContract.EXCHANGE_OUT, CurrencyCalls.exchangeOut(fen("8,000.00")));

        Event e = CurrencyFixture.event(r, CurrencyContract.EXCHANGED_OUT);
        assertThat(e.get("operator")).isEqualTo("bank-a");
        assertThat(e.get("amount")).isEqualTo("800000");
        assertThat(f.balance("citizen-1")).isEqualTo("1,000.00");
        assertThat(f.reserve("bank-a")).isEqualTo("99,000.00");
        f.refused(ResultCode.INSUFFICIENT_FUNDS, "citizen-1", CurrencyContract.EXCHANGE_OUT,
                CurrencyCalls.exchangeOut(fen("1,000.01")));
        f.refused(ResultCode.NOT_FOUND, "citizen-2", CurrencyContract.EXCHANGE_OUT, CurrencyCalls.exchangeOut(1));
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", CurrencyContract.EXCHANGE_OUT, CurrencyCalls.exchangeOut(0));
        f.assertInvariants();
    }

    @Test
    void operatorUpgradesAWalletAfterMoreKyc() {
        f.issue("bank-a", "100,000.00");
        f.openWallet("bank-a", "citizen-1", 4);
        f.exchangeIn("bank-a", "citizen-1", "10,000.00");

        Receipt r = f.ok("bank-a", CurrencyContract.SET_CLASS, CurrencyCalls.setClass(f.wallet("citizen-1"), 2));

        Event e = CurrencyFixture.event(r, CurrencyContract.CLASS_CHANGED);
        assertThat(e.get("previousClass")).isEqualTo("4");
        assertThat(e.get("class")).isEqualTo("2");
        f.exchangeIn("bank-a", "citizen-1", "20,000.00");
        assertThat(f.balance("citizen-1")).isEqualTo("30,000.00");
    }

    @Test
    void setClassDowngradeOverBalanceRefused() {
        f.issue("bank-a", "100,000.00");
        f.openWallet("bank-a", "citizen-1", 2);
        f.exchangeIn("bank-a", "citizen-1", "10,000.01");

        Receipt r = f.refused(ResultCode.LIMIT_EXCEEDED, "bank-a", CurrencyContract.SET_CLASS,
                CurrencyCalls.setClass(f.wallet("citizen-1"), 3));

        assertThat(r.message()).contains("10,000.01 CNY", "10,000.00 CNY");
        f.refused(ResultCode.INVALID_ARGUMENT, "bank-a", CurrencyContract.SET_CLASS,
                CurrencyCalls.setClass(f.wallet("citizen-1"), 9));
        f.refused(ResultCode.NOT_FOUND, "bank-a", CurrencyContract.SET_CLASS,
                CurrencyCalls.setClass(f.wallet("citizen-3"), 1));
    }
}
