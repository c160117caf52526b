package org.jadechain.contracts.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jadechain.core.codec.DecodeException;

/**
 * The envelope and principal-list codecs are canonical: what is encoded decodes to the same value, and a
 * byte string is accepted only if it is exactly the encoding of what it decodes to — so a flipped,
 * dropped or added byte is either refused or (where the byte lies inside a ciphertext or key) gives a
 * different value that re-encodes to those very bytes; never a silent reinterpretation.
 */
class EnvelopeCodecPropertyTest {

    @Provide
    Arbitrary<EncryptedContent> envelopes() {
        Arbitrary<byte[]> nonce = Arbitraries.bytes().array(byte[].class).ofSize(EncryptedContent.NONCE_BYTES);
        Arbitrary<byte[]> ciphertext = Arbitraries.bytes().array(byte[].class).ofMinSize(EncryptedContent.TAG_BYTES)
                .ofMaxSize(400);
        Arbitrary<EncryptedContent.WrappedKey> wrapped = Combinators.combine(
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(65),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(160))
                .as(EncryptedContent.WrappedKey::new);
        Arbitrary<List<EncryptedContent.WrappedKey>> keys = wrapped.list().ofMinSize(1).ofMaxSize(8)
                .uniqueElements(w -> Arrays.toString(w.readerKey()));
        return Combinators.combine(nonce, ciphertext, keys).as(EncryptedContent::of);
    }

    @Provide
    Arbitrary<Principals> principals() {
        Arbitrary<List<String>> orgs = Arbitraries.strings().ofMinLength(1).ofMaxLength(20).list().ofMaxSize(10);
        Arbitrary<List<byte[]>> keys = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(65).list()
                .ofMaxSize(10);
        return Combinators.combine(orgs, keys).as(Principals::ofEncoded);
    }

    @Property(tries = 300)
    void anEnvelopeDecodesToItselfAndReencodesToTheSameBytes(@ForAll("envelopes") EncryptedContent e)
            throws DecodeException {
        byte[] bytes = e.encode();
        EncryptedContent back = EncryptedContent.decode(bytes);
        assertThat(back).isEqualTo(e);
        assertThat(back.encode()).isEqualTo(bytes);
        for (EncryptedContent.WrappedKey w : e.wrappedKeys()) {
            assertThat(back.wrappedKeyFor(w.readerKey())).isEqualTo(w.wrappedKey());
        }
    }

    @Property(tries = 200)
    void theOrderInWhichKeysAreWrappedDoesNotChangeTheEnvelope(@ForAll("envelopes") EncryptedContent e,
                                                                 @ForAll long seed) {
        List<EncryptedContent.WrappedKey> shuffled = new ArrayList<>(e.wrappedKeys());
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(EncryptedContent.of(e.nonce(), e.ciphertext(), shuffled).encode()).isEqualTo(e.encode());
    }

    @Property(tries = 500)
    void aMutatedEnvelopeIsRefusedOrIsAnotherCanonicalEnvelope(@ForAll("envelopes") EncryptedContent e,
                                                               @ForAll @IntRange(min = 0, max = 100_000) int where,
                                                               @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] bytes = e.encode();
        byte[] mutated = bytes.clone();
        mutated[where % bytes.length] ^= (byte) flip;
        assertCanonicalOrRefused(mutated, e);
    }

    @Property(tries = 300)
    void aShortenedOrLengthenedEnvelopeIsRefused(@ForAll("envelopes") EncryptedContent e,
                                                 @ForAll @IntRange(min = 1, max = 100_000) int cut,
                                                 @ForAll @Size(min = 1, max = 8) byte[] extra) {
        byte[] bytes = e.encode();
        byte[] shorter = Arrays.copyOf(bytes, bytes.length - 1 - (cut % bytes.length));
        assertThatThrownBy(() -> EncryptedContent.decode(shorter)).isInstanceOf(DecodeException.class);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + extra.length);
        System.arraycopy(extra, 0, longer, bytes.length, extra.length);
        assertThatThrownBy(() -> EncryptedContent.decode(longer)).isInstanceOf(DecodeException.class);
    }

    @Property(tries = 500)
    void arbitraryBytesAreNeverMisreadAsAnEnvelope(@ForAll @Size(max = 300) byte[] bytes) {
        assertCanonicalOrRefused(bytes, null);
    }

    @Property(tries = 300)
    void principalsDecodeToThemselves(@ForAll("principals") Principals p) throws DecodeException {
        byte[] bytes = p.encode();
        Principals back = Principals.decode(bytes);
        assertThat(back).isEqualTo(p);
        assertThat(back.organisations()).isEqualTo(p.organisations());
        assertThat(back.encode()).isEqualTo(bytes);
    }

    @Property(tries = 500)
    void mutatedPrincipalsAreRefusedOrAreAnotherCanonicalList(@ForAll("principals") Principals p,
                                                              @ForAll @IntRange(min = 0, max = 100_000) int where,
                                                              @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] bytes = p.encode();
        byte[] mutated = bytes.clone();
        mutated[where % bytes.length] ^= (byte) flip;
        try {
            Principals q = Principals.decode(mutated);
            assertThat(q.encode()).isEqualTo(mutated);
            assertThat(q).isNotEqualTo(p);
        } catch (DecodeException expected) {
            // refused
        }
    }

    private static void assertCanonicalOrRefused(byte[] bytes, EncryptedContent original) {
        EncryptedContent decoded;
        try {
            decoded = EncryptedContent.decode(bytes);
        } catch (DecodeException expected) {
            return;
        }
        assertThat(decoded.encode()).isEqualTo(bytes);
        if (original != null) {
            assertThat(decoded).isNotEqualTo(original);
        }
    }
}
