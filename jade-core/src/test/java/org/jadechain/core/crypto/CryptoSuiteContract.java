package org.jadechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link CryptoSuite} promises; one subclass per implementation. */
abstract class CryptoSuiteContract {
    private static final byte[] MESSAGE = "transfer 25 JDC from alice to bob, nonce 7".getBytes(StandardCharsets.UTF_8);

    private final SecureRandom random = new SecureRandom();
    private CryptoSuite suite;
    private KeyPair alice;
    private KeyPair bob;

    abstract CryptoSuite suite();

    /** A suite other than the one under test, for keys of the wrong kind. */
    abstract CryptoSuite otherSuite();

    @BeforeEach
    void keys() {
        suite = suite();
        alice = suite.generateKeyPair(random);
        bob = suite.generateKeyPair(random);
    }

    @Test
    void aliceSignsAndAnyoneVerifiesWithHerPublicKey() throws CryptoException {
        byte[] signature = suite.sign(alice.privateKey(), MESSAGE);

        assertThat(signature).hasSize(suite.signatureLength());
        PublicKey received = suite.decodePublicKey(alice.publicKey().encoded());
        assertThat(received).isEqualTo(alice.publicKey());
        assertThat(suite.verify(received, MESSAGE, signature)).isTrue();
    }

    @Test
    void signaturesAreDeterministic() {
        assertThat(suite.sign(alice.privateKey(), MESSAGE)).isEqualTo(suite.sign(alice.privateKey(), MESSAGE));
        assertThat(suite.sign(alice.privateKey(), new byte[0])).isNotEqualTo(suite.sign(alice.privateKey(), MESSAGE));
    }

    @Test
    void wrongKeyMessageOrSignatureIsRejected() {
        byte[] signature = suite.sign(alice.privateKey(), MESSAGE);
        byte[] otherMessage = MESSAGE.clone();
        otherMessage[9] ^= 0x01;
        byte[] otherSignature = signature.clone();
        otherSignature[signature.length - 1] ^= 0x40;

        assertThat(suite.verify(bob.publicKey(), MESSAGE, signature)).isFalse();
        assertThat(suite.verify(alice.publicKey(), otherMessage, signature)).isFalse();
        assertThat(suite.verify(alice.publicKey(), MESSAGE, otherSignature)).isFalse();
        assertThat(suite.verify(alice.publicKey(), MESSAGE, suite.sign(bob.privateKey(), MESSAGE))).isFalse();
    }

    @Test
    void verifyNeverThrowsOnGarbage() {
        Random garbage = new Random(42);
        PublicKey foreign = otherSuite().generateKeyPair(random).publicKey();
        List<byte[]> signatures = new ArrayList<>();
        for (int length : new int[] {0, 1, 31, 32, 63, 64, 65, 70, 72, 128}) {
            byte[] b = new byte[length];
            garbage.nextBytes(b);
            signatures.add(b);
            signatures.add(new byte[length]);
            byte[] ones = new byte[length];
            Arrays.fill(ones, (byte) 0xff);
            signatures.add(ones);
        }
        for (byte[] signature : signatures) {
            assertThatCode(() -> {
                assertThat(suite.verify(alice.publicKey(), MESSAGE, signature)).isFalse();
                assertThat(suite.verify(foreign, MESSAGE, signature)).isFalse();
            }).doesNotThrowAnyException();
        }
        byte[] valid = suite.sign(alice.privateKey(), MESSAGE);
        assertThat(suite.verify(foreign, MESSAGE, valid)).isFalse();
        assertThat(suite.verify(null, MESSAGE, valid)).isFalse();
        assertThat(suite.verify(alice.publicKey(), null, valid)).isFalse();
        assertThat(suite.verify(alice.publicKey(), MESSAGE, null)).isFalse();
    }

