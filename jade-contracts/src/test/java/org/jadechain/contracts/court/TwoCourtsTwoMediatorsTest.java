package org.jadechain.contracts.court;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.contracts.mediation.Installment;
import org.jadechain.contracts.mediation.MediationCalls;
import org.jadechain.contracts.mediation.MediationContract;
import org.jadechain.contracts.mediation.MediationQueries;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.ProposedBlock;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.model.Transaction;
import org.jadechain.storage.InMemoryLedgerStore;
import org.junit.jupiter.api.Test;

/**
 * A consortium with two courts and two mediators (the demo one has one of each): a case belongs to the court
 * the agreement named, and the other court can neither rule on it nor touch the funds frozen under it; only
 * the proposing mediator may withdraw an agreement.
 */
class TwoCourtsTwoMediatorsTest {
    private static final String CHAIN = "two-courts";
    private final CryptoSuite suite = CryptoSuites.of(SuiteId.INTL);
    private final Map<String, KeyPair> keys = new TreeMap<>();
    private final Map<String, Long> nonces = new TreeMap<>();
    private final KeyPair validator = suite.generateKeyPair(new SecureRandom());
    private final InMemoryLedgerStore store = new InMemoryLedgerStore(suite);
    private final Ledger ledger;
    private long time = 1_764_000_000_000L;

    TwoCourtsTwoMediatorsTest() {
        List<Organisation> orgs = new ArrayList<>();
        String[][] spec = {{"central-bank", "CENTRAL_BANK"}, {"bank-a", "OPERATOR"}, {"court", "COURT"},
            {"court-2", "COURT"}, {"mediator", "MEDIATOR"}, {"mediator-2", "MEDIATOR"}};
        for (String[] o : spec) {
            orgs.add(new Organisation(o[0], o[0], Role.valueOf(o[1]), List.of(key(o[0]).publicKey())));
        }
        Genesis genesis = new Genesis(CHAIN, SuiteId.INTL, 480, time, orgs,
                List.of(new ValidatorInfo("v", "central-bank", validator.publicKey())), new TreeMap<>());
        ledger = new Ledger(genesis, SystemContracts.registry(), store);
    }

    private KeyPair key(String id) {
        return keys.computeIfAbsent(id, k -> suite.generateKeyPair(new SecureRandom()));
    }

    private Address address(String id) {
        return suite.address(key(id).publicKey());
    }

    private Receipt submit(String signer, String contract, String method, byte[] args) {
        long nonce = nonces.merge(signer, 1L, Long::sum) - 1;
        KeyPair k = key(signer);
        byte[] body = Transaction.encodeBody(CHAIN, SuiteId.INTL, k.publicKey().encoded(), nonce, contract, method,
                args);
        Transaction tx = Transaction.assemble(body, suite.sign(k.privateKey(), body));
        List<Receipt> receipts = block(tx);
        return receipts.get(receipts.size() - 1);
    }

    private List<Receipt> block(Transaction... txs) {
        List<CheckedTransaction> checked = new ArrayList<>();
        TransactionValidator v = new TransactionValidator(CHAIN, suite);
        for (Transaction t : txs) {
            checked.add(v.check(t));
        }
        time += 1_000;
        ProposedBlock p = ledger.propose(time, checked, suite.address(validator.publicKey()));
        byte[] sig = suite.sign(validator.privateKey(), CommitCertificate.signedMessage(p.headerHash()));
        ledger.commit(p, new CommitCertificate(p.headerHash(),
                List.of(new CommitCertificate.Signature(validator.publicKey().encoded(), sig))));
        return p.receipts();
    }

    private Receipt ok(String signer, String contract, String method, byte[] args) {
        Receipt r = submit(signer, contract, method, args);
        assertThat(r.code()).as(r.message()).isEqualTo(ResultCode.OK);
        return r;
    }

    private void openWallet(String owner, long fen) {
        ok("bank-a", CurrencyContract.NAME, CurrencyContract.OPEN_WALLET,
                CurrencyCalls.openWallet(key(owner).publicKey(), 2, new byte[32], new byte[] {1}));
        if (fen > 0) {
            ok("bank-a", CurrencyContract.NAME, CurrencyContract.EXCHANGE_IN,
                    CurrencyCalls.exchangeIn(address(owner), fen));
        }
    }

