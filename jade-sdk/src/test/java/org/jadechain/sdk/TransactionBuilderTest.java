package org.jadechain.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Pem;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.model.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransactionBuilderTest {
    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aBuiltTransactionIsSignedByItsSenderForItsChain(SuiteId suiteId) throws Exception {
        CryptoSuite suite = CryptoSuites.of(suiteId);
        Signer signer = Signer.generate(suiteId, new SecureRandom());
        byte[] documentHash = suite.hash("lease".getBytes(StandardCharsets.UTF_8)).bytes();
        Transaction tx = new TransactionBuilder("jade-devnet", suiteId, signer)
                .build(7, EvidenceCalls.recordEvidence(documentHash, "lease of flat 3"));

        CheckedTransaction checked = new TransactionValidator("jade-devnet", suite).check(tx);
        assertThat(checked.valid()).as(checked.message()).isTrue();
        assertThat(suite.address(checked.sender())).isEqualTo(signer.address());
        assertThat(tx.nonce()).isEqualTo(7);
        assertThat(tx.contract()).isEqualTo("evidence");
        assertThat(tx.method()).isEqualTo("recordEvidence");
        Args args = Args.decode(tx.args());
        assertThat(args.bytes(0)).isEqualTo(documentHash);
        assertThat(args.string(1)).isEqualTo("lease of flat 3");
        assertThat(tx.signedBody()).isEqualTo(Transaction.encodeBody("jade-devnet", suiteId,
                signer.publicKey().encoded(), 7, "evidence", "recordEvidence", tx.args()));
        assertThat(new TransactionValidator("other-chain", suite).check(tx).valid()).isFalse();
    }

    @Test
    void theBuilderRefusesASignerOfAnotherSuite() {
        Signer intl = Signer.generate(SuiteId.INTL, new SecureRandom());
        assertThatThrownBy(() -> new TransactionBuilder("jade-devnet", SuiteId.SM, intl))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the signer's key is of suite intl, the chain uses sm");
    }

    @Test
    void aNonceBeyondTwoToTheFiftyThreeIsRefused() {
        TransactionBuilder b = new TransactionBuilder("jade-devnet", SuiteId.INTL, Signer.generate(SuiteId.INTL, new SecureRandom()));
        assertThatThrownBy(() -> b.build(1L << 53, "evidence", "recordEvidence", Args.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonce out of range");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aSignerLoadsItsKeyFromAPemFile(SuiteId suiteId, @TempDir Path dir) throws Exception {
        Signer original = Signer.generate(suiteId, new SecureRandom());
        var keys = CryptoSuites.of(suiteId).generateKeyPair(new SecureRandom());
        Pem.writeKeyPair(dir.resolve("key.pem"), dir.resolve("key.pub.pem"), keys);
        Signer loaded = Signer.load(dir.resolve("key.pem"));
        assertThat(loaded.publicKey()).isEqualTo(keys.publicKey());
        assertThat(loaded.address()).isNotEqualTo(original.address());
        byte[] message = "body".getBytes(StandardCharsets.UTF_8);
        assertThat(CryptoSuites.of(suiteId).verify(keys.publicKey(), message, loaded.sign(message))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aDocumentFileHashesLikeItsBytes(SuiteId suiteId, @TempDir Path dir) throws Exception {
        CryptoSuite suite = CryptoSuites.of(suiteId);
        byte[] content = new byte[200_000];
        new SecureRandom().nextBytes(content);
        Path file = Files.write(dir.resolve("scan.pdf"), content);
        assertThat(EvidenceCalls.documentHash(suite, file)).isEqualTo(suite.hash(content));
        assertThat(EvidenceCalls.documentHash(suite, content)).isEqualTo(suite.hash(content));
    }
}
