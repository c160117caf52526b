package org.jadechain.node.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.Pem;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.sdk.Signer;

/**
 * The devnet's demo identities (central-bank, bank-a, …, citizen-1, shop-1): key pairs read from the
 * devnet's {@code keys/} directory, which {@code jade devnet} writes and hands to its node. Only a devnet node
 * holds one of these; a node started with {@code jade node start} never does, so its API has no way to sign
 * for anybody (ADR 0009). Validator keys ({@code validator-*}) are not demo identities. Immutable; thread-safe.
 */
public final class DemoIdentities {
    /** One identity: its id (the key file's name), key pair, and the organisation whose admin key it is, if any. */
    public record Identity(String id, KeyPair keyPair, Organisation organisation) {
        public Signer signer() {
            return new Signer(keyPair);
        }
    }

    private final Map<String, Identity> identities;

    private DemoIdentities(Map<String, Identity> identities) {
        this.identities = identities;
    }

    /**
     * Reads every {@code ID.pem} private key in {@code keysDir} (not {@code *.pub.pem}, not validators').
     *
     * @throws IOException when the directory cannot be listed or a key file does not hold a key of the chain's suite
     */
    public static DemoIdentities load(Path keysDir, Genesis genesis) throws IOException {
        Map<String, Identity> found = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(keysDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".pem"))
                    .filter(p -> !p.getFileName().toString().endsWith(".pub.pem"))
                    .filter(p -> !p.getFileName().toString().startsWith("validator-"))
                    .sorted().toList();
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            String id = name.substring(0, name.length() - ".pem".length());
            KeyPair kp;
            try {
                kp = Pem.readKeyPair(p);
            } catch (CryptoException e) {
                throw new IOException("demo key " + p + " does not hold a usable private key: " + e.getMessage(), e);
            }
            if (kp.suite() != genesis.suite()) {
                throw new IOException("demo key " + p + " is a " + kp.suite().label() + " key; the chain uses "
                        + genesis.suite().label());
            }
            Organisation org = null;
            for (Organisation o : genesis.organisations()) {
                if (o.adminKeys().contains(kp.publicKey())) {
                    org = o;
                }
            }
            found.put(id, new Identity(id, kp, org));
        }
        return new DemoIdentities(Collections.unmodifiableMap(found));
    }

    /** In the order of their file names. */
    public List<Identity> all() {
        return List.copyOf(identities.values());
    }

    /** The identity, or null. */
    public Identity get(String id) {
        return identities.get(id);
    }
}
