package org.jadechain.testkit;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jadechain.core.contract.ContractRegistry;
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
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.ledger.ProposedBlock;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.Transaction;
import org.jadechain.storage.InMemoryLedgerStore;

/**
 * An in-memory chain with the demo consortium (central-bank, bank-a, bank-b, court, mediator, agency,
 * regulator as organisations; citizen-1..3 and shop-1 as plain keys), a fake clock, and helpers that sign
 * transactions with per-identity nonces and commit blocks with a valid certificate. Not thread-safe.
 */
public final class TestChain {
    public static final String CHAIN_ID = "jade-test";
    private static final String[][] ORGS = {
        {"central-bank", "CENTRAL_BANK"}, {"bank-a", "OPERATOR"}, {"bank-b", "OPERATOR"}, {"court", "COURT"},
        {"mediator", "MEDIATOR"}, {"agency", "AGENCY"}, {"regulator", "REGULATOR"},
    };
    private static final String[] PEOPLE = {"citizen-1", "citizen-2", "citizen-3", "shop-1"};

    private final CryptoSuite suite;
    private final Genesis genesis;
    private final Map<String, KeyPair> keys;
    private final Map<String, Long> nonces = new TreeMap<>();
    private final KeyPair validator;
    private final FakeClock clock;
    private final LedgerStore store;
    private final Ledger ledger;
    private final TransactionValidator validatorCheck;

    private TestChain(SuiteId suiteId, ContractRegistry contracts, Map<String, String> parameters, long startMillis,
                      Function<CryptoSuite, LedgerStore> storeFactory) {
        this.suite = CryptoSuites.of(suiteId);
        SecureRandom random = new SecureRandom();
        this.keys = new LinkedHashMap<>();
        List<Organisation> orgs = new ArrayList<>();
        for (String[] o : ORGS) {
            KeyPair k = suite.generateKeyPair(random);
            keys.put(o[0], k);
            orgs.add(new Organisation(o[0], o[0], Role.valueOf(o[1]), List.of(k.publicKey())));
        }
        for (String p : PEOPLE) {
            keys.put(p, suite.generateKeyPair(random));
        }
        this.validator = suite.generateKeyPair(random);
        this.clock = new FakeClock(startMillis);
        this.genesis = new Genesis(CHAIN_ID, suiteId, 8 * 60, startMillis, orgs,
                List.of(new ValidatorInfo("validator-1", "central-bank", validator.publicKey())), new TreeMap<>(parameters));
        this.store = storeFactory.apply(suite);
        this.ledger = new Ledger(genesis, contracts, store);
        this.validatorCheck = new TransactionValidator(CHAIN_ID, suite);
    }

    public static TestChain create(SuiteId suite, ContractRegistry contracts) {
        return new TestChain(suite, contracts, Map.of(), 1_764_000_000_000L,
                s -> new InMemoryLedgerStore(s, contracts.indexer()));
    }

    /** A test chain over a store of the caller's choice (e.g. RocksDB for benchmarks); the caller closes it. */
    public static TestChain create(SuiteId suite, ContractRegistry contracts, Function<CryptoSuite, LedgerStore> store) {
        return new TestChain(suite, contracts, Map.of(), 1_764_000_000_000L, store);
    }

    public static TestChain create(SuiteId suite, ContractRegistry contracts, Map<String, String> parameters) {
        return new TestChain(suite, contracts, parameters, 1_764_000_000_000L,
                s -> new InMemoryLedgerStore(s, contracts.indexer()));
    }

    public Genesis genesis() {
        return genesis;
    }

    public CryptoSuite suite() {
        return suite;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** The in-memory store of a chain made by {@link #create(SuiteId, ContractRegistry)}. */
    public InMemoryLedgerStore store() {
        return (InMemoryLedgerStore) store;
    }

    public FakeClock clock() {
        return clock;
    }

    public KeyPair validatorKey() {
        return validator;
    }

    /** The key of a demo identity, or a new plain key registered under that id. */
    public KeyPair key(String id) {
        return keys.computeIfAbsent(id, k -> suite.generateKeyPair(new SecureRandom()));
    }

    public Address address(String id) {
        return suite.address(key(id).publicKey());
    }

    /** A signed transaction from an identity with its next nonce. */
    public Transaction tx(String signer, String contract, String method, byte[] args) {
        long nonce = nonces.merge(signer, 1L, Long::sum) - 1;
        return signed(key(signer), nonce, contract, method, args);
    }

    /** A signed transaction with an explicit nonce (does not advance the identity's nonce). */
    public Transaction signed(KeyPair key, long nonce, String contract, String method, byte[] args) {
        byte[] body = Transaction.encodeBody(CHAIN_ID, suite.id(), key.publicKey().encoded(), nonce, contract, method, args);
        return Transaction.assemble(body, suite.sign(key.privateKey(), body));
    }

    /** As {@link #block}, certified by the signatures of {@code signers} (e.g. a validator set changed by governance). */
    public CommittedBlock blockSignedBy(List<KeyPair> signers, Transaction... txs) {
        List<CheckedTransaction> checked = new ArrayList<>();
        for (Transaction t : txs) {
            checked.add(validatorCheck.check(t));
        }
        long ts = Math.max(clock.getAsLong(), ledger.minimumNextTimestamp());
        ProposedBlock p = ledger.propose(ts, checked, suite.address(signers.get(0).publicKey()));
        List<CommitCertificate.Signature> sigs = new ArrayList<>();
        for (KeyPair k : signers) {
            sigs.add(new CommitCertificate.Signature(k.publicKey().encoded(),
                    suite.sign(k.privateKey(), CommitCertificate.signedMessage(p.headerHash()))));
        }
        CommitCertificate cert = new CommitCertificate(p.headerHash(), sigs);
        ledger.commit(p, cert);
        return new CommittedBlock(p.block(), p.headerHash(), p.receipts(), cert);
    }

    /** Commits one block holding the transactions (checked statelessly first) at the clock's time. */
    public CommittedBlock block(Transaction... txs) {
        List<CheckedTransaction> checked = new ArrayList<>();
        for (Transaction t : txs) {
            checked.add(validatorCheck.check(t));
        }
        long ts = Math.max(clock.getAsLong(), ledger.minimumNextTimestamp());
        ProposedBlock p = ledger.propose(ts, checked, suite.address(validator.publicKey()));
        byte[] sig = suite.sign(validator.privateKey(), CommitCertificate.signedMessage(p.headerHash()));
        CommitCertificate cert = new CommitCertificate(p.headerHash(),
                List.of(new CommitCertificate.Signature(validator.publicKey().encoded(), sig)));
        ledger.commit(p, cert);
        return new CommittedBlock(p.block(), p.headerHash(), p.receipts(), cert);
    }

    /** Commits a block with one transaction and returns that transaction's receipt. */
    public Receipt submit(String signer, String contract, String method, byte[] args) {
        CommittedBlock b = block(tx(signer, contract, method, args));
        return b.receipts().get(b.receipts().size() - 1);
    }
}
