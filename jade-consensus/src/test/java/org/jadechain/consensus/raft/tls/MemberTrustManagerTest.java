package org.jadechain.consensus.raft.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.SuiteId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MemberTrustManagerTest {
    private static final String CHAIN = "jade-tls-test";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant FROM = NOW.minus(Duration.ofHours(1));
    private static final Instant TO = NOW.plus(Duration.ofDays(30));

    private final SecureRandom random = new SecureRandom();

    private record Fixture(CryptoSuite suite, KeyPair member, KeyPair other, MemberTrustManager trust) {
    }

    private Fixture fixture(SuiteId id) {
        CryptoSuite suite = CryptoSuites.of(id);
        KeyPair member = suite.generateKeyPair(random);
        KeyPair other = suite.generateKeyPair(random);
        KeyPair secondMember = suite.generateKeyPair(random);
        return new Fixture(suite, member, other, new MemberTrustManager(suite, CHAIN,
                List.of(member.publicKey(), secondMember.publicKey()), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void acceptsACertificateBoundByAMemberKeyAsClientAndAsServer(SuiteId id) throws Exception {
        Fixture f = fixture(id);
        NodeCertificate c = NodeCertificate.issue(f.suite(), CHAIN, f.member(), FROM, TO, random);

        assertThat(f.trust().check(new X509Certificate[] {c.certificate()})).isEqualTo(f.member().publicKey());
        f.trust().checkClientTrusted(new X509Certificate[] {c.certificate()}, "UNKNOWN", (javax.net.ssl.SSLEngine) null);
        f.trust().checkServerTrusted(new X509Certificate[] {c.certificate()}, "ECDHE_ECDSA", (javax.net.ssl.SSLEngine) null);
        assertThat(f.trust().getAcceptedIssuers()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void refusesACertificateBoundByAKeyOutsideTheGroup(SuiteId id) {
        Fixture f = fixture(id);
        NodeCertificate c = NodeCertificate.issue(f.suite(), CHAIN, f.other(), FROM, TO, random);

        assertRefused(f, c.certificate(), "is not a member of the Raft group");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void refusesABindingThatNamesAMemberButWasSignedByAnotherKey(SuiteId id) throws Exception {
        Fixture f = fixture(id);
        java.security.KeyPair tls = TestCertificates.tlsKey();
        NodeBinding forged = TestCertificates.binding(f.suite(), CHAIN, f.member(), f.other(), tls.getPublic(), FROM, TO);
        X509Certificate c = TestCertificates.certificate("CN=forger", tls.getPublic(), "CN=forger", tls.getPrivate(), FROM, TO, forged);

        assertRefused(f, c, "does not verify");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void refusesACertificateBoundForAnotherChain(SuiteId id) {
        Fixture f = fixture(id);
        NodeCertificate c = NodeCertificate.issue(f.suite(), "another-chain", f.member(), FROM, TO, random);

        assertRefused(f, c.certificate(), "does not verify for chain " + CHAIN);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void refusesAMembersBindingCopiedOntoAnotherTlsKey(SuiteId id) throws Exception {
        Fixture f = fixture(id);
        java.security.KeyPair honestTls = TestCertificates.tlsKey();
        NodeBinding honest = TestCertificates.binding(f.suite(), CHAIN, f.member(), f.member(), honestTls.getPublic(), FROM, TO);
        java.security.KeyPair thief = TestCertificates.tlsKey();
        X509Certificate c = TestCertificates.certificate("CN=thief", thief.getPublic(), "CN=thief", thief.getPrivate(), FROM, TO, honest);

        assertRefused(f, c, "does not verify");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void refusesAMembersBindingWhoseValidityWasStretched(SuiteId id) throws Exception {
        Fixture f = fixture(id);
        java.security.KeyPair tls = TestCertificates.tlsKey();
        NodeBinding honest = TestCertificates.binding(f.suite(), CHAIN, f.member(), f.member(), tls.getPublic(), FROM, TO);
        X509Certificate c = TestCertificates.certificate("CN=n", tls.getPublic(), "CN=n", tls.getPrivate(), FROM,
                TO.plus(Duration.ofDays(3650)), honest);

        assertRefused(f, c, "does not verify");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void refusesAnExpiredOrNotYetValidCertificate(SuiteId id) {
        Fixture f = fixture(id);
        NodeCertificate expired = NodeCertificate.issue(f.suite(), CHAIN, f.member(), NOW.minus(Duration.ofDays(40)),
                NOW.minus(Duration.ofDays(10)), random);
        NodeCertificate future = NodeCertificate.issue(f.suite(), CHAIN, f.member(), NOW.plus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)), random);

        assertThatThrownBy(() -> f.trust().check(new X509Certificate[] {expired.certificate()}))
                .isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(() -> f.trust().check(new X509Certificate[] {future.certificate()}))
                .isInstanceOf(CertificateNotYetValidException.class);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void refusesACertificateIssuedBySomeoneElseEvenWithAValidBinding(SuiteId id) throws Exception {
        Fixture f = fixture(id);
        java.security.KeyPair tls = TestCertificates.tlsKey();
        java.security.KeyPair ca = TestCertificates.tlsKey();
        NodeBinding honest = TestCertificates.binding(f.suite(), CHAIN, f.member(), f.member(), tls.getPublic(), FROM, TO);
        X509Certificate byCa = TestCertificates.certificate("CN=node", tls.getPublic(), "CN=some ca", ca.getPrivate(), FROM, TO, honest);
        X509Certificate sameNameWrongSigner = TestCertificates.certificate("CN=node", tls.getPublic(), "CN=node", ca.getPrivate(),
                FROM, TO, honest);

        assertRefused(f, byCa, "not self-signed");
        assertRefused(f, sameNameWrongSigner, "not signed by its own key");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void refusesACertificateWithoutBindingAChainOfTwoAndAKeyOfTheOtherSuite(SuiteId id) throws Exception {
        Fixture f = fixture(id);
        java.security.KeyPair tls = TestCertificates.tlsKey();
        X509Certificate plain = TestCertificates.certificate("CN=plain", tls.getPublic(), "CN=plain", tls.getPrivate(), FROM, TO, null);
        NodeCertificate good = NodeCertificate.issue(f.suite(), CHAIN, f.member(), FROM, TO, random);
        CryptoSuite otherSuite = CryptoSuites.of(id == SuiteId.SM ? SuiteId.INTL : SuiteId.SM);
        NodeCertificate foreign = NodeCertificate.issue(otherSuite, CHAIN, otherSuite.generateKeyPair(random), FROM, TO, random);

        assertRefused(f, plain, "no node-key binding");
        assertThatThrownBy(() -> f.trust().check(new X509Certificate[] {good.certificate(), plain}))
                .isInstanceOf(CertificateException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> f.trust().check(new X509Certificate[0])).isInstanceOf(CertificateException.class);
        assertRefused(f, foreign.certificate(), "this chain uses " + id.label());
    }

    private static void assertRefused(Fixture f, X509Certificate c, String reason) {
        assertThatThrownBy(() -> f.trust().check(new X509Certificate[] {c}))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining(reason);
        assertThatThrownBy(() -> f.trust().checkClientTrusted(new X509Certificate[] {c}, "UNKNOWN", (javax.net.ssl.SSLEngine) null))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> f.trust().checkServerTrusted(new X509Certificate[] {c}, "ECDHE_ECDSA", (java.net.Socket) null))
                .isInstanceOf(CertificateException.class);
    }
}
