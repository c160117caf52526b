package org.jadechain.contracts.records;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.crypto.Hex;

/**
 * The payload of an encrypted submission (mode {@value RecordsContract#MODE_ENCRYPTED}): the document
 * sealed once under a fresh content key, and that key wrapped to each reader's public key.
 *
 * <p>Made on the client (the SDK's {@code RecordEnvelope}):
 * <ol>
 *   <li>{@code contentKey} = {@code suite.symmetricKeyLength()} random bytes (SM4: 16, AES-256: 32),
 *       {@code nonce} = 12 random bytes;</li>
 *   <li>{@code ciphertext = suite.seal(contentKey, nonce, document, associatedData(collectionId, documentHash))}
 *       (SM4-GCM or AES-256-GCM, tag appended), where {@code documentHash = suite.hash(document)};</li>
 *   <li>for each reader key {@code k}: {@code wrapped = suite.encryptTo(k, contentKey)} (SM2 encryption or
 *       X25519-ECIES).</li>
 * </ol>
 * The associated data ties the ciphertext to its collection and document hash, so it cannot be replayed
 * under another record's name; whoever opens it checks the decrypted document against the hash.
 *
 * <p>Canonical encoding: {@code u8 version (1), 12 bytes nonce, bytes ciphertext
 * (16..}{@value #MAX_BYTES}{@code ), varint n (1..}{@value #MAX_READERS}{@code ), n × (bytes readerKey
 * (1..65), bytes wrappedKey (1..}{@value #MAX_WRAPPED_KEY_BYTES}{@code ))}, wrapped keys in strictly
 * increasing order of the reader key's bytes (unsigned), the whole at most {@value #MAX_BYTES} bytes.
 * {@link #decode} rejects every other byte string. The contract checks only this structure and that the
 * reader keys are exactly the collection's; it cannot and does not check the cryptography. Immutable.
 */
public final class EncryptedContent {
    public static final int VERSION = 1;
    public static final int NONCE_BYTES = 12;
    /** The GCM tag every ciphertext ends with. */
    public static final int TAG_BYTES = 16;
    public static final int MAX_READERS = 256;
    public static final int MAX_WRAPPED_KEY_BYTES = 512;
    /** The whole envelope; it must also fit, with the other arguments, in a call's argument limit. */
    public static final int MAX_BYTES = Limits.MAX_ARGS_BYTES;
    private static final byte[] AAD_DOMAIN = "jade-record/1".getBytes(StandardCharsets.US_ASCII);

    /** One reader's copy of the content key. */
    public record WrappedKey(byte[] readerKey, byte[] wrappedKey) {
        public WrappedKey {
            readerKey = readerKey.clone();
            wrappedKey = wrappedKey.clone();
        }

        @Override
        public byte[] readerKey() {
            return readerKey.clone();
        }

        @Override
        public byte[] wrappedKey() {
            return wrappedKey.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WrappedKey w && Arrays.equals(readerKey, w.readerKey)
                    && Arrays.equals(wrappedKey, w.wrappedKey);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(readerKey) * 31 + Arrays.hashCode(wrappedKey);
        }

        @Override
        public String toString() {
            return "WrappedKey[" + Principals.shortHex(readerKey) + ", " + wrappedKey.length + " bytes]";
        }
    }

    private final byte[] nonce;
    private final byte[] ciphertext;
    /** In canonical order. */
    private final List<WrappedKey> wrapped;

    private EncryptedContent(byte[] nonce, byte[] ciphertext, List<WrappedKey> wrapped) {
        this.nonce = nonce;
        this.ciphertext = ciphertext;
        this.wrapped = wrapped;
    }