    @Test
    void onlyNamedCourtActs() {
        ok("central-bank", CurrencyContract.NAME, CurrencyContract.ISSUE, CurrencyCalls.issue("bank-a", 1_000_000));
        openWallet("debtor", 50_000);
        openWallet("creditor", 0);
        Receipt proposed = ok("mediator", MediationContract.NAME, MediationContract.PROPOSE, MediationCalls.propose(
                address("creditor"), address("debtor"), "court", List.of(new Installment(10_000, time + 5_000)),
                new byte[32]));
        String id = proposed.outputValue("agreement");
        var hash = MediationQueries.agreement(store, id).agreementHash();
        ok("creditor", MediationContract.NAME, MediationContract.SIGN, MediationCalls.sign(id, hash));
        ok("debtor", MediationContract.NAME, MediationContract.SIGN, MediationCalls.sign(id, hash));
        time += 10_000;
        block();
        assertThat(CourtQueries.courtCase(store, "C-1").court()).isEqualTo("court");

        assertThat(submit("court-2", CourtContract.NAME, CourtContract.ACCEPT, CourtCalls.accept("C-1", "r")).code())
                .isEqualTo(ResultCode.NOT_AUTHORISED);
        assertThat(submit("court-2", CourtContract.NAME, CourtContract.DISMISS, CourtCalls.dismiss("C-1", "r")).code())
                .isEqualTo(ResultCode.NOT_AUTHORISED);
        ok("court", CourtContract.NAME, CourtContract.ACCEPT, CourtCalls.accept("C-1", "r"));
        assertThat(submit("court-2", CourtContract.NAME, CourtContract.ENFORCE, CourtCalls.enforce("C-1", "r")).code())
                .isEqualTo(ResultCode.NOT_AUTHORISED);
        ok("court", CourtContract.NAME, CourtContract.ENFORCE, CourtCalls.enforce("C-1", "r"));
        assertThat(submit("court-2", CourtContract.NAME, CourtContract.DEDUCT, CourtCalls.deduct("C-1", 1, "r")).code())
                .isEqualTo(ResultCode.NOT_AUTHORISED);
        assertThat(submit("court-2", CourtContract.NAME, CourtContract.CLOSE, CourtCalls.close("C-1", "r")).code())
                .isEqualTo(ResultCode.NOT_AUTHORISED);
        assertThat(submit("court-2", CurrencyContract.NAME, CurrencyContract.DEDUCT,
                CurrencyCalls.deduct(address("debtor"), address("creditor"), 1, "C-1")).code())
                .isEqualTo(ResultCode.NOT_AUTHORISED);
        ok("court", CourtContract.NAME, CourtContract.DEDUCT, CourtCalls.deduct("C-1", 10_000, "r"));
        ok("court", CourtContract.NAME, CourtContract.CLOSE, CourtCalls.close("C-1", "r"));

        assertThat(CourtQueries.courtCase(store, "C-1").state()).isEqualTo(CaseState.CLOSED);
        assertThat(CourtQueries.caseCount(store, "court-2")).isZero();
        assertThat(new CourtContract().checkInvariants(store)).isEmpty();
    }

    @Test
    void onlyTheProposingMediatorWithdraws() {
        ok("central-bank", CurrencyContract.NAME, CurrencyContract.ISSUE, CurrencyCalls.issue("bank-a", 1_000_000));
        openWallet("debtor", 0);
        openWallet("creditor", 0);
        String id = ok("mediator", MediationContract.NAME, MediationContract.PROPOSE, MediationCalls.propose(
                address("creditor"), address("debtor"), "court-2", List.of(new Installment(1, time + 60_000)),
                new byte[16])).outputValue("agreement");

        assertThat(submit("mediator-2", MediationContract.NAME, MediationContract.WITHDRAW,
                MediationCalls.withdraw(id)).code()).isEqualTo(ResultCode.NOT_AUTHORISED);
        ok("mediator", MediationContract.NAME, MediationContract.WITHDRAW, MediationCalls.withdraw(id));
        assertThat(MediationQueries.agreement(store, id).court()).isEqualTo("court-2");
    }
}
