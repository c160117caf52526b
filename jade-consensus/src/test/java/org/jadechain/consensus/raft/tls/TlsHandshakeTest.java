package org.jadechain.consensus.raft.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.crypto.SuiteId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The key and trust managers in a real JDK TLS 1.3 handshake over loopback, mutual authentication required. */
class TlsHandshakeTest {
    private static final String CHAIN = "jade-tls-test";
    private final SecureRandom random = new SecureRandom();

    private SSLContext context(CryptoSuite suite, KeyPair nodeKey, List<PublicKey> trusted) throws Exception {
        Clock clock = Clock.systemUTC();
        NodeKeyManager km = new NodeKeyManager(from -> NodeCertificate.issue(suite, CHAIN, nodeKey,
                from.minus(Duration.ofHours(1)), from.plus(Duration.ofDays(30)), random), clock);
        SSLContext c = SSLContext.getInstance("TLSv1.3");
        c.init(new KeyManager[] {km}, new TrustManager[] {new MemberTrustManager(suite, CHAIN, trusted, clock)}, random);
        return c;
    }

    /** Runs one connection; returns whether the server completed it and the client read the server's byte. */
    private static boolean[] connect(SSLContext server, SSLContext client) throws Exception {
        try (SSLServerSocket ss = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ss.setNeedClientAuth(true);
            ss.setSoTimeout(60_000);
            CompletableFuture<Boolean> served = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.setSoTimeout(60_000);
                    s.startHandshake();
                    s.getOutputStream().write(42);
                    s.getOutputStream().flush();
                    s.getInputStream().read();
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            boolean read;
            try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), ss.getLocalPort())) {
                s.setSoTimeout(60_000);
                s.startHandshake();
                read = s.getInputStream().read() == 42;
                s.getOutputStream().write(1);
                s.getOutputStream().flush();
            } catch (IOException e) {
                read = false;
            }
            return new boolean[] {served.get(60, TimeUnit.SECONDS), read};
        }
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void membersConnectAndANodeWithAnotherKeyIsRefusedAsClientAndAsServer(SuiteId id) throws Exception {
        CryptoSuite suite = CryptoSuites.of(id);
        KeyPair a = suite.generateKeyPair(random);
        KeyPair b = suite.generateKeyPair(random);
        KeyPair intruder = suite.generateKeyPair(random);
        List<PublicKey> members = List.of(a.publicKey(), b.publicKey());
        SSLContext nodeA = context(suite, a, members);
        SSLContext nodeB = context(suite, b, members);
        List<PublicKey> intruderTrusts = List.of(a.publicKey(), b.publicKey(), intruder.publicKey());
        SSLContext nodeX = context(suite, intruder, intruderTrusts);

        assertThat(connect(nodeA, nodeB)).containsExactly(true, true);
        assertThat(connect(nodeA, nodeX)).containsExactly(false, false);
        assertThat(connect(nodeX, nodeB)).containsExactly(false, false);
    }
}
