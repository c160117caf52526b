package org.jadechain.sdk.records;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jadechain.contracts.records.RecordsContract;
import org.jadechain.core.contract.ContractRegistry;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.ProposedBlock;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.state.StateReader;
import org.jadechain.sdk.Call;
import org.jadechain.sdk.Signer;
import org.jadechain.sdk.TransactionBuilder;
import org.jadechain.storage.InMemoryLedgerStore;

/**
 * A one-validator ledger in memory running the records contract, with part of the demo consortium: agency
 * (AGENCY), regulator (REGULATOR), bank-a (OPERATOR) and the plain keys citizen-1 and citizen-2. Every
 * identity signs with the SDK's {@link TransactionBuilder}, as a client would. Single-threaded.
 */
final class RecordsLedger {
    static final String CHAIN_ID = "records-test";
    private static final String[][] ORGS = {{"agency", "AGENCY"}, {"regulator", "REGULATOR"}, {"bank-a", "OPERATOR"}};
    private static final String[] PEOPLE = {"citizen-1", "citizen-2"};

    private final CryptoSuite suite;
    private final Map<String, KeyPair> keys = new TreeMap<>();
    private final Map<String, Long> nonces = new TreeMap<>();
    private final KeyPair validator;
    private final InMemoryLedgerStore store;
    private final Ledger ledger;

    RecordsLedger(SuiteId suiteId) {
        suite = CryptoSuites.of(suiteId);
        SecureRandom random = new SecureRandom();
        List<Organisation> orgs = new ArrayList<>();
        for (String[] o : ORGS) {
            KeyPair k = suite.generateKeyPair(random);
            keys.put(o[0], k);
            orgs.add(new Organisation(o[0], o[0], Role.valueOf(o[1]), List.of(k.publicKey())));
        }
        for (String p : PEOPLE) {
            keys.put(p, suite.generateKeyPair(random));
        }
        validator = suite.generateKeyPair(random);
        Genesis genesis = new Genesis(CHAIN_ID, suiteId, 480, 1_764_000_000_000L, orgs,
                List.of(new ValidatorInfo("validator-1", "agency", validator.publicKey())), new TreeMap<>());
        store = new InMemoryLedgerStore(suite);
        ledger = new Ledger(genesis, new ContractRegistry(List.of(new RecordsContract())), store);
    }

    CryptoSuite suite() {
        return suite;
    }

    KeyPair key(String id) {
        return keys.get(id);
    }

    StateReader state() {
        return store;
    }

    /** Signs the call as {@code signer}, commits it in a block of its own, and returns its receipt. */
    Receipt submit(String signer, Call call) {
        TransactionBuilder builder = new TransactionBuilder(CHAIN_ID, suite.id(), new Signer(keys.get(signer)));
        long nonce = nonces.merge(signer, 1L, Long::sum) - 1;
        var checked = new TransactionValidator(CHAIN_ID, suite).check(builder.build(nonce, call));
        ProposedBlock p = ledger.propose(ledger.minimumNextTimestamp() + 1000, List.of(checked),
                suite.address(validator.publicKey()));
        byte[] sig = suite.sign(validator.privateKey(), CommitCertificate.signedMessage(p.headerHash()));
        ledger.commit(p, new CommitCertificate(p.headerHash(),
                List.of(new CommitCertificate.Signature(validator.publicKey().encoded(), sig))));
        return p.receipts().get(p.receipts().size() - 1);
    }
}
