package org.jadechain.sdk.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.contracts.records.EncryptedContent;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.SuiteId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordEnvelopeTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] DEED = "Land-use right certificate No. 110105-2026-0042".getBytes(StandardCharsets.UTF_8);

    private static byte[] aad(CryptoSuite suite, String collection) {
        return RecordEnvelope.associatedData(collection, RecordEnvelope.documentHash(suite, DEED));
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void everyReaderOpensTheDocument(SuiteId id) throws CryptoException {
        CryptoSuite suite = CryptoSuites.of(id);
        KeyPair agency = suite.generateKeyPair(RANDOM);
        KeyPair regulator = suite.generateKeyPair(RANDOM);
        byte[] payload = RecordEnvelope.seal(suite, DEED, List.of(agency.publicKey(), regulator.publicKey()),
                aad(suite, "COL-1"), RANDOM);

        assertThat(RecordEnvelope.open(suite, agency, payload, aad(suite, "COL-1"))).isEqualTo(DEED);
        assertThat(RecordEnvelope.open(suite, regulator, payload, aad(suite, "COL-1"))).isEqualTo(DEED);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void theContentKeyIsFreshAndOfTheSuitesCipherLength(SuiteId id) throws Exception {
        CryptoSuite suite = CryptoSuites.of(id);
        KeyPair reader = suite.generateKeyPair(RANDOM);
        byte[] a = RecordEnvelope.seal(suite, DEED, List.of(reader.publicKey()), aad(suite, "COL-1"), RANDOM);
        byte[] b = RecordEnvelope.seal(suite, DEED, List.of(reader.publicKey()), aad(suite, "COL-1"), RANDOM);

        EncryptedContent ea = EncryptedContent.decode(a);
        EncryptedContent eb = EncryptedContent.decode(b);
        byte[] keyA = suite.decrypt(reader, ea.wrappedKeyFor(reader.publicKey().encoded()));
        byte[] keyB = suite.decrypt(reader, eb.wrappedKeyFor(reader.publicKey().encoded()));
        assertThat(keyA).hasSize(id == SuiteId.SM ? 16 : 32).isNotEqualTo(keyB);
        assertThat(ea.nonce()).isNotEqualTo(eb.nonce());
        assertThat(ea.ciphertext()).isNotEqualTo(eb.ciphertext()).hasSize(DEED.length + EncryptedContent.TAG_BYTES);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aKeyThatIsNoReaderIsToldSoPlainly(SuiteId id) {
        CryptoSuite suite = CryptoSuites.of(id);
        KeyPair reader = suite.generateKeyPair(RANDOM);
        KeyPair bank = suite.generateKeyPair(RANDOM);
        byte[] payload = RecordEnvelope.seal(suite, DEED, List.of(reader.publicKey()), aad(suite, "COL-1"), RANDOM);

        assertThatThrownBy(() -> RecordEnvelope.open(suite, bank, payload, aad(suite, "COL-1")))
                .isInstanceOf(NotAReaderException.class)
                .hasMessageStartingWith("this key is not among the record's readers");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aReadersPublicKeyWithAnotherPrivateKeyCannotDecrypt(SuiteId id) {
        CryptoSuite suite = CryptoSuites.of(id);
        KeyPair reader = suite.generateKeyPair(RANDOM);
        KeyPair impostor = new KeyPair(suite.generateKeyPair(RANDOM).privateKey(), reader.publicKey());
        byte[] payload = RecordEnvelope.seal(suite, DEED, List.of(reader.publicKey()), aad(suite, "COL-1"), RANDOM);

        assertThatThrownBy(() -> RecordEnvelope.open(suite, impostor, payload, aad(suite, "COL-1")))
                .isInstanceOf(RecordDecryptionException.class).hasMessageStartingWith("cannot decrypt");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void alteredCiphertextNonceOrWrappedKeyCannotBeDecrypted(SuiteId id) throws Exception {
        CryptoSuite suite = CryptoSuites.of(id);
        KeyPair reader = suite.generateKeyPair(RANDOM);
        EncryptedContent e = EncryptedContent.decode(
                RecordEnvelope.seal(suite, DEED, List.of(reader.publicKey()), aad(suite, "COL-1"), RANDOM));
        byte[] ciphertext = e.ciphertext();
        ciphertext[3] ^= 1;
        byte[] nonce = e.nonce();
        nonce[0] ^= 1;
        byte[] wrapped = e.wrappedKeys().get(0).wrappedKey();
        wrapped[wrapped.length - 1] ^= 1;
        List<byte[]> altered = List.of(
                EncryptedContent.of(e.nonce(), ciphertext, e.wrappedKeys()).encode(),
                EncryptedContent.of(nonce, e.ciphertext(), e.wrappedKeys()).encode(),
                EncryptedContent.of(e.nonce(), e.ciphertext(),
                        List.of(new EncryptedContent.WrappedKey(reader.publicKey().encoded(), wrapped))).encode(),
                new byte[] {1, 2, 3});
        for (byte[] payload : altered) {
            assertThatThrownBy(() -> RecordEnvelope.open(suite, reader, payload, aad(suite, "COL-1")))
                    .isInstanceOf(RecordDecryptionException.class).hasMessageStartingWith("cannot decrypt");
        }
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aCiphertextMovedToAnotherCollectionOrHashDoesNotOpen(SuiteId id) {
        CryptoSuite suite = CryptoSuites.of(id);
        KeyPair reader = suite.generateKeyPair(RANDOM);
        byte[] payload = RecordEnvelope.seal(suite, DEED, List.of(reader.publicKey()), aad(suite, "COL-1"), RANDOM);

        assertThatThrownBy(() -> RecordEnvelope.open(suite, reader, payload, aad(suite, "COL-2")))
                .isInstanceOf(RecordDecryptionException.class);
        assertThatThrownBy(() -> RecordEnvelope.open(suite, reader, payload,
                RecordEnvelope.associatedData("COL-1", suite.hash(new byte[] {1}).bytes())))
                .isInstanceOf(RecordDecryptionException.class);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void sealingRefusesWhatCannotMakeAnEnvelope(SuiteId id) {
        CryptoSuite suite = CryptoSuites.of(id);
        CryptoSuite other = CryptoSuites.of(id == SuiteId.SM ? SuiteId.INTL : SuiteId.SM);
        KeyPair reader = suite.generateKeyPair(RANDOM);

        assertThatThrownBy(() -> RecordEnvelope.seal(suite, DEED, List.of(), new byte[0], RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordEnvelope.seal(suite, DEED, List.of(other.generateKeyPair(RANDOM).publicKey()),
                new byte[0], RANDOM)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a");
        assertThatThrownBy(() -> RecordEnvelope.seal(suite, new byte[EncryptedContent.MAX_BYTES],
                List.of(reader.publicKey()), new byte[0], RANDOM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aKeyListedTwiceIsWrappedOnce(SuiteId id) throws Exception {
        CryptoSuite suite = CryptoSuites.of(id);
        KeyPair reader = suite.generateKeyPair(RANDOM);
        List<org.jadechain.core.crypto.PublicKey> twice = new ArrayList<>(List.of(reader.publicKey(), reader.publicKey()));
        byte[] payload = RecordEnvelope.seal(suite, DEED, twice, new byte[0], RANDOM);
        assertThat(EncryptedContent.decode(payload).wrappedKeys()).hasSize(1);
        assertThat(RecordEnvelope.open(suite, reader, payload, new byte[0])).isEqualTo(DEED);
    }
}