    /**
     * An envelope of these parts; the wrapped keys are put in canonical order.
     *
     * @throws IllegalArgumentException when a part is out of bounds, a reader key repeats, or the encoding
     *     would exceed {@value #MAX_BYTES} bytes
     */
    public static EncryptedContent of(byte[] nonce, byte[] ciphertext, List<WrappedKey> wrappedKeys) {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("the nonce must be " + NONCE_BYTES + " bytes, got " + nonce.length);
        }
        if (ciphertext.length < TAG_BYTES) {
            throw new IllegalArgumentException("the ciphertext is shorter than its " + TAG_BYTES + "-byte tag");
        }
        if (wrappedKeys.isEmpty() || wrappedKeys.size() > MAX_READERS) {
            throw new IllegalArgumentException("an envelope wraps the key for 1.." + MAX_READERS + " readers, got "
                    + wrappedKeys.size());
        }
        TreeMap<byte[], WrappedKey> sorted = new TreeMap<>(Arrays::compareUnsigned);
        for (WrappedKey w : wrappedKeys) {
            if (w.readerKey.length == 0 || w.readerKey.length > Limits.MAX_PUBLIC_KEY_BYTES) {
                throw new IllegalArgumentException("a reader key is 1.." + Limits.MAX_PUBLIC_KEY_BYTES + " bytes");
            }
            if (w.wrappedKey.length == 0 || w.wrappedKey.length > MAX_WRAPPED_KEY_BYTES) {
                throw new IllegalArgumentException("a wrapped key is 1.." + MAX_WRAPPED_KEY_BYTES + " bytes");
            }
            if (sorted.put(w.readerKey, w) != null) {
                throw new IllegalArgumentException("reader key " + Principals.shortHex(w.readerKey) + " appears twice");
            }
        }
        EncryptedContent e = new EncryptedContent(nonce.clone(), ciphertext.clone(), List.copyOf(sorted.values()));
        int size = e.encode().length;
        if (size > MAX_BYTES) {
            throw new IllegalArgumentException("the envelope would be " + size + " bytes; at most " + MAX_BYTES
                    + " (a smaller document, or fewer readers)");
        }
        return e;
    }

    /**
     * The associated data sealed with a record's content: {@code "jade-record/1" || string collectionId ||
     * bytes documentHash} (the canonical string and length-prefixed bytes of {@link ByteWriter}).
     */
    public static byte[] associatedData(String collectionId, byte[] documentHash) {
        ByteWriter w = new ByteWriter(32 + documentHash.length);
        w.raw(AAD_DOMAIN).string(collectionId).bytes(documentHash);
        return w.toByteArray();
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** The wrapped keys in canonical order. */
    public List<WrappedKey> wrappedKeys() {
        return wrapped;
    }

    /** The reader keys the content key is wrapped to, in canonical order. */
    public List<byte[]> readerKeys() {
        List<byte[]> out = new ArrayList<>(wrapped.size());
        for (WrappedKey w : wrapped) {
            out.add(w.readerKey());
        }
        return out;
    }

    /** The content key wrapped to this reader key, or null when the key is not among the readers. */
    public byte[] wrappedKeyFor(byte[] readerKey) {
        int lo = 0;
        int hi = wrapped.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Arrays.compareUnsigned(wrapped.get(mid).readerKey, readerKey);
            if (c == 0) {
                return wrapped.get(mid).wrappedKey();
            } else if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    public byte[] encode() {
        ByteWriter w = new ByteWriter(32 + ciphertext.length + wrapped.size() * 200);
        w.u8(VERSION).raw(nonce).bytes(ciphertext).varint(wrapped.size());
        for (WrappedKey k : wrapped) {
            w.bytes(k.readerKey).bytes(k.wrappedKey);
        }
        return w.toByteArray();
    }

    /** @throws DecodeException when the bytes are not a canonical envelope */
    public static EncryptedContent decode(byte[] bytes) throws DecodeException {
        if (bytes.length > MAX_BYTES) {
            throw new DecodeException("an envelope is at most " + MAX_BYTES + " bytes, got " + bytes.length);
        }
        ByteReader r = new ByteReader(bytes);
        int version = r.u8("envelope version");
        if (version != VERSION) {
            throw new DecodeException("unknown envelope version " + version);
        }
        byte[] nonce = r.raw(NONCE_BYTES, "nonce");
        byte[] ciphertext = r.bytes("ciphertext", MAX_BYTES);
        if (ciphertext.length < TAG_BYTES) {
            throw new DecodeException("the ciphertext is shorter than its " + TAG_BYTES + "-byte tag");
        }
        int n = (int) r.varint("reader count", MAX_READERS);
        if (n == 0) {
            throw new DecodeException("the envelope wraps the content key for no reader");
        }
        List<WrappedKey> wrapped = new ArrayList<>(n);
        byte[] last = null;
        for (int i = 0; i < n; i++) {
            byte[] reader = r.bytes("reader key", Limits.MAX_PUBLIC_KEY_BYTES);
            byte[] key = r.bytes("wrapped key", MAX_WRAPPED_KEY_BYTES);
            if (reader.length == 0 || key.length == 0) {
                throw new DecodeException("wrapped key " + i + " has an empty reader key or key");
            }
            if (last != null && Arrays.compareUnsigned(last, reader) >= 0) {
                throw new DecodeException("wrapped keys must be in strictly increasing reader-key order, without repeats");
            }
            wrapped.add(new WrappedKey(reader, key));
            last = reader;
        }
        r.expectEnd("envelope");
        return new EncryptedContent(nonce, ciphertext, List.copyOf(wrapped));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptedContent e && Arrays.equals(nonce, e.nonce)
                && Arrays.equals(ciphertext, e.ciphertext) && wrapped.equals(e.wrapped);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "EncryptedContent[nonce " + Hex.encode(nonce) + ", " + ciphertext.length + " bytes, "
                + wrapped.size() + " readers]";
    }
}
