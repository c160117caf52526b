package org.jadechain.cli.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jadechain.consensus.solo.SoloConfig;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.Pem;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.node.config.RaftSettings;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.sdk.GenesisFile;

/**
 * Writes a demo consortium into a directory: {@code genesis.json}, {@code node.json} and {@code keys/}
 * with one PKCS#8 PEM per identity ({@code keys/ID.pem}) and its public half ({@code keys/ID.pub.pem}).
 * Organisations: central-bank, bank-a, bank-b, court, mediator, agency, regulator; people: citizen-1..3
 * and shop-1; the validator's node key: validator-1.
 */
public final class DemoConsortium {
    public static final String CHAIN_ID = "jade-devnet";

    /** Organisation id, display name, role — in genesis order. */
    private static final String[][] ORGS = {
        {"central-bank", "People's Central Bank (demo)", "CENTRAL_BANK"},
        {"bank-a", "Commercial Bank A", "OPERATOR"},
        {"bank-b", "Commercial Bank B", "OPERATOR"},
        {"court", "District People's Court", "COURT"},
        {"mediator", "Mediation Centre", "MEDIATOR"},
        {"agency", "Records Agency", "AGENCY"},
        {"regulator", "Financial Regulator", "REGULATOR"},
    };
    public static final List<String> PEOPLE = List.of("citizen-1", "citizen-2", "citizen-3", "shop-1");
    public static final String VALIDATOR = "validator-1";

    /** Which organisation (index into ORGS) runs validator {@code i}: central bank, banks, court, regulator, …. */
    private static final int[] VALIDATOR_ORGS = {0, 1, 2, 3, 6, 4, 5};

    private DemoConsortium() {
    }

    private static int validatorOrganisation(int i) {
        return VALIDATOR_ORGS[(i - 1) % VALIDATOR_ORGS.length];
    }

    /**
     * Creates the directory's files. Refuses to overwrite an existing genesis.
     *
     * @return the genesis written
     */
    public static Genesis write(Path dir, SuiteId suiteId, int apiPort, long genesisTime) throws IOException {
        return write(dir, suiteId, apiPort, genesisTime, 0);
    }

    /**
     * As {@link #write(Path, SuiteId, int, long)}, with the node cutting an empty block after
     * {@code emptyBlockIntervalMillis} without one (0: only when there is something to put in it).
     */
    public static Genesis write(Path dir, SuiteId suiteId, int apiPort, long genesisTime, long emptyBlockIntervalMillis)
            throws IOException {
        Genesis genesis = writeChain(dir, suiteId, 1, genesisTime);
        NodeConfig.write(dir.resolve("node.json"), VALIDATOR, "genesis.json", "keys/" + VALIDATOR + ".pem", "db",
                "127.0.0.1", apiPort, new SoloConfig(5_000, 100, emptyBlockIntervalMillis), 200_000);
        return genesis;
    }

    /** The directory of node {@code i} (1-based) of a multi-validator devnet. */
    public static Path nodeDir(Path dir, int i) {
        return dir.resolve("node-" + i);
    }

    /**
     * A devnet of {@code validators} Raft validators on loopback: the consortium with validator-1..N (run by
     * central-bank, bank-a, bank-b, court, regulator, … in turn), and {@code node-i/node.json} for each, with
     * API port {@code firstApiPort + i - 1} and Raft port {@code firstRaftPort + i - 1}.
     *
     * @return the genesis written
     */
    public static Genesis writeNetwork(Path dir, SuiteId suiteId, int validators, int firstApiPort, int firstRaftPort,
                                       long genesisTime) throws IOException {
        return writeNetwork(dir, suiteId, validators, 0, firstApiPort, firstRaftPort, genesisTime);
    }

