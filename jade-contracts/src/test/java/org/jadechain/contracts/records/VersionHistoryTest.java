package org.jadechain.contracts.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jadechain.contracts.records.RecordsContract.SUBMIT;

import java.util.List;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VersionHistoryTest {

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aCorrectionIsVersionTwoAndTheHistoryKeepsBoth(SuiteId suite) throws Exception {
        RecordsFixture f = RecordsFixture.create(suite);
        String col = f.citizenFilings();
        String v1 = f.submitEncrypted("citizen-1", col, "address: 1 Wangfujing St", "");

        Receipt r = f.ok("citizen-1", SUBMIT, RecordsCalls.submitEncrypted(col, f.hash("address: 11 Wangfujing St"),
                f.seal(col, RecordsFixture.utf8("address: 11 Wangfujing St"),
                        RecordsQueries.readerKeys(f.state(), f.suite, col)), v1));
        String v2 = RecordsFixture.output(r, "record");

        assertThat(RecordsFixture.output(r, "version")).isEqualTo("2");
        assertThat(r.events().get(0).attributes()).extracting(a -> a.name() + "=" + a.value())
                .contains("record=" + v2, "version=2", "previous=" + v1);
        RecordEntry second = RecordsQueries.record(f.state(), v2);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.previous()).isEqualTo(v1);
        assertThat(second.first()).isEqualTo(v1);
        assertThat(second.latest()).isTrue();
        RecordEntry first = RecordsQueries.record(f.state(), v1);
        assertThat(first.next()).isEqualTo(v2);
        assertThat(first.latest()).isFalse();
        for (String any : List.of(v1, v2)) {
            assertThat(RecordsQueries.history(f.state(), any)).extracting(RecordEntry::id, RecordEntry::version)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(v1, 1L), org.assertj.core.groups.Tuple.tuple(v2, 2L));
            assertThat(RecordsQueries.latest(f.state(), any).id()).isEqualTo(v2);
        }
        // the old version is still there, unchanged, and still readable
        assertThat(f.open(first, f.chain.key("regulator"))).isEqualTo("address: 1 Wangfujing St");
        assertThat(f.open(second, f.chain.key("regulator"))).isEqualTo("address: 11 Wangfujing St");
        assertThat(RecordsQueries.records(f.state(), col, 0, 10)).extracting(RecordEntry::id).containsExactly(v1, v2);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void correctingAVersionThatWasAlreadyCorrectedIsRefused(SuiteId suite) {
        RecordsFixture f = RecordsFixture.create(suite);
        String col = f.citizenFilings();
        String v1 = f.submitHash("citizen-1", col, "draft", "");
        String v2 = f.submitHash("citizen-1", col, "final", v1);

        Receipt r = f.refused(ResultCode.INVALID_STATE, "citizen-1", SUBMIT,
                RecordsCalls.submitHash(col, f.hash("final, really"), v1));

        assertThat(r.message()).startsWith("record " + v1 + " already has a newer version " + v2);
        String v3 = f.submitHash("citizen-1", col, "final, really", v2);
        assertThat(RecordsQueries.history(f.state(), v1)).extracting(RecordEntry::id).containsExactly(v1, v2, v3);
        assertThat(RecordsQueries.record(f.state(), v3).version()).isEqualTo(3);
        assertThat(RecordsQueries.record(f.state(), v3).first()).isEqualTo(v1);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void onlyTheOriginalSubmitterCorrectsARecord(SuiteId suite) {
        RecordsFixture f = RecordsFixture.create(suite);
        String col = f.citizenFilings();
        String v1 = f.submitHash("citizen-1", col, "citizen-1's form", "");

        Receipt r = f.refused(ResultCode.NOT_AUTHORISED, "citizen-2", SUBMIT,
                RecordsCalls.submitHash(col, f.hash("tampered form"), v1));

        assertThat(r.message()).contains("only that key may correct it");
        assertThat(f.refused(ResultCode.NOT_AUTHORISED, "bank-a", SUBMIT,
                RecordsCalls.submitHash(col, f.hash("tampered form"), v1)).message()).contains("only the submitters");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aCorrectionStaysInItsCollection(SuiteId suite) {
        RecordsFixture f = RecordsFixture.create(suite);
        String permits = f.citizenFilings();
        String other = f.citizenFilings();
        String v1 = f.submitHash("citizen-1", permits, "form", "");

        Receipt r = f.refused(ResultCode.INVALID_ARGUMENT, "citizen-1", SUBMIT,
                RecordsCalls.submitHash(other, f.hash("form v2"), v1));

        assertThat(r.message()).isEqualTo("record " + v1 + " belongs to collection " + permits + ", not " + other);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aCollectionsRecordsArePagedInOrderOfSubmission(SuiteId suite) {
        RecordsFixture f = RecordsFixture.create(suite);
        String a = f.citizenFilings();
        String b = f.citizenFilings();
        f.submitHash("citizen-1", a, "a1", "");
        f.submitHash("citizen-2", b, "b1", "");
        f.submitHash("citizen-2", a, "a2", "");
        f.submitHash("citizen-1", a, "a1 corrected", "R-1");

        assertThat(RecordsQueries.recordCount(f.state(), a)).isEqualTo(3);
        assertThat(RecordsQueries.records(f.state(), a, 0, 100)).extracting(RecordEntry::id)
                .containsExactly("R-1", "R-3", "R-4");
        assertThat(RecordsQueries.records(f.state(), a, 1, 1)).extracting(RecordEntry::id).containsExactly("R-3");
        assertThat(RecordsQueries.records(f.state(), b, 0, 100)).extracting(RecordEntry::id).containsExactly("R-2");
        assertThat(RecordsQueries.records(f.state(), "COL-9", 0, 100)).isEmpty();
        assertThat(RecordsQueries.history(f.state(), "R-9")).isEmpty();
        assertThat(RecordsQueries.record(f.state(), "R-9")).isNull();
        assertThat(RecordsQueries.latest(f.state(), "R-9")).isNull();
    }
}
