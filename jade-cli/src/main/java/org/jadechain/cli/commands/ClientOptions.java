package org.jadechain.cli.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.Signer;
import picocli.CommandLine.Option;

/**
 * Options every client command takes: the node, the signing key and JSON output. With no {@code --key},
 * a command run next to a devnet acts as the demo citizen (devnet-data/keys/citizen-1.pem).
 */
public final class ClientOptions {
    public static final String DEFAULT_NODE = "http://localhost:8080";
    static final Path DEVNET_CITIZEN = DevnetCommand.DEFAULT_DATA.resolve("keys").resolve("citizen-1.pem");

    @Option(names = "--node", description = "node API URL; default $JADE_NODE or " + DEFAULT_NODE)
    String node;

    @Option(names = "--key", description = "private key (PEM) to sign with; default on devnet: " + "devnet-data/keys/citizen-1.pem")
    Path key;

    @Option(names = "--json", description = "print machine-readable JSON")
    boolean json;

    public String nodeUrl() {
        if (node != null) {
            return node;
        }
        String env = System.getenv("JADE_NODE");
        return env == null || env.isBlank() ? DEFAULT_NODE : env;
    }

    public JadeClient client() {
        return new JadeClient(nodeUrl());
    }

    public boolean json() {
        return json;
    }

    /** The signer from --key, else the devnet citizen's key if present. */
    public Signer signer() throws Exception {
        Path k = key;
        if (k == null) {
            if (!Files.exists(DEVNET_CITIZEN)) {
                throw new IllegalArgumentException("no --key given (and no devnet key at " + DEVNET_CITIZEN + ")");
            }
            k = DEVNET_CITIZEN;
        }
        if (!Files.isRegularFile(k)) {
            throw new IllegalArgumentException("key file " + k + " does not exist");
        }
        return Signer.load(k);
    }
}
