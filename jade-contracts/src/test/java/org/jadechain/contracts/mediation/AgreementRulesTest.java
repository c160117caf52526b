package org.jadechain.contracts.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jadechain.contracts.mediation.MediationFixture.HOUR;
import static org.jadechain.contracts.mediation.MediationFixture.TERMS;
import static org.jadechain.contracts.mediation.MediationFixture.fen;
import static org.jadechain.contracts.mediation.MediationFixture.triggerReceipts;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.contracts.court.CaseEvidence;
import org.jadechain.contracts.court.CourtCalls;
import org.jadechain.contracts.court.CourtContract;
import org.jadechain.contracts.court.CourtQueries;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may propose, sign, withdraw and pay, and what the contract refuses. */
class AgreementRulesTest {
    private final MediationFixture f = MediationFixture.create(SuiteId.INTL);
    private long due1;
    private long due2;

    @BeforeEach
    void parties() {
        f.wallet("citizen-1", "1,000.00");
        f.wallet("shop-1", "0");
        f.wallet("citizen-2", "50.00");
        due1 = f.now() + HOUR;
        due2 = f.now() + 2 * HOUR;
    }

    private String proposed() {
        return f.propose("shop-1", "citizen-1", fen("100.00"), due1, fen("100.00"), due2);
    }

    private byte[] signArgs(String id) {
        return MediationCalls.sign(id, f.agreement(id).agreementHash());
    }

    private Receipt refusedProposal(ResultCode code, Address creditor, Address debtor, String court, byte[] schedule,
                                    byte[] terms) {
        return f.refused(code, "mediator", MediationContract.NAME, MediationContract.PROPOSE,
                MediationCalls.propose(creditor, debtor, court, schedule, terms));
    }

    @Test
    void mediatorProposesAnAgreementThatRecordsItsTerms() {
        Receipt r = f.ok("mediator", MediationContract.NAME, MediationContract.PROPOSE, MediationCalls.propose(
                f.wallet("shop-1"), f.wallet("citizen-1"), "court",
                MediationFixture.schedule(fen("100.00"), due1, fen("50.00"), due2), TERMS));

        String id = r.outputValue("agreement");
        assertThat(id).isEqualTo("A-1");
        Agreement a = f.agreement(id);
        assertThat(a.state()).isEqualTo(AgreementState.PROPOSED);
        assertThat(a.mediator()).isEqualTo("mediator");
        assertThat(a.mediatorKey()).isEqualTo(f.wallet("mediator"));
        assertThat(a.court()).isEqualTo("court");
        assertThat(a.total()).isEqualTo(fen("150.00"));
        assertThat(a.installments()).containsExactly(new Installment(fen("100.00"), due1),
                new Installment(fen("50.00"), due2));
        assertThat(a.agreementHash().hex()).isEqualTo(r.outputValue("agreementHash"));
        assertThat(a.computeHash(f.chain.suite(), f.chain.genesis().chainId())).isEqualTo(a.agreementHash());
        assertThat(a.proposalTx()).isEqualTo(r.txHash());
        assertThat(MediationQueries.agreementsOf(f.state(), f.wallet("citizen-1"), 0, 10)).containsExactly(a);
        assertThat(MediationQueries.agreementsOf(f.state(), f.wallet("shop-1"), 0, 10)).containsExactly(a);
        assertThat(MediationQueries.agreementsOf(f.state(), f.wallet("citizen-2"), 0, 10)).isEmpty();
        String second = proposed();
        assertThat(second).isEqualTo("A-2");
        assertThat(MediationQueries.agreements(f.state(), 0, 10)).extracting(Agreement::id)
                .containsExactly("A-2", "A-1");
        assertThat(MediationQueries.agreementCount(f.state())).isEqualTo(2);
    }

