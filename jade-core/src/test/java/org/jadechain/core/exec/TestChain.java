package org.jadechain.core.exec;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.TreeMap;
import org.jadechain.core.contract.Identities;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.model.Transaction;
import org.jadechain.core.state.MapStateStore;
import org.jadechain.core.state.StateOverlay;

/**
 * A small consortium on the intl suite: a central bank and an operator bank (one member key each),
 * two keys that belong to no organisation, and four validators. Keys come from a seeded generator,
 * so every run signs the same bytes.
 */
public final class TestChain {
    public static final String CHAIN_ID = "jade-test";
    public static final CryptoSuite SUITE = CryptoSuites.of(SuiteId.INTL);
    public static final long GENESIS_TIME = 1_700_000_000_000L;

    public final KeyPair centralBank = key(1);
    public final KeyPair bankA = key(2);
    public final KeyPair alice = key(3);
    public final KeyPair bob = key(4);
    public final List<KeyPair> validatorKeys = List.of(key(101), key(102), key(103), key(104));
    public final Genesis genesis;
    private final TransactionValidator validator = new TransactionValidator(CHAIN_ID, SUITE);

    public TestChain() {
        genesis = new Genesis(CHAIN_ID, SuiteId.INTL, 8 * 60, GENESIS_TIME,
                List.of(new Organisation("central-bank", "Central Bank", Role.CENTRAL_BANK, List.of(centralBank.publicKey())),
                        new Organisation("bank-a", "Bank A", Role.OPERATOR, List.of(bankA.publicKey()))),
                List.of(new ValidatorInfo("v1", "central-bank", validatorKeys.get(0).publicKey()),
                        new ValidatorInfo("v2", "central-bank", validatorKeys.get(1).publicKey()),
                        new ValidatorInfo("v3", "bank-a", validatorKeys.get(2).publicKey()),
                        new ValidatorInfo("v4", "bank-a", validatorKeys.get(3).publicKey())),
                new TreeMap<>());
    }

    public static KeyPair key(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return SUITE.generateKeyPair(random);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    public static Address address(KeyPair key) {
        return SUITE.address(key.publicKey());
    }

    /** A transaction signed by {@code signer}. */
    public Transaction tx(KeyPair signer, long nonce, String contract, String method, byte[] args) {
        return tx(CHAIN_ID, signer, nonce, contract, method, args);
    }

    public Transaction tx(String chainId, KeyPair signer, long nonce, String contract, String method, byte[] args) {
        byte[] body = Transaction.encodeBody(chainId, SuiteId.INTL, signer.publicKey().encoded(), nonce, contract,
                method, args);
        return Transaction.assemble(body, SUITE.sign(signer.privateKey(), body));
    }

    /** The same transaction with one bit of its signature flipped. */
    public static Transaction withBrokenSignature(Transaction tx) {
        byte[] sig = tx.signature();
        sig[sig.length - 1] ^= 1;
        return Transaction.assemble(tx.signedBody(), sig);
    }

    public CheckedTransaction check(Transaction tx) {
        return validator.check(tx);
    }

    /** A committed state holding genesis's identity registry, as block 0 leaves it. */
    public MapStateStore genesisState() {
        MapStateStore store = new MapStateStore(SUITE);
        StateOverlay writes = new StateOverlay(store);
        Identities.initialise(genesis, writes);
        store.commit(writes.changes(), java.util.Map.of());
        return store;
    }
}
