package org.jadechain.contracts.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jadechain.contracts.records.RecordsContract.SUBMIT;
import static org.jadechain.contracts.records.RecordsFixture.utf8;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SubmissionsTest {
    private static final String PERMIT = "Residence permit application: Li Wei, Dongcheng district";

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void citizenFilesAHashOnlyRecordThatKeepsTheDocumentOffTheLedger(SuiteId suite) {
        RecordsFixture f = RecordsFixture.create(suite);
        String col = f.citizenFilings();

        Receipt r = f.ok("citizen-1", SUBMIT, RecordsCalls.submitHash(col, f.hash(PERMIT), ""));

        assertThat(RecordsFixture.output(r, "record")).isEqualTo("R-1");
        assertThat(RecordsFixture.output(r, "version")).isEqualTo("1");
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(RecordsContract.RECORD_SUBMITTED);
            assertThat(e.attributes()).extracting(a -> a.name() + "=" + a.value()).containsExactly(
                    "collection=" + col, "record=R-1", "version=1", "previous=", "documentHash=" + Hex.encode(f.hash(PERMIT)),
                    "mode=1", "submitter=" + f.chain.address("citizen-1").hex());
        });
        RecordEntry e = RecordsQueries.record(f.state(), "R-1");
        assertThat(e.collection()).isEqualTo(col);
        assertThat(e.mode()).isEqualTo(RecordsContract.MODE_HASH_ONLY);
        assertThat(e.encrypted()).isFalse();
        assertThat(e.documentHash()).isEqualTo(f.hash(PERMIT));
        assertThat(e.envelope()).isEmpty();
        assertThat(e.submitter()).isEqualTo(f.chain.address("citizen-1"));
        assertThat(e.submitterOrganisation()).isEmpty();
        assertThat(e.version()).isEqualTo(1);
        assertThat(e.previous()).isEmpty();
        assertThat(e.next()).isEmpty();
        assertThat(e.first()).isEqualTo("R-1");
        assertThat(e.txHash()).isEqualTo(r.txHash());
        assertThat(e.timestamp()).isEqualTo(f.chain.ledger().head().timestamp());
        // nothing of the document but its hash is stored
        assertThat(f.dump().values()).noneMatch(v -> v.contains(Hex.encode(utf8(PERMIT))));
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void onlyTheCollectionsSubmittersMaySubmit(SuiteId suite) {
        RecordsFixture f = RecordsFixture.create(suite);
        String col = f.createCollection("agency", "bank filings",
                Principals.of(List.of("bank-a"), List.of(f.key("citizen-1"))), Principals.empty());
        byte[] args = RecordsCalls.submitHash(col, f.hash(PERMIT), "");

        f.ok("bank-a", SUBMIT, args);
        f.ok("citizen-1", SUBMIT, args);
        for (String outsider : List.of("bank-b", "citizen-2", "regulator", "agency")) {
            Receipt r = f.refused(ResultCode.NOT_AUTHORISED, outsider, SUBMIT, args);
            assertThat(r.message()).contains("only the submitters of " + col);
        }
        assertThat(RecordsQueries.recordCount(f.state(), col)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void readersDecryptAnEncryptedRecordAndANonReaderHasNoCopyOfTheKey(SuiteId suite) throws Exception {
        RecordsFixture f = RecordsFixture.create(suite);
        String col = f.citizenFilings();

        String id = f.submitEncrypted("citizen-1", col, PERMIT, "");

        RecordEntry e = RecordsQueries.record(f.state(), id);
        assertThat(e.encrypted()).isTrue();
        assertThat(e.content().readerKeys()).containsExactlyInAnyOrder(f.key("agency").encoded(),
                f.key("regulator").encoded());
        assertThat(f.open(e, f.chain.key("agency"))).isEqualTo(PERMIT);
        assertThat(f.open(e, f.chain.key("regulator"))).isEqualTo(PERMIT);
        assertThat(f.open(e, f.chain.key("bank-a"))).isNull();
        assertThat(f.open(e, f.chain.key("citizen-1"))).isNull();
        assertThat(f.dump().values()).noneMatch(v -> v.contains(Hex.encode(utf8(PERMIT))));
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void anEnvelopeThatLeavesOutAReaderIsRefusedNamingWhoIsMissing(SuiteId suite) {
        RecordsFixture f = RecordsFixture.create(suite);
        String col = f.citizenFilings();
        byte[] onlyAgency = f.seal(col, utf8(PERMIT), List.of(f.key("agency")));

        Receipt r = f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", SUBMIT,
                RecordsCalls.submitEncrypted(col, f.hash(PERMIT), onlyAgency, ""));

        assertThat(r.message()).contains("missing 1: regulator (key " + f.key("regulator").hex().substring(0, 16));
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void anEnvelopeWrappedToSomeoneWhoIsNoReaderIsRefused(SuiteId suite) {
        RecordsFixture f = RecordsFixture.create(suite);
        String col = f.citizenFilings();
        List<PublicKey> readers = new ArrayList<>(RecordsQueries.readerKeys(f.state(), f.suite, col));
        readers.add(f.key("bank-a"));
        byte[] leaky = f.seal(col, utf8(PERMIT), readers);

        Receipt r = f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", SUBMIT,
                RecordsCalls.submitEncrypted(col, f.hash(PERMIT), leaky, ""));

        assertThat(r.message()).contains("not readers (1): " + f.key("bank-a").hex().substring(0, 16));
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void readerKeysAreTheReaderOrganisationsKeysPlusTheListedKeys(SuiteId suite) throws Exception {
        RecordsFixture f = RecordsFixture.create(suite);
        String col = f.createCollection("agency", "tax returns", Principals.keys(f.key("shop-1")),
                Principals.of(List.of("regulator"), List.of(f.key("citizen-3"), f.key("regulator"))));
        List<PublicKey> keys = RecordsQueries.readerKeys(f.state(), f.suite, col);
        assertThat(keys).containsExactlyInAnyOrder(f.key("agency"), f.key("regulator"), f.key("citizen-3"));

        String id = f.submitEncrypted("shop-1", col, "VAT return Q3", "");

        assertThat(f.open(RecordsQueries.record(f.state(), id), f.chain.key("citizen-3"))).isEqualTo("VAT return Q3");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void malformedSubmissionsAreRefusedAndChangeNothing(SuiteId suite) {
        RecordsFixture f = RecordsFixture.create(suite);
        String col = f.citizenFilings();
        byte[] hash = f.hash(PERMIT);
        byte[] envelope = f.seal(col, utf8(PERMIT), RecordsQueries.readerKeys(f.state(), f.suite, col));

        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", SUBMIT, RecordsCalls.submit(col, 3, hash, new byte[0], ""));
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", SUBMIT, RecordsCalls.submit(col, 0, hash, new byte[0], ""));
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", SUBMIT, RecordsCalls.submitHash(col, new byte[15], ""));
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", SUBMIT, RecordsCalls.submitHash(col, new byte[65], ""));
        assertThat(f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", SUBMIT,
                RecordsCalls.submit(col, RecordsContract.MODE_HASH_ONLY, hash, envelope, "")).message())
                .contains("carries no payload");
        assertThat(f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", SUBMIT,
                RecordsCalls.submitEncrypted(col, hash, new byte[0], "")).message()).contains("not a record envelope");
        byte[] truncated = java.util.Arrays.copyOf(envelope, envelope.length - 1);
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", SUBMIT, RecordsCalls.submitEncrypted(col, hash, truncated, ""));
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", SUBMIT, RecordsCalls.submitHash("", hash, ""));
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", SUBMIT, RecordsCalls.submitHash("C".repeat(65), hash, ""));
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", SUBMIT, RecordsCalls.submitHash(col, hash, "R".repeat(65)));
        f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", SUBMIT, Args.builder().string(col).int64(1).encode());
        assertThat(f.refused(ResultCode.NOT_FOUND, "citizen-1", SUBMIT, RecordsCalls.submitHash("COL-9", hash, ""))
                .message()).isEqualTo("no collection COL-9");
        assertThat(f.refused(ResultCode.NOT_FOUND, "citizen-1", SUBMIT, RecordsCalls.submitHash(col, hash, "R-7"))
                .message()).isEqualTo("no record R-7");
        assertThat(RecordsQueries.recordCount(f.state(), col)).isZero();
    }
}
