package org.jadechain.sdk.records;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.jadechain.contracts.records.EncryptedContent;
import org.jadechain.contracts.records.RecordEntry;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.PublicKey;

/**
 * Encrypted records, client side: sealing a document for a collection's readers before it is submitted,
 * and opening it with a reader's key pair after it is read back. The format is
 * {@link EncryptedContent}: the document sealed once with a fresh content key ({@code suite.seal}: SM4-GCM for
 * {@code sm}, AES-256-GCM for {@code intl}, random 12-byte nonce), and the content key wrapped to every reader
 * key ({@code suite.encryptTo}: SM2 encryption or X25519-ECIES). The associated data
 * ({@link #associatedData}) binds the ciphertext to its collection and document hash.
 *
 * <p>Private keys and content keys never leave this class's caller; the node only stores the envelope. The
 * readers to wrap to are exactly the collection's current reader keys ({@code RecordsQueries.readerKeys}),
 * or the contract refuses the submission. Stateless and thread-safe (given a thread-safe random).
 */
public final class RecordEnvelope {
    private RecordEnvelope() {
    }

    /** A sealed document: its hash (the record's document hash) and the envelope (the submission's payload). */
    public record Sealed(byte[] documentHash, byte[] payload) {
        public Sealed {
            documentHash = documentHash.clone();
            payload = payload.clone();
        }

        @Override
        public byte[] documentHash() {
            return documentHash.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }
    }

    /** The document hash of a record: the chain's hash (SM3 or SHA-256) of the document's bytes. */
    public static byte[] documentHash(CryptoSuite suite, byte[] content) {
        return suite.hash(content).bytes();
    }

    /** See {@link EncryptedContent#associatedData}. */
    public static byte[] associatedData(String collectionId, byte[] documentHash) {
        return EncryptedContent.associatedData(collectionId, documentHash);
    }

    /**
     * Seals a document for a collection: hashes it, and seals it with the associated data of that collection
     * and hash. Submit the result with {@code RecordsCalls.submitEncrypted(collectionId, documentHash, payload,
     * previous)}.
     *
     * @throws IllegalArgumentException as {@link #seal(CryptoSuite, byte[], List, byte[], SecureRandom)}
     */
    public static Sealed sealFor(CryptoSuite suite, String collectionId, byte[] content, List<PublicKey> readers,
                                 SecureRandom random) {
        byte[] hash = documentHash(suite, content);
        return new Sealed(hash, seal(suite, content, readers, associatedData(collectionId, hash), random));
    }

    /**
     * Seals {@code content} under a fresh content key and wraps that key to each reader (a key listed twice
     * is wrapped once).
     *
     * @return the encoded {@link EncryptedContent}
     * @throws IllegalArgumentException when there is no reader or more than {@value EncryptedContent#MAX_READERS},
     *     a reader key is of another suite, or the envelope would exceed {@value EncryptedContent#MAX_BYTES} bytes
     */
    public static byte[] seal(CryptoSuite suite, byte[] content, List<PublicKey> readers, byte[] associatedData,
                              SecureRandom random) {
        TreeMap<byte[], PublicKey> unique = new TreeMap<>(Arrays::compareUnsigned);
        for (PublicKey k : readers) {
            if (k.suite() != suite.id()) {
                throw new IllegalArgumentException("reader key " + k + " is not a " + suite.id().label() + " key");
            }
            unique.put(k.encoded(), k);
        }
        if (unique.isEmpty() || unique.size() > EncryptedContent.MAX_READERS) {
            throw new IllegalArgumentException("a record is sealed for 1.." + EncryptedContent.MAX_READERS
                    + " reader keys, got " + unique.size());
        }
        byte[] contentKey = new byte[suite.symmetricKeyLength()];
        byte[] nonce = new byte[EncryptedContent.NONCE_BYTES];
        random.nextBytes(contentKey);
        random.nextBytes(nonce);
        try {
            byte[] ciphertext = suite.seal(contentKey, nonce, content, associatedData);
            List<EncryptedContent.WrappedKey> wrapped = new ArrayList<>(unique.size());
            for (PublicKey k : unique.values()) {
                wrapped.add(new EncryptedContent.WrappedKey(k.encoded(), suite.encryptTo(k, contentKey, random)));
            }
            return EncryptedContent.of(nonce, ciphertext, wrapped).encode();
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    /**
     * Opens an encrypted record with a reader's key pair and checks the document against the record's hash.
     *
     * @throws IllegalArgumentException when the record stores only a hash (its document is off the ledger)
     * @throws NotAReaderException when the key is not among the record's readers
     * @throws RecordDecryptionException when the record cannot be decrypted with this key pair or does not
     *     match its document hash
     */
    public static byte[] open(CryptoSuite suite, KeyPair reader, RecordEntry record)
            throws NotAReaderException, RecordDecryptionException {
        if (!record.encrypted()) {
            throw new IllegalArgumentException("record " + record.id()
                    + " stores only a document hash; its document is kept off the ledger");
        }
        byte[] hash = record.documentHash();
        byte[] content = open(suite, reader, record.envelope(), associatedData(record.collection(), hash));
        if (!MessageDigest.isEqual(documentHash(suite, content), hash)) {
            throw new RecordDecryptionException("cannot decrypt record " + record.id()
                    + ": the decrypted document does not match the record's document hash");
        }
        return content;
    }

    /**
     * Opens an envelope with a reader's key pair.
     *
     * @throws NotAReaderException when the envelope holds no copy of the content key for this key: "this key
     *     is not among the record's readers"
     * @throws RecordDecryptionException when the payload is not an envelope, the copy for this key does not
     *     open with its private key, or the ciphertext or associated data differ from what was sealed
     */
    public static byte[] open(CryptoSuite suite, KeyPair reader, byte[] payload, byte[] associatedData)
            throws NotAReaderException, RecordDecryptionException {
        EncryptedContent envelope;
        try {
            envelope = EncryptedContent.decode(payload);
        } catch (DecodeException e) {
            throw new RecordDecryptionException("cannot decrypt: the payload is not a record envelope: "
                    + e.getMessage(), e);
        }
        byte[] wrapped = envelope.wrappedKeyFor(reader.publicKey().unsafeEncoded());
        if (wrapped == null) {
            throw new NotAReaderException("this key is not among the record's readers (key "
                    + shortHex(reader.publicKey().unsafeEncoded()) + "; the record is readable by "
                    + envelope.wrappedKeys().size() + " keys)");
        }
        byte[] contentKey;
        try {
            contentKey = suite.decrypt(reader, wrapped);
        } catch (CryptoException | RuntimeException e) {
            throw new RecordDecryptionException("cannot decrypt: the content key wrapped for this key does not open "
                    + "with its private key (the wrong key pair, or altered data)", e);
        }
        try {
            if (contentKey.length != suite.symmetricKeyLength()) {
                throw new RecordDecryptionException("cannot decrypt: the wrapped content key is "
                        + contentKey.length + " bytes, not " + suite.symmetricKeyLength());
            }
            return suite.open(contentKey, envelope.nonce(), envelope.ciphertext(), associatedData);
        } catch (CryptoException e) {
            throw new RecordDecryptionException("cannot decrypt: the ciphertext was altered or belongs to another "
                    + "record (authentication failed)", e);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    private static String shortHex(byte[] key) {
        String h = Hex.encode(key);
        return h.length() <= 16 ? h : h.substring(0, 16) + "…";
    }
}