    @Test
    void signingWithAnotherSuitesKeyIsAProgrammingError() {
        PrivateKey foreign = otherSuite().generateKeyPair(random).privateKey();
        assertThatThrownBy(() -> suite.sign(foreign, MESSAGE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publicKeysHaveTheDeclaredLengthAndWrongLengthsAreRejected() {
        assertThat(alice.publicKey().encoded()).hasSize(suite.publicKeyLength());
        assertThat(alice.publicKey().suite()).isEqualTo(suite.id());
        byte[] encoded = alice.publicKey().encoded();
        for (byte[] bad : new byte[][] {Arrays.copyOf(encoded, encoded.length - 1), Arrays.copyOf(encoded, encoded.length + 1),
                new byte[0]}) {
            assertThatThrownBy(() -> suite.decodePublicKey(bad)).isInstanceOf(CryptoException.class);
        }
    }

    @Test
    void hashesOfPartsSlicesAndIncrementalInputAgree() {
        byte[] a = "jade".getBytes(StandardCharsets.UTF_8);
        byte[] b = "chain".getBytes(StandardCharsets.UTF_8);
        byte[] whole = "jadechain".getBytes(StandardCharsets.UTF_8);
        byte[] framed = "[jadechain]".getBytes(StandardCharsets.UTF_8);
        Hash expected = suite.hash(whole);

        assertThat(suite.hash(a, b)).isEqualTo(expected);
        assertThat(suite.hash(framed, 1, whole.length)).isEqualTo(expected);
        CryptoSuite.Hasher hasher = suite.newHasher();
        assertThat(hasher.update(a).update(framed, 5, 4).update((byte) 'n').digest()).isEqualTo(expected);
        assertThat(hasher.update(whole).digest()).as("digest resets the hasher").isEqualTo(expected);
        assertThat(suite.hash()).isEqualTo(suite.hash(new byte[0]));
        assertThatThrownBy(() -> suite.hash(framed, 5, 10)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void addressIsTheFirstTwentyBytesOfTheHashOfTheEncodedKey() {
        Address address = suite.address(alice.publicKey());

        assertThat(address.bytes()).isEqualTo(Arrays.copyOf(suite.hash(alice.publicKey().encoded()).bytes(), 20));
        assertThat(suite.address(bob.publicKey())).isNotEqualTo(address);
    }

    @Test
    void sealedMessagesOpenOnlyWithTheSameKeyNonceAndAssociatedData() throws CryptoException {
        byte[] key = bytes(suite.symmetricKeyLength());
        byte[] nonce = bytes(12);
        byte[] ad = "block 12".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = suite.seal(key, nonce, MESSAGE, ad);

        assertThat(sealed).hasSize(MESSAGE.length + 16);
        assertThat(suite.open(key, nonce, sealed, ad)).isEqualTo(MESSAGE);
        assertThat(suite.open(key, nonce, suite.seal(key, nonce, new byte[0], null), null)).isEmpty();
        assertThat(suite.open(key, nonce, suite.seal(key, nonce, MESSAGE, null), new byte[0])).isEqualTo(MESSAGE);
        for (int i = 0; i < sealed.length; i += 7) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 1;
            assertThatThrownBy(() -> suite.open(key, nonce, tampered, ad)).isInstanceOf(CryptoException.class);
        }
        assertThatThrownBy(() -> suite.open(bytes(key.length), nonce, sealed, ad)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> suite.open(key, bytes(12), sealed, ad)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> suite.open(key, nonce, sealed, null)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> suite.open(key, nonce, Arrays.copyOf(sealed, 15), ad)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> suite.open(bytes(key.length + 1), nonce, sealed, ad)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> suite.seal(bytes(key.length - 1), nonce, MESSAGE, ad)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> suite.seal(key, bytes(16), MESSAGE, ad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bobDecryptsWhatWasEncryptedToHimAndAliceCannot() throws CryptoException {
        byte[] ciphertext = suite.encryptTo(bob.publicKey(), MESSAGE, random);

        assertThat(suite.decrypt(bob, ciphertext)).isEqualTo(MESSAGE);
        assertThat(suite.encryptTo(bob.publicKey(), MESSAGE, random)).isNotEqualTo(ciphertext);
        assertThatThrownBy(() -> suite.decrypt(alice, ciphertext)).isInstanceOf(CryptoException.class);
        assertThat(suite.decrypt(bob, suite.encryptTo(bob.publicKey(), new byte[1], random))).containsExactly(0);
    }

    @Test
    void alteredTruncatedOrForeignCiphertextsAreRejected() {
        byte[] ciphertext = suite.encryptTo(bob.publicKey(), MESSAGE, random);
        for (int i = 0; i < ciphertext.length; i += 5) {
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 0x10;
            assertThatThrownBy(() -> suite.decrypt(bob, tampered)).as("byte %d altered", i)
                    .isInstanceOf(CryptoException.class);
        }
        for (int length : new int[] {0, 1, 40, ciphertext.length - 1}) {
            assertThatThrownBy(() -> suite.decrypt(bob, Arrays.copyOf(ciphertext, length)))
                    .isInstanceOf(CryptoException.class);
        }
        KeyPair foreign = otherSuite().generateKeyPair(random);
        assertThatThrownBy(() -> suite.decrypt(foreign, ciphertext)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> suite.encryptTo(foreign.publicKey(), MESSAGE, random))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyPairsSurviveAPemRoundTrip() throws CryptoException {
        KeyPair read = Pem.readPrivateKey(Pem.privateKeyPem(alice));

        assertThat(read.suite()).isEqualTo(suite.id());
        assertThat(read.publicKey()).isEqualTo(alice.publicKey());
        assertThat(suite.sign(read.privateKey(), MESSAGE)).isEqualTo(suite.sign(alice.privateKey(), MESSAGE));
        assertThat(Pem.readPublicKey(Pem.publicKeyPem(alice.publicKey()))).isEqualTo(alice.publicKey());
    }

    @Test
    void keyFilesAreWrittenOwnerOnlyAndNeverOverwritten(@TempDir Path dir) throws IOException, CryptoException {
        Path privateFile = dir.resolve("node.key");
        Path publicFile = dir.resolve("node.pub");

        Pem.writeKeyPair(privateFile, publicFile, alice);

        assertThat(Pem.readKeyPair(privateFile).publicKey()).isEqualTo(alice.publicKey());
        assertThat(Pem.readPublicKey(publicFile)).isEqualTo(alice.publicKey());
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile))).isEqualTo("rw-------");
        }
        assertThatThrownBy(() -> Pem.writeKeyPair(privateFile, dir.resolve("other.pub"), bob))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> Pem.writeKeyPair(dir.resolve("other.key"), publicFile, bob))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(dir.resolve("other.key")).doesNotExist();
        assertThat(Pem.readKeyPair(privateFile).publicKey()).isEqualTo(alice.publicKey());
    }

    @Test
    void oneSuiteAndKeyServeManyThreads() throws Exception {
        byte[] signature = suite.sign(alice.privateKey(), MESSAGE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                boolean valid = i % 2 == 0;
                byte[] m = valid ? MESSAGE : Arrays.copyOf(MESSAGE, MESSAGE.length + 1);
                results.add(pool.submit(() -> suite.verify(alice.publicKey(), m, signature) == valid
                        && Arrays.equals(suite.sign(alice.privateKey(), MESSAGE), signature)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
