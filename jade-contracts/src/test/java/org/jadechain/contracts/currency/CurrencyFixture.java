package org.jadechain.contracts.currency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.Nonces;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateReader;
import org.jadechain.testkit.TestChain;

/**
 * A test chain with the currency and short-hands for what the actors do; amounts are yuan text or fen.
 * {@link #refused} checks that a refused call left the whole state as it was, apart from the nonce.
 */
final class CurrencyFixture {
    static final String CB = "central-bank";
    static final long HOUR = 3_600_000L;
    static final long MINUTE = 60_000L;

    final TestChain chain;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> salts = new TreeMap<>();

    private CurrencyFixture(TestChain chain) {
        this.chain = chain;
    }

    static CurrencyFixture create(SuiteId suite) {
        return new CurrencyFixture(TestChain.create(suite, SystemContracts.registry()));
    }

    static CurrencyFixture create(SuiteId suite, Map<String, String> parameters) {
        return new CurrencyFixture(TestChain.create(suite, SystemContracts.registry(), parameters));
    }

    static long fen(String yuan) {
        return Yuan.parse(yuan);
    }

    StateReader state() {
        return chain.store();
    }

    /** The store with its derived index (the wallet history, ADR 0011). */
    LedgerStore store() {
        return chain.store();
    }

    Address wallet(String owner) {
        return chain.address(owner);
    }

    Receipt submit(String signer, String method, byte[] args) {
        return chain.submit(signer, CurrencyContract.NAME, method, args);
    }

    Receipt ok(String signer, String method, byte[] args) {
        Receipt r = submit(signer, method, args);
        assertThat(r.code()).as(r.message()).isEqualTo(ResultCode.OK);
        return r;
    }

    /** Submits a call that must be refused with {@code code} and change nothing but the signer's nonce. */
    Receipt refused(ResultCode code, String signer, String method, byte[] args) {
        TreeMap<String, String> before = dump();
        Receipt r = submit(signer, method, args);
        assertThat(r.code()).as(r.message()).isEqualTo(code);
        assertThat(r.events()).isEmpty();
        assertThat(dump()).isEqualTo(before);
        return r;
    }

    /** Every state entry except nonces, as hex, in key order. */
    TreeMap<String, String> dump() {
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

    // --- what the actors do ---

    Receipt issue(String operator, String yuan) {
        return ok(CB, CurrencyContract.ISSUE, CurrencyCalls.issue(operator, fen(yuan)));
    }

    /** The operator opens a wallet for the owner's key, with the identity committed and sealed for the regulator. */
    Receipt openWallet(String operator, String owner, int walletClass, String identity) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        salts.put(owner, salt);
        byte[] commitment = IdentityCommitment.compute(chain.suite(), salt, identity).bytes();
        byte[] sealed = chain.suite().encryptTo(chain.key("regulator").publicKey(),
                identity.getBytes(StandardCharsets.UTF_8), random);
        return ok(operator, CurrencyContract.OPEN_WALLET,
                CurrencyCalls.openWallet(chain.key(owner).publicKey(), walletClass, commitment, sealed));
    }

    Receipt openWallet(String operator, String owner, int walletClass) {
        return openWallet(operator, owner, walletClass, "phone:+86 138 0000 " + owner);
    }

    byte[] salt(String owner) {
        return salts.get(owner);
    }

    Receipt exchangeIn(String operator, String owner, String yuan) {
        return ok(operator, CurrencyContract.EXCHANGE_IN, CurrencyCalls.exchangeIn(wallet(owner), fen(yuan)));
    }

    Receipt pay(String from, String to, String yuan) {
        return ok(from, CurrencyContract.TRANSFER, CurrencyCalls.transfer(wallet(to), fen(yuan), ""));
    }

    byte[] payArgs(String to, String yuan) {
        return CurrencyCalls.transfer(wallet(to), fen(yuan), "");
    }

    Receipt freeze(String owner, String yuan, String caseId) {
        return ok("court", CurrencyContract.FREEZE, CurrencyCalls.freeze(wallet(owner), fen(yuan), caseId));
    }

    // --- what the ledger says ---

    String balance(String owner) {
        return Yuan.format(CurrencyQueries.wallet(state(), wallet(owner)).balance());
    }

    String frozen(String owner) {
        return Yuan.format(CurrencyQueries.wallet(state(), wallet(owner)).frozen());
    }

    String reserve(String operator) {
        return Yuan.format(CurrencyQueries.reserve(state(), operator));
    }

    String supply() {
        return Yuan.format(CurrencyQueries.totalSupply(state()));
    }

    void assertInvariants() {
        assertThat(CurrencyQueries.checkInvariants(state())).isEmpty();
    }

    static Event event(Receipt r, String type) {
        return r.events().stream().filter(e -> e.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " event in " + r.events()));
    }
}
