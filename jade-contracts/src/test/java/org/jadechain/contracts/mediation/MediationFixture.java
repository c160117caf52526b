package org.jadechain.contracts.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.contracts.court.CourtCase;
import org.jadechain.contracts.court.CourtContract;
import org.jadechain.contracts.court.CourtQueries;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.contracts.currency.CurrencyQueries;
import org.jadechain.contracts.currency.IdentityCommitment;
import org.jadechain.contracts.currency.Yuan;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.Nonces;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.model.Transaction;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateReader;
import org.jadechain.testkit.TestChain;

/**
 * A test chain with the system contracts, a central bank that has issued to bank-a, and short-hands for what
 * the mediator, the parties and the court do. Every committed block is kept ({@link #blocks}) so a test can
 * replay the chain elsewhere. {@link #refused} checks that a refused call changed nothing but the nonce.
 * Amounts are yuan text or fen. Public so the court's tests share it.
 */
public final class MediationFixture {
    public static final long MINUTE = 60_000L;
    public static final long HOUR = 60 * MINUTE;
    public static final byte[] TERMS = bytes32("signed terms document");

    public final TestChain chain;
    public final List<CommittedBlock> blocks = new ArrayList<>();

    private MediationFixture(TestChain chain) {
        this.chain = chain;
    }

    /** A chain where bank-a holds 1,000,000.00 and serves class-2 wallets for the demo's people. */
    public static MediationFixture create(SuiteId suite) {
        MediationFixture f = new MediationFixture(TestChain.create(suite, SystemContracts.registry()));
        f.ok("central-bank", CurrencyContract.NAME, CurrencyContract.ISSUE,
                CurrencyCalls.issue("bank-a", fen("1,000,000.00")));
        return f;
    }

    public static long fen(String yuan) {
        return Yuan.parse(yuan);
    }

    public static byte[] bytes32(String text) {
        byte[] out = new byte[32];
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, out, 0, Math.min(32, b.length));
        return out;
    }

    public StateReader state() {
        return chain.store();
    }

    public Address wallet(String owner) {
        return chain.address(owner);
    }

    /** The head block's timestamp. */
    public long now() {
        return chain.ledger().head().timestamp();
    }

    // --- blocks ---

    public CommittedBlock block(Transaction... txs) {
        CommittedBlock b = chain.block(txs);
        blocks.add(b);
        return b;
    }

    /** An empty block at ledger time {@code time} (due triggers run in it). */
    public CommittedBlock emptyBlockAt(long time) {
        chain.clock().set(time);
        return block();
    }

    public Receipt submit(String signer, String contract, String method, byte[] args) {
        CommittedBlock b = block(chain.tx(signer, contract, method, args));
        return b.receipts().get(b.receipts().size() - 1);
    }

    public Receipt ok(String signer, String contract, String method, byte[] args) {
        Receipt r = submit(signer, contract, method, args);
        assertThat(r.code()).as(r.message()).isEqualTo(ResultCode.OK);
        return r;
    }

    /** Submits a call that must be refused with {@code code} and change nothing but the signer's nonce. */
    public Receipt refused(ResultCode code, String signer, String contract, String method, byte[] args) {
        TreeMap<String, String> before = dump();
        Receipt r = submit(signer, contract, method, args);
        assertThat(r.code()).as(r.message()).isEqualTo(code);
        assertThat(r.events()).isEmpty();
        assertThat(dump()).isEqualTo(before);
        return r;
    }

    /** Every state entry except nonces, as hex, in key order. */
    public TreeMap<String, String> dump() {
        TreeMap<String, String> out = new TreeMap<>();
        for (int b = 0; b < StateKeys.BUCKETS; b++) {
            chain.store().scanBucket(b, (k, v) -> {
                if (!StateKeys.namespaceOf(k).equals(Nonces.NAMESPACE)) {
                    out.put(Hex.encode(k), Hex.encode(v));
                }
            });
        }
        return out;
    }

    // --- money ---

    /** bank-a opens a class-2 wallet for {@code owner} and puts {@code yuan} into it. */
    public void wallet(String owner, String yuan) {
        byte[] salt = bytes32("salt of " + owner);
        byte[] commitment = IdentityCommitment.compute(chain.suite(), salt, "phone:" + owner).bytes();
        ok("bank-a", CurrencyContract.NAME, CurrencyContract.OPEN_WALLET,
                CurrencyCalls.openWallet(chain.key(owner).publicKey(), 2, commitment, bytes32("sealed " + owner)));
        if (fen(yuan) > 0) {
            ok("bank-a", CurrencyContract.NAME, CurrencyContract.EXCHANGE_IN,
                    CurrencyCalls.exchangeIn(wallet(owner), fen(yuan)));
        }
    }

    public long balance(String owner) {
        return CurrencyQueries.wallet(state(), wallet(owner)).balance();
    }

    public long frozen(String owner) {
        return CurrencyQueries.wallet(state(), wallet(owner)).frozen();
    }

    // --- mediation ---

    /** The mediator proposes; {@code amountsAndDues} alternate amount in fen and due ledger time. */
    public String propose(String creditor, String debtor, long... amountsAndDues) {
        Receipt r = ok("mediator", MediationContract.NAME, MediationContract.PROPOSE,
                MediationCalls.propose(wallet(creditor), wallet(debtor), "court", schedule(amountsAndDues), TERMS));
        return r.outputValue("agreement");
    }

    public static List<Installment> schedule(long... amountsAndDues) {
        List<Installment> out = new ArrayList<>();
        for (int i = 0; i < amountsAndDues.length; i += 2) {
            out.add(new Installment(amountsAndDues[i], amountsAndDues[i + 1]));
        }
        return out;
    }

    public Receipt sign(String party, String agreementId) {
        return ok(party, MediationContract.NAME, MediationContract.SIGN,
                MediationCalls.sign(agreementId, agreement(agreementId).agreementHash()));
    }

    public Receipt pay(String debtor, String agreementId, int n) {
        return ok(debtor, MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment(agreementId, n));
    }

    public Receipt pay(String debtor, String agreementId, int n, long amount) {
        return ok(debtor, MediationContract.NAME, MediationContract.PAY_INSTALLMENT,
                MediationCalls.payInstallment(agreementId, n, amount));
    }

    public Agreement agreement(String id) {
        return MediationQueries.agreement(state(), id);
    }

    // --- court ---

    public Receipt court(String method, byte[] args) {
        return ok("court", CourtContract.NAME, method, args);
    }

    public CourtCase courtCase(String id) {
        return CourtQueries.courtCase(state(), id);
    }

    public void assertInvariants() {
        assertThat(CurrencyQueries.checkInvariants(state())).isEmpty();
        assertThat(new CourtContract().checkInvariants(state())).isEmpty();
        assertThat(new MediationContract().checkInvariants(state())).isEmpty();
    }

    // --- receipts ---

    public static List<Receipt> triggerReceipts(CommittedBlock b) {
        return b.receipts().stream().filter(r -> r.kind() == Receipt.Kind.TRIGGER).toList();
    }

    public static Event event(Receipt r, String contract, String type) {
        return r.events().stream().filter(e -> e.contract().equals(contract) && e.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + contract + "." + type + " event in " + r.events()));
    }
}
