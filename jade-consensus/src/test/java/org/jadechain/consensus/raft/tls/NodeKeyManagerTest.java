package org.jadechain.consensus.raft.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.SuiteId;
import org.junit.jupiter.api.Test;

class NodeKeyManagerTest {
    private static final String CHAIN = "jade-tls-test";

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-25T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void presentsOneEcCertificateAndRenewsItAtHalfItsLifetimeKeepingThePreviousForAnOngoingHandshake() throws Exception {
        CryptoSuite suite = CryptoSuites.of(SuiteId.SM);
        SecureRandom random = new SecureRandom();
        KeyPair key = suite.generateKeyPair(random);
        MovableClock clock = new MovableClock();
        NodeKeyManager km = new NodeKeyManager(
                from -> NodeCertificate.issue(suite, CHAIN, key, from.minus(Duration.ofHours(1)), from.plus(Duration.ofDays(30)), random),
                clock);
        MemberTrustManager trust = new MemberTrustManager(suite, CHAIN, List.of(key.publicKey()), clock);

        String first = km.chooseEngineServerAlias("EC", null, null);
        assertThat(km.chooseEngineServerAlias("RSA", null, null)).isNull();
        assertThat(km.chooseEngineClientAlias(new String[] {"RSA", "EC"}, null, null)).isEqualTo(first);
        X509Certificate[] chain = km.getCertificateChain(first);
        assertThat(chain).hasSize(1);
        assertThat(km.getPrivateKey(first).getAlgorithm()).isEqualTo("EC");
        assertThat(trust.check(chain)).isEqualTo(key.publicKey());

        clock.now = clock.now.plus(Duration.ofDays(10));
        assertThat(km.chooseEngineServerAlias("EC", null, null)).isEqualTo(first);

        clock.now = clock.now.plus(Duration.ofDays(6));
        String second = km.chooseEngineServerAlias("EC", null, null);
        assertThat(second).isNotEqualTo(first);
        assertThat(trust.check(km.getCertificateChain(second))).isEqualTo(key.publicKey());
        assertThat(km.getCertificateChain(second)[0].getNotAfter().toInstant()).isAfter(chain[0].getNotAfter().toInstant());
        assertThat(km.getPrivateKey(first)).isNotNull();
        assertThat(km.getCertificateChain("unknown")).isNull();
    }
}
