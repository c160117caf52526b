package org.jadechain.cli.commands;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.Pem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jade keys new}: key pairs as PEM files. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage key files.",
        subcommands = KeysCommand.New.class)
public final class KeysCommand {

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Create a key pair: FILE (PKCS#8 private key) and FILE with .pub.pem (public key).")
    static final class New implements Callable<Integer> {
        @Option(names = "--suite", defaultValue = "sm", description = "sm (SM2) or intl (Ed25519); default ${DEFAULT-VALUE}")
        String suite;

        @Option(names = "--out", required = true, description = "private key file to write, e.g. keys/alice.pem")
        Path out;

        @Override
        public Integer call() throws Exception {
            CryptoSuite s = CryptoSuites.of(suite);
            KeyPair pair = s.generateKeyPair(new SecureRandom());
            Path pub = publicPath(out);
            if (out.toAbsolutePath().getParent() != null) {
                java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Pem.writeKeyPair(out, pub, pair);
            System.out.println("private key: " + out);
            System.out.println("public key:  " + pub);
            System.out.println("address:     " + s.address(pair.publicKey()).hex());
            return 0;
        }
    }

    /** keys/alice.pem -> keys/alice.pub.pem */
    public static Path publicPath(Path privateKey) {
        String name = privateKey.getFileName().toString();
        String base = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
        return privateKey.resolveSibling(base + ".pub.pem");
    }
}