    /**
     * As {@link #writeNetwork(Path, SuiteId, int, int, int, long)}, plus {@code observers} non-voting nodes
     * (Ratis listeners) {@code observer-1..M} with their own node keys, in {@code node-(N+1)..node-(N+M)}: they
     * follow the ledger and serve the read API.
     */
    public static Genesis writeNetwork(Path dir, SuiteId suiteId, int validators, int observers, int firstApiPort,
                                       int firstRaftPort, long genesisTime) throws IOException {
        if (validators < 2 || validators > ORGS.length) {
            throw new IllegalArgumentException("a devnet network has 2.." + ORGS.length + " validators, not " + validators);
        }
        Genesis genesis = writeChain(dir, suiteId, validators, genesisTime);
        List<RaftSettings.Member> members = new ArrayList<>();
        int nodes = validators + observers;
        SecureRandom random = new SecureRandom();
        for (int i = 1; i <= nodes; i++) {
            String key = "";
            if (i > validators) {
                KeyPair k = CryptoSuites.of(suiteId).generateKeyPair(random);
                String id = nodeId(i, validators);
                Pem.writeKeyPair(dir.resolve("keys").resolve(id + ".pem"), dir.resolve("keys").resolve(id + ".pub.pem"), k);
                key = org.jadechain.core.crypto.Hex.encode(k.publicKey().unsafeEncoded());
            }
            members.add(new RaftSettings.Member(nodeId(i, validators), "127.0.0.1:" + (firstRaftPort + i - 1),
                    "http://127.0.0.1:" + (firstApiPort + i - 1), i > validators, key));
        }
        for (int i = 1; i <= nodes; i++) {
            Path nd = nodeDir(dir, i);
            Files.createDirectories(nd);
            NodeConfig.writeRaft(nd.resolve("node.json"), nodeId(i, validators), "../genesis.json",
                    "../keys/" + nodeId(i, validators) + ".pem", "db", "127.0.0.1", firstApiPort + i - 1,
                    new SoloConfig(5_000, 100, 0), 200_000, "raft", members);
        }
        return genesis;
    }

    private static String nodeId(int i, int validators) {
        return i <= validators ? validatorId(i) : "observer-" + (i - validators);
    }

    public static String validatorId(int i) {
        return "validator-" + i;
    }

    private static Genesis writeChain(Path dir, SuiteId suiteId, int validators, long genesisTime) throws IOException {
        if (Files.exists(dir.resolve("genesis.json"))) {
            throw new IOException(dir.resolve("genesis.json") + " already exists; not overwriting a chain");
        }
        CryptoSuite suite = CryptoSuites.of(suiteId);
        SecureRandom random = new SecureRandom();
        Path keys = dir.resolve("keys");
        Files.createDirectories(keys);
        Map<String, KeyPair> pairs = new LinkedHashMap<>();
        for (String[] o : ORGS) {
            pairs.put(o[0], suite.generateKeyPair(random));
        }
        for (String p : PEOPLE) {
            pairs.put(p, suite.generateKeyPair(random));
        }
        for (int i = 1; i <= validators; i++) {
            pairs.put(validatorId(i), suite.generateKeyPair(random));
        }
        for (Map.Entry<String, KeyPair> e : pairs.entrySet()) {
            Pem.writeKeyPair(keys.resolve(e.getKey() + ".pem"), keys.resolve(e.getKey() + ".pub.pem"), e.getValue());
        }
        List<Organisation> orgs = new ArrayList<>();
        for (String[] o : ORGS) {
            orgs.add(new Organisation(o[0], o[1], Role.valueOf(o[2]), List.of(pairs.get(o[0]).publicKey())));
        }
        TreeMap<String, String> params = new TreeMap<>();
        params.put("currency.code", "CNY");
        // Validator changes need a majority of central-bank, bank-a and bank-b (ADR 0007).
        params.put("governance.validatorAdmins", "bank-a,bank-b");
        List<ValidatorInfo> validatorInfos = new ArrayList<>();
        for (int i = 1; i <= validators; i++) {
            String org = ORGS[validatorOrganisation(i)][0];
            validatorInfos.add(new ValidatorInfo(validatorId(i), org, pairs.get(validatorId(i)).publicKey()));
        }
        Genesis genesis = new Genesis(CHAIN_ID, suiteId, 8 * 60, genesisTime, orgs, validatorInfos, params);
        GenesisFile.write(dir.resolve("genesis.json"), genesis);
        return genesis;
    }
}