    @Test
    void proposalsAreChecked() {
        Address shop = f.wallet("shop-1");
        Address citizen = f.wallet("citizen-1");
        byte[] good = InstallmentCodec.encode(MediationFixture.schedule(fen("1.00"), due1));

        refusedProposal(ResultCode.INVALID_ARGUMENT, shop, shop, "court", good, TERMS);
        refusedProposal(ResultCode.INVALID_ARGUMENT, shop, citizen, "bank-a", good, TERMS);
        refusedProposal(ResultCode.NOT_FOUND, shop, citizen, "no-such-court", good, TERMS);
        refusedProposal(ResultCode.NOT_FOUND, shop, f.wallet("citizen-3"), "court", good, TERMS);
        refusedProposal(ResultCode.INVALID_ARGUMENT, shop, citizen, "court", good, new byte[15]);
        refusedProposal(ResultCode.INVALID_ARGUMENT, shop, citizen, "court", good, new byte[65]);
        refusedProposal(ResultCode.INVALID_ARGUMENT, shop, citizen, "court",
                InstallmentCodec.encode(MediationFixture.schedule(fen("1.00"), f.now())), TERMS);
        refusedProposal(ResultCode.INVALID_ARGUMENT, shop, citizen, "court", new byte[] {1, 0, 0}, TERMS);
        refusedProposal(ResultCode.INVALID_ARGUMENT, shop, citizen, "court", new byte[] {0}, TERMS);
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        refusedProposal(ResultCode.INVALID_ARGUMENT, shop, citizen, "court", trailing, TERMS);
        List<Installment> tooMany = new ArrayList<>();
        for (int i = 0; i < MediationContract.MAX_INSTALLMENTS + 1; i++) {
            tooMany.add(new Installment(1, due1 + i));
        }
        byte[] tooManyBytes = new org.jadechain.core.codec.ByteWriter().varint(tooMany.size()).toByteArray();
        for (Installment i : tooMany) {
            tooManyBytes = concat(tooManyBytes, new org.jadechain.core.codec.ByteWriter().varint(i.amount())
                    .varint(i.due()).toByteArray());
        }
        refusedProposal(ResultCode.INVALID_ARGUMENT, shop, citizen, "court", tooManyBytes, TERMS);
        refusedProposal(ResultCode.OVERFLOW, shop, citizen, "court", new org.jadechain.core.codec.ByteWriter()
                .varint(2).varint(Long.MAX_VALUE).varint(due1).varint(1).varint(due2).toByteArray(), TERMS);
        f.refused(ResultCode.INVALID_ARGUMENT, "mediator", MediationContract.NAME, MediationContract.PROPOSE,
                Args.builder().bytes(shop.bytes()).encode());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"court", "bank-a", "regulator", "citizen-1", "shop-1"})
    void onlyMediatorsPropose(String caller) {
        f.refused(ResultCode.NOT_AUTHORISED, caller, MediationContract.NAME, MediationContract.PROPOSE,
                MediationCalls.propose(f.wallet("shop-1"), f.wallet("citizen-1"), "court",
                        MediationFixture.schedule(fen("1.00"), due1), TERMS));
    }

    @Test
    void onlyPartiesSign() {
        String id = proposed();

        for (String outsider : List.of("citizen-2", "mediator", "court", "bank-a")) {
            f.refused(ResultCode.NOT_AUTHORISED, outsider, MediationContract.NAME, MediationContract.SIGN,
                    signArgs(id));
        }
        f.refused(ResultCode.INVALID_ARGUMENT, "shop-1", MediationContract.NAME, MediationContract.SIGN,
                MediationCalls.sign(id, f.chain.suite().hash(new byte[] {1})));
        f.refused(ResultCode.NOT_FOUND, "shop-1", MediationContract.NAME, MediationContract.SIGN,
                MediationCalls.sign("A-9", Hash.ZERO));
        Receipt creditor = f.sign("shop-1", id);
        assertThat(MediationFixture.event(creditor, MediationContract.NAME, MediationContract.AGREEMENT_SIGNED)
                .get("party")).isEqualTo("creditor");
        assertThat(creditor.events()).noneMatch(e -> e.type().equals(MediationContract.AGREEMENT_BINDING));
        f.refused(ResultCode.ALREADY_EXISTS, "shop-1", MediationContract.NAME, MediationContract.SIGN, signArgs(id));
        assertThat(f.agreement(id).state()).isEqualTo(AgreementState.PROPOSED);

        Receipt debtor = f.sign("citizen-1", id);

        MediationFixture.event(debtor, MediationContract.NAME, MediationContract.AGREEMENT_BINDING);
        Agreement a = f.agreement(id);
        assertThat(a.state()).isEqualTo(AgreementState.BINDING);
        assertThat(a.creditorSignature().txHash()).isEqualTo(creditor.txHash());
        assertThat(a.debtorSignature().txHash()).isEqualTo(debtor.txHash());
        assertThat(a.debtorSignature().signer()).isEqualTo(f.wallet("citizen-1"));
        f.refused(ResultCode.ALREADY_EXISTS, "citizen-1", MediationContract.NAME, MediationContract.SIGN, signArgs(id));
    }

    @Test
    void anAgreementFallenDueBeforeItIsSignedCannotBind() {
        String id = proposed();
        f.sign("citizen-1", id);
        f.emptyBlockAt(due1);

        f.refused(ResultCode.INVALID_STATE, "shop-1", MediationContract.NAME, MediationContract.SIGN, signArgs(id));
    }

    @Test
    void withdrawOnlyBeforeBinding() {
        String withdrawn = proposed();
        String binding = proposed();
        f.sign("shop-1", withdrawn);
        f.sign("shop-1", binding);
        f.sign("citizen-1", binding);

        f.refused(ResultCode.NOT_AUTHORISED, "court", MediationContract.NAME, MediationContract.WITHDRAW,
                MediationCalls.withdraw(withdrawn));
        f.refused(ResultCode.NOT_AUTHORISED, "shop-1", MediationContract.NAME, MediationContract.WITHDRAW,
                MediationCalls.withdraw(withdrawn));
        Receipt r = f.ok("mediator", MediationContract.NAME, MediationContract.WITHDRAW,
                MediationCalls.withdraw(withdrawn));
        MediationFixture.event(r, MediationContract.NAME, MediationContract.AGREEMENT_WITHDRAWN);
        assertThat(f.agreement(withdrawn).state()).isEqualTo(AgreementState.WITHDRAWN);
        f.refused(ResultCode.INVALID_STATE, "mediator", MediationContract.NAME, MediationContract.WITHDRAW,
                MediationCalls.withdraw(withdrawn));
        f.refused(ResultCode.INVALID_STATE, "mediator", MediationContract.NAME, MediationContract.WITHDRAW,
                MediationCalls.withdraw(binding));
        f.refused(ResultCode.INVALID_STATE, "citizen-1", MediationContract.NAME, MediationContract.SIGN,
                signArgs(withdrawn));
        f.refused(ResultCode.INVALID_STATE, "citizen-1", MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment(withdrawn, 1));

        // only the binding agreement's deadlines run
        assertThat(triggerReceipts(f.emptyBlockAt(due1))).singleElement()
                .satisfies(t -> assertThat(t.outputValue("case")).isEqualTo("C-1"));
        assertThat(CourtQueries.courtCase(f.state(), "C-1").agreement()).isEqualTo(binding);
    }

    @Test
    void onlyTheDebtorPaysAndTheCurrencyRulesApply() {
        String id = proposed();
        f.refused(ResultCode.INVALID_STATE, "citizen-1", MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment(id, 1));
        f.sign("shop-1", id);
        f.sign("citizen-1", id);

        f.refused(ResultCode.NOT_AUTHORISED, "shop-1", MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment(id, 1));
        f.refused(ResultCode.NOT_AUTHORISED, "citizen-2", MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment(id, 1));
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment(id, 3));
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment(id, 0));
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment(id, 1, fen("100.01")));
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment(id, 1, 0));
        f.refused(ResultCode.NOT_FOUND, "citizen-1", MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment("A-7", 1));
        f.ok("court", CurrencyContract.NAME, CurrencyContract.FREEZE,
                CurrencyCalls.freeze(f.wallet("citizen-1"), fen("950.00"), "another case"));
        f.refused(ResultCode.FROZEN, "citizen-1", MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment(id, 1));
        f.ok("court", CurrencyContract.NAME, CurrencyContract.UNFREEZE,
                CurrencyCalls.unfreeze(f.wallet("citizen-1"), "another case"));
        f.ok("citizen-1", CurrencyContract.NAME, CurrencyContract.TRANSFER,
                CurrencyCalls.transfer(f.wallet("citizen-2"), fen("950.00"), ""));
        f.refused(ResultCode.INSUFFICIENT_FUNDS, "citizen-1", MediationContract.NAME,
                MediationContract.PAY_INSTALLMENT, MediationCalls.payInstallment(id, 1));

        Receipt r = f.pay("citizen-1", id, 1, fen("50.00"));

        MediationFixture.event(r, CurrencyContract.NAME, CurrencyContract.TRANSFERRED);
        assertThat(MediationFixture.event(r, CurrencyContract.NAME, CurrencyContract.TRANSFERRED).get("memo"))
                .isEqualTo("agreement " + id + " installment 1");
        assertThat(MediationFixture.event(r, MediationContract.NAME, MediationContract.INSTALLMENT_PAID).get("late"))
                .isEqualTo("false");
        f.ok("bank-a", CurrencyContract.NAME, CurrencyContract.EXCHANGE_IN,
                CurrencyCalls.exchangeIn(f.wallet("citizen-1"), fen("50.00")));
        Receipt rest = f.pay("citizen-1", id, 1);
        f.refused(ResultCode.INVALID_STATE, "citizen-1", MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment(id, 1));
        assertThat(f.agreement(id).payments()).extracting(Agreement.Payment::txHash)
                .containsExactly(r.txHash(), rest.txHash());
        assertThat(f.balance("shop-1")).isEqualTo(fen("100.00"));
        f.assertInvariants();
    }

    @Test
    void theLastAllowedPaymentOfAnInstallmentMustClearIt() {
        String id = proposed();
        f.sign("shop-1", id);
        f.sign("citizen-1", id);
        for (int i = 0; i < MediationContract.MAX_PAYMENTS_PER_INSTALLMENT - 1; i++) {
            f.pay("citizen-1", id, 1, 1);
        }

        f.refused(ResultCode.LIMIT_EXCEEDED, "citizen-1", MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment(id, 1, 1));
        f.pay("citizen-1", id, 1);

        assertThat(f.agreement(id).remaining(1)).isZero();
        assertThat(f.agreement(id).paymentCount(1)).isEqualTo(MediationContract.MAX_PAYMENTS_PER_INSTALLMENT);
    }

    @Test
    void deadlineMethodsAreForTheLedgerOnly() {
        String id = proposed();
        f.sign("shop-1", id);
        f.sign("citizen-1", id);
        Agreement a = f.agreement(id);

        for (String caller : List.of("citizen-1", "shop-1", "mediator", "court")) {
            f.refused(ResultCode.NOT_AUTHORISED, caller, MediationContract.NAME, MediationContract.CHECK_INSTALLMENT,
                    MediationCalls.checkInstallment(id, 1));
            f.refused(ResultCode.NOT_AUTHORISED, caller, MediationContract.NAME, MediationContract.RECHECK,
                    MediationCalls.recheck(id));
            f.refused(ResultCode.NOT_AUTHORISED, caller, CourtContract.NAME, CourtContract.FILE_CASE,
                    CourtCalls.fileCase("court", a.creditor(), a.debtor(), 1, a.evidence(1, 1), "made up"));
        }
        assertThat(CourtQueries.caseCount(f.state())).isZero();
    }

    @Test
    void evidenceRoundTripsThroughItsEncoding() throws Exception {
        String id = proposed();
        f.sign("shop-1", id);
        f.sign("citizen-1", id);
        f.pay("citizen-1", id, 1, 7);
        CaseEvidence e = f.agreement(id).evidence(1, 2);

        assertThat(CaseEvidence.decode(e.encode())).isEqualTo(e);
        assertThat(CaseEvidence.decode(e.encode()).paidOn(1)).isEqualTo(7);
    }
}
