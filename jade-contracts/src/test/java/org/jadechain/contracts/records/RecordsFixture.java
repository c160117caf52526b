package org.jadechain.contracts.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jadechain.core.contract.ContractRegistry;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.Nonces;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateReader;
import org.jadechain.testkit.TestChain;

/**
 * A test chain running the records contract, with short-hands for what agencies and submitters do, and a
 * minimal envelope sealer/opener built straight on the suite (the SDK's {@code RecordEnvelope} is the real
 * client; it lives in a module that depends on this one). {@link #refused} checks that a refused call left
 * the whole state as it was, apart from the nonce.
 */
final class RecordsFixture {
    final TestChain chain;
    final CryptoSuite suite;
    private final SecureRandom random = new SecureRandom();

    private RecordsFixture(TestChain chain) {
        this.chain = chain;
        this.suite = chain.suite();
    }

    static RecordsFixture create(SuiteId suite) {
        return new RecordsFixture(TestChain.create(suite, new ContractRegistry(List.of(new RecordsContract()))));
    }

    StateReader state() {
        return chain.store();
    }

    PublicKey key(String id) {
        return chain.key(id).publicKey();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    Receipt submit(String signer, String method, byte[] args) {
        return chain.submit(signer, RecordsContract.NAME, method, args);
    }

    Receipt ok(String signer, String method, byte[] args) {
        Receipt r = submit(signer, method, args);
        assertThat(r.code()).as(r.message()).isEqualTo(ResultCode.OK);
        return r;
    }

    /** Submits a call that must be refused with {@code code} and change nothing but the signer's nonce. */
    Receipt refused(ResultCode code, String signer, String method, byte[] args) {
        TreeMap<String, String> before = dump();
        Receipt r = submit(signer, method, args);
        assertThat(r.code()).as(r.message()).isEqualTo(code);
        assertThat(r.events()).isEmpty();
        assertThat(dump()).isEqualTo(before);
        return r;
    }

    /** Every state entry except nonces, as hex, in key order. */
    TreeMap<String, String> dump() {
        TreeMap<String, String> out = new TreeMap<>();
        for (int b = 0; b < StateKeys.BUCKETS; b++) {
            chain.store().scanBucket(b, (k, v) -> {
                if (!StateKeys.namespaceOf(k).equals(Nonces.NAMESPACE)) {
                    out.put(Hex.encode(k), Hex.encode(v));
                }
            });
        }
        return out;
    }

    static String output(Receipt r, String name) {
        return r.output().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().value();
    }

    // --- what the actors do ---

    /** The agency creates a collection; returns its id. */
    String createCollection(String agency, String name, Principals submitters, Principals readers) {
        return output(ok(agency, RecordsContract.CREATE_COLLECTION,
                RecordsCalls.createCollection(name, submitters, readers)), "collection");
    }

    /** Citizens 1 and 2 submit; the regulator reads besides the agency. */
    String citizenFilings() {
        return createCollection("agency", "residence permits", Principals.keys(key("citizen-1"), key("citizen-2")),
                Principals.organisations("regulator"));
    }

    byte[] hash(String document) {
        return suite.hash(utf8(document)).bytes();
    }

    String submitHash(String signer, String collection, String document, String previous) {
        return output(ok(signer, RecordsContract.SUBMIT, RecordsCalls.submitHash(collection, hash(document), previous)),
                "record");
    }

    /** Seals a document for the collection's current readers and submits it; returns the record id. */
    String submitEncrypted(String signer, String collection, String document, String previous) {
        byte[] envelope = seal(collection, utf8(document), RecordsQueries.readerKeys(state(), suite, collection));
        return output(ok(signer, RecordsContract.SUBMIT,
                RecordsCalls.submitEncrypted(collection, hash(document), envelope, previous)), "record");
    }

    // --- a bare-bones client ---

    byte[] seal(String collection, byte[] document, List<PublicKey> readers) {
        byte[] contentKey = new byte[suite.symmetricKeyLength()];
        byte[] nonce = new byte[EncryptedContent.NONCE_BYTES];
        random.nextBytes(contentKey);
        random.nextBytes(nonce);
        byte[] aad = EncryptedContent.associatedData(collection, suite.hash(document).bytes());
        List<EncryptedContent.WrappedKey> wrapped = new ArrayList<>();
        for (PublicKey k : readers) {
            wrapped.add(new EncryptedContent.WrappedKey(k.encoded(), suite.encryptTo(k, contentKey, random)));
        }
        return EncryptedContent.of(nonce, suite.seal(contentKey, nonce, document, aad), wrapped).encode();
    }

    /** The document of an encrypted record as the key pair sees it; null when it has no copy of the key. */
    String open(RecordEntry record, KeyPair reader) throws CryptoException {
        EncryptedContent c = record.content();
        byte[] wrapped = c.wrappedKeyFor(reader.publicKey().encoded());
        if (wrapped == null) {
            return null;
        }
        byte[] contentKey = suite.decrypt(reader, wrapped);
        byte[] aad = EncryptedContent.associatedData(record.collection(), record.documentHash());
        return new String(suite.open(contentKey, c.nonce(), c.ciphertext(), aad), StandardCharsets.UTF_8);
    }
}
