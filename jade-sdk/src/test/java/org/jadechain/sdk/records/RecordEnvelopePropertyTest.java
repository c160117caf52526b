package org.jadechain.sdk.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.SuiteId;

/**
 * Whatever byte of a sealed record is flipped, a reader either gets the exact document back (the byte lay
 * in another reader's copy of the key) or a {@link NotAReaderException} or {@link RecordDecryptionException}
 * — never altered content, and no other exception.
 */
class RecordEnvelopePropertyTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] AAD = RecordEnvelope.associatedData("COL-7", new byte[32]);

    @Property(tries = 60)
    void aFlippedByteNeverYieldsAlteredContent(@ForAll SuiteId id, @ForAll @Size(max = 200) byte[] document,
                                               @ForAll @IntRange(min = 0, max = 100_000) int where,
                                               @ForAll @IntRange(min = 1, max = 255) int flip) {
        CryptoSuite suite = CryptoSuites.of(id);
        KeyPair reader = suite.generateKeyPair(RANDOM);
        KeyPair other = suite.generateKeyPair(RANDOM);
        byte[] payload = RecordEnvelope.seal(suite, document, List.of(reader.publicKey(), other.publicKey()), AAD, RANDOM);
        payload[where % payload.length] ^= (byte) flip;
        try {
            assertThat(RecordEnvelope.open(suite, reader, payload, AAD)).isEqualTo(document);
        } catch (NotAReaderException | RecordDecryptionException expected) {
            // refused plainly
        }
    }
}
