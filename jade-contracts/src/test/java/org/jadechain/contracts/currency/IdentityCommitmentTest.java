package org.jadechain.contracts.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.SuiteId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdentityCommitmentTest {

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void operatorProvesTheCustomerByRevealingTheSalt(SuiteId id) {
        CryptoSuite suite = CryptoSuites.of(id);
        byte[] salt = new byte[16];
        salt[0] = 42;

        Hash c = IdentityCommitment.compute(suite, salt, "phone:13800138000");

        assertThat(c.bytes()).isEqualTo(suite.hash("jade-identity/1".getBytes(StandardCharsets.US_ASCII),
                new byte[] {16}, salt, "phone:13800138000".getBytes(StandardCharsets.UTF_8)).bytes());
        assertThat(IdentityCommitment.verify(suite, c.bytes(), salt, "phone:13800138000")).isTrue();
        assertThat(IdentityCommitment.verify(suite, c.bytes(), salt, "phone:13800138001")).isFalse();
        byte[] otherSalt = salt.clone();
        otherSalt[15] = 1;
        assertThat(IdentityCommitment.verify(suite, c.bytes(), otherSalt, "phone:13800138000")).isFalse();
        assertThat(IdentityCommitment.verify(suite, new byte[5], salt, "phone:13800138000")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void saltAndIdentityCannotBeSplitDifferently(SuiteId id) {
        CryptoSuite suite = CryptoSuites.of(id);
        byte[] salt = new byte[16];
        Hash c = IdentityCommitment.compute(suite, salt, "p13800138000");
        byte[] longerSalt = new byte[17];
        longerSalt[16] = 'p';

        assertThat(IdentityCommitment.verify(suite, c.bytes(), longerSalt, "13800138000")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void saltMustBe16To32Bytes(SuiteId id) {
        CryptoSuite suite = CryptoSuites.of(id);
        assertThatThrownBy(() -> IdentityCommitment.compute(suite, new byte[15], "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdentityCommitment.compute(suite, new byte[33], "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdentityCommitment.compute(suite, new byte[16], ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IdentityCommitment.compute(suite, new byte[32], "x").bytes()).hasSize(32);
        assertThat(IdentityCommitment.verify(suite, new byte[32], new byte[15], "x")).isFalse();
    }
}
