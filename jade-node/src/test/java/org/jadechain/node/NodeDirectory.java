package org.jadechain.node;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jadechain.consensus.solo.SoloConfig;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.Pem;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.model.Transaction;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.sdk.EvidenceCalls;
import org.jadechain.sdk.GenesisFile;
import org.jadechain.sdk.Signer;
import org.jadechain.sdk.TransactionBuilder;

/**
 * A one-validator chain laid out as an operator would: {@code genesis.json}, {@code node.json} and
 * {@code keys/ID.pem} (with {@code ID.pub.pem}) for the validator, a court and three citizens. The API
 * port is 0, so every node started from it gets an ephemeral port. Not thread-safe.
 */
final class NodeDirectory {
    static final String CHAIN_ID = "jade-node-test";
    static final String VALIDATOR = "validator-1";

    private final Path dir;
    private final Genesis genesis;
    private final Map<String, KeyPair> keys;

    private NodeDirectory(Path dir, Genesis genesis, Map<String, KeyPair> keys) {
        this.dir = dir;
        this.genesis = genesis;
        this.keys = keys;
    }

    /** Block production that commits quickly: a block at most 20 ms after a transaction arrives. */
    static NodeDirectory create(Path dir, SuiteId suite) throws IOException {
        return create(dir, suite, System.currentTimeMillis(), new SoloConfig(5_000, 20, 0), 10_000);
    }

    static NodeDirectory create(Path dir, SuiteId suiteId, long genesisTime, SoloConfig block, int mempoolCapacity)
            throws IOException {
        CryptoSuite suite = CryptoSuites.of(suiteId);
        SecureRandom random = new SecureRandom();
        Map<String, KeyPair> keys = new LinkedHashMap<>();
        java.nio.file.Files.createDirectories(dir.resolve("keys"));
        for (String id : List.of(VALIDATOR, "court", "citizen-1", "citizen-2", "citizen-3")) {
            KeyPair k = suite.generateKeyPair(random);
            keys.put(id, k);
            Pem.writeKeyPair(dir.resolve("keys").resolve(id + ".pem"), dir.resolve("keys").resolve(id + ".pub.pem"), k);
        }
        List<Organisation> orgs = new ArrayList<>();
        orgs.add(new Organisation("central-bank", "Central Bank", Role.CENTRAL_BANK, List.of(keys.get(VALIDATOR).publicKey())));
        orgs.add(new Organisation("court", "District Court", Role.COURT, List.of(keys.get("court").publicKey())));
        Genesis genesis = new Genesis(CHAIN_ID, suiteId, 8 * 60, genesisTime, orgs,
                List.of(new ValidatorInfo(VALIDATOR, "central-bank", keys.get(VALIDATOR).publicKey())), new TreeMap<>());
        GenesisFile.write(dir.resolve("genesis.json"), genesis);
        NodeConfig.write(dir.resolve("node.json"), VALIDATOR, "genesis.json", "keys/" + VALIDATOR + ".pem", "db",
                "127.0.0.1", 0, block, mempoolCapacity);
        return new NodeDirectory(dir, genesis, keys);
    }

    Path dir() {
        return dir;
    }

    Genesis genesis() {
        return genesis;
    }

    CryptoSuite suite() {
        return genesis.cryptoSuite();
    }

    /** The configuration as the node reads it from {@code node.json}. */
    NodeConfig config() throws IOException {
        return NodeConfig.read(dir.resolve("node.json"));
    }

    KeyPair key(String id) {
        return keys.get(id);
    }

    Signer signer(String id) {
        return new Signer(keys.get(id));
    }

    Address address(String id) {
        return suite().address(keys.get(id).publicKey());
    }

    TransactionBuilder builder(String id) {
        return new TransactionBuilder(CHAIN_ID, genesis.suite(), signer(id));
    }

    /** A document hash of the chain's hash function, distinct for every label. */
    byte[] document(String label) {
        return suite().hash(label.getBytes(java.nio.charset.StandardCharsets.UTF_8)).bytes();
    }

    /** {@code evidence.recordEvidence(hash(label), label)}, signed by {@code who} with that nonce. */
    Transaction evidence(String who, long nonce, String label) {
        return builder(who).build(nonce, EvidenceCalls.recordEvidence(document(label), label));
    }
}
