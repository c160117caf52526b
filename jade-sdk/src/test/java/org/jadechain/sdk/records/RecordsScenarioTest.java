package org.jadechain.sdk.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.jadechain.contracts.records.EncryptedContent;
import org.jadechain.contracts.records.Principals;
import org.jadechain.contracts.records.RecordEntry;
import org.jadechain.contracts.records.RecordsQueries;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The "done when" for records, through the SDK: an agency creates a collection readable by itself
 * and the regulator; a citizen submits an encrypted document; the regulator reads it; a bank's key cannot;
 * a correction shows as version 2 with the history.
 */
class RecordsScenarioTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String FIRST = "Household registration transfer: Zhang San, from Chaoyang to Haidian";
    private static final String CORRECTED = "Household registration transfer: Zhang San, from Chaoyang to Xicheng";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String ok(Receipt r, String output) {
        assertThat(r.code()).as(r.message()).isEqualTo(ResultCode.OK);
        return r.outputValue(output);
    }

    private static String read(RecordsLedger l, String reader, String recordId) throws Exception {
        return new String(RecordEnvelope.open(l.suite(), l.key(reader), RecordsQueries.record(l.state(), recordId)),
                StandardCharsets.UTF_8);
    }

    private static String submit(RecordsLedger l, String citizen, String collection, String document, String previous) {
        List<PublicKey> readers = RecordsQueries.readerKeys(l.state(), l.suite(), collection);
        return ok(l.submit(citizen, Records.submitEncrypted(l.suite(), collection, utf8(document), readers, previous,
                RANDOM)), "record");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void regulatorReadsACitizensFilingABankCannotAndACorrectionIsVersionTwo(SuiteId suite) throws Exception {
        RecordsLedger l = new RecordsLedger(suite);
        String col = ok(l.submit("agency", Records.createCollection("household registration",
                Principals.keys(l.key("citizen-1").publicKey(), l.key("citizen-2").publicKey()),
                Principals.organisations("regulator"))), "collection");

        String v1 = submit(l, "citizen-1", col, FIRST, "");

        assertThat(read(l, "regulator", v1)).isEqualTo(FIRST);
        assertThat(read(l, "agency", v1)).isEqualTo(FIRST);
        for (String outsider : List.of("bank-a", "citizen-1", "citizen-2")) {
            assertThatThrownBy(() -> read(l, outsider, v1)).isInstanceOf(NotAReaderException.class)
                    .hasMessageStartingWith("this key is not among the record's readers");
        }
        KeyPair wrongKey = new KeyPair(l.key("bank-a").privateKey(), l.key("regulator").publicKey());
        assertThatThrownBy(() -> RecordEnvelope.open(l.suite(), wrongKey, RecordsQueries.record(l.state(), v1)))
                .isInstanceOf(RecordDecryptionException.class);

        String v2 = submit(l, "citizen-1", col, CORRECTED, v1);

        RecordEntry second = RecordsQueries.record(l.state(), v2);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.previous()).isEqualTo(v1);
        assertThat(RecordsQueries.history(l.state(), v2)).extracting(RecordEntry::id).containsExactly(v1, v2);
        assertThat(read(l, "regulator", v2)).isEqualTo(CORRECTED);
        assertThat(read(l, "regulator", v1)).isEqualTo(FIRST);
        assertThat(l.submit("citizen-1", Records.submitHash(col, second.documentHash(), v1)).code())
                .isEqualTo(ResultCode.INVALID_STATE);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void anEnvelopeSealedForOtherReadersIsRefusedByTheContract(SuiteId suite) {
        RecordsLedger l = new RecordsLedger(suite);
        String col = ok(l.submit("agency", Records.createCollection("permits",
                Principals.keys(l.key("citizen-1").publicKey()), Principals.organisations("regulator"))), "collection");

        Receipt r = l.submit("citizen-1", Records.submitEncrypted(l.suite(), col, utf8(FIRST),
                List.of(l.key("agency").publicKey(), l.key("bank-a").publicKey()), "", RANDOM));

        assertThat(r.code()).isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(r.message()).contains("missing 1: regulator").contains("not readers (1)");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aCiphertextCopiedIntoAnotherRecordDoesNotOpenThere(SuiteId suite) throws Exception {
        RecordsLedger l = new RecordsLedger(suite);
        String col = ok(l.submit("agency", Records.createCollection("permits",
                Principals.keys(l.key("citizen-1").publicKey(), l.key("citizen-2").publicKey()),
                Principals.organisations("regulator"))), "collection");
        String original = submit(l, "citizen-1", col, FIRST, "");
        RecordEntry e = RecordsQueries.record(l.state(), original);

        // citizen-2 replays citizen-1's envelope under another document hash: structurally fine for the ledger
        String copy = ok(l.submit("citizen-2", Records.submitEncrypted(col,
                new RecordEnvelope.Sealed(l.suite().hash(utf8("something else")).bytes(), e.envelope()), "")), "record");

        assertThatThrownBy(() -> read(l, "regulator", copy)).isInstanceOf(RecordDecryptionException.class);
        // the original is untouched
        assertThat(read(l, "regulator", original)).isEqualTo(FIRST);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aHashOnlyRecordHasNothingToOpen(SuiteId suite) {
        RecordsLedger l = new RecordsLedger(suite);
        String col = ok(l.submit("agency", Records.createCollection("deeds",
                Principals.organisations("bank-a"), Principals.empty())), "collection");
        String id = ok(l.submit("bank-a", Records.submitHash(col, RecordEnvelope.documentHash(l.suite(), utf8(FIRST)), "")),
                "record");

        assertThatThrownBy(() -> read(l, "agency", id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only a document hash");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aTamperedStoredEnvelopeCannotBeDecrypted(SuiteId suite) throws Exception {
        RecordsLedger l = new RecordsLedger(suite);
        String col = ok(l.submit("agency", Records.createCollection("permits",
                Principals.keys(l.key("citizen-1").publicKey()), Principals.organisations("regulator"))), "collection");
        RecordEntry e = RecordsQueries.record(l.state(), submit(l, "citizen-1", col, FIRST, ""));
        EncryptedContent c = e.content();
        byte[] ciphertext = c.ciphertext();
        ciphertext[0] ^= (byte) 0x80;
        RecordEntry tampered = new RecordEntry(e.id(), e.collection(), e.version(), e.previous(), e.next(), e.first(),
                e.submitter(), e.submitterOrganisation(), e.height(), e.timestamp(), e.txHash(), e.mode(),
                e.documentHash(), EncryptedContent.of(c.nonce(), ciphertext, c.wrappedKeys()).encode());

        assertThatThrownBy(() -> RecordEnvelope.open(l.suite(), l.key("regulator"), tampered))
                .isInstanceOf(RecordDecryptionException.class).hasMessageStartingWith("cannot decrypt");
    }
}
