package org.jadechain.contracts.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jadechain.contracts.records.RecordsContract.CREATE_COLLECTION;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CollectionsTest {

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void agencyCreatesACollectionAndAlwaysReadsIt(SuiteId suite) {
        RecordsFixture f = RecordsFixture.create(suite);
        Receipt r = f.ok("agency", CREATE_COLLECTION, RecordsCalls.createCollection("business licences",
                Principals.of(List.of("bank-a"), List.of(f.key("citizen-1"))), Principals.organisations("regulator")));

        assertThat(RecordsFixture.output(r, "collection")).isEqualTo("COL-1");
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(RecordsContract.COLLECTION_CREATED);
            assertThat(e.attributes()).extracting(a -> a.name() + "=" + a.value())
                    .containsExactly("collection=COL-1", "name=business licences", "agency=agency");
        });
        RecordCollection c = RecordsQueries.collection(f.state(), "COL-1");
        assertThat(c.name()).isEqualTo("business licences");
        assertThat(c.agency()).isEqualTo("agency");
        assertThat(c.creator()).isEqualTo(f.chain.address("agency"));
        assertThat(c.submitters().organisations()).containsExactly("bank-a");
        assertThat(c.submitters().keys()).containsExactly(f.key("citizen-1").encoded());
        assertThat(c.readers().organisations()).containsExactly("agency", "regulator");
        assertThat(c.readers().keys()).isEmpty();
        assertThat(c.height()).isEqualTo(1);
        assertThat(c.txHash()).isEqualTo(r.txHash());
        assertThat(RecordsQueries.readerKeys(f.state(), f.suite, "COL-1"))
                .containsExactlyInAnyOrder(f.key("agency"), f.key("regulator"));
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void onlyAnAgencyCreatesCollections(SuiteId suite) {
        RecordsFixture f = RecordsFixture.create(suite);
        byte[] args = RecordsCalls.createCollection("filings", Principals.keys(f.key("citizen-1")), Principals.empty());
        for (String who : List.of("bank-a", "regulator", "court", "central-bank", "citizen-1")) {
            Receipt r = f.refused(ResultCode.NOT_AUTHORISED, who, CREATE_COLLECTION, args);
            assertThat(r.message()).contains("AGENCY");
        }
        assertThat(RecordsQueries.collectionCount(f.state())).isZero();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void collectionsGetSequentialIdsAndAreListedInOrder(SuiteId suite) {
        RecordsFixture f = RecordsFixture.create(suite);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(f.createCollection("agency", "register " + i, Principals.organisations("bank-a"), Principals.empty()));
        }
        assertThat(ids).containsExactly("COL-1", "COL-2", "COL-3");
        assertThat(RecordsQueries.collections(f.state(), 0, 10)).extracting(RecordCollection::name)
                .containsExactly("register 1", "register 2", "register 3");
        assertThat(RecordsQueries.collections(f.state(), 1, 1)).extracting(RecordCollection::id).containsExactly("COL-2");
        assertThat(RecordsQueries.collections(f.state(), 5, 10)).isEmpty();
        assertThat(RecordsQueries.collection(f.state(), "COL-4")).isNull();
        assertThat(RecordsQueries.collection(f.state(), "x".repeat(500))).isNull();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void badDefinitionsAreRefusedAndChangeNothing(SuiteId suite) {
        RecordsFixture f = RecordsFixture.create(suite);
        Principals someone = Principals.keys(f.key("citizen-1"));
        byte[] empty = Principals.empty().encode();

        f.refused(ResultCode.INVALID_ARGUMENT, "agency", CREATE_COLLECTION,
                RecordsCalls.createCollection("", someone, Principals.empty()));
        f.refused(ResultCode.INVALID_ARGUMENT, "agency", CREATE_COLLECTION,
                RecordsCalls.createCollection("n".repeat(RecordsContract.MAX_NAME_BYTES + 1), someone, Principals.empty()));
        assertThat(f.refused(ResultCode.INVALID_ARGUMENT, "agency", CREATE_COLLECTION,
                RecordsCalls.createCollection("nobody submits", Principals.empty(), Principals.empty())).message())
                .contains("at least one submitter");
        // a key that is no key of the chain's suite
        assertThat(f.refused(ResultCode.INVALID_ARGUMENT, "agency", CREATE_COLLECTION, RecordsCalls.createCollection(
                "bad key", Principals.ofEncoded(List.of(), List.of(new byte[] {1, 2, 3})), Principals.empty())).message())
                .contains("not a " + suite.label() + " public key");
        // two organisations out of canonical order
        byte[] unordered = {2, 1, 9, 'r', 'e', 'g', 'u', 'l', 'a', 't', 'o', 'r', 1, 6, 'a', 'g', 'e', 'n', 'c', 'y'};
        assertThat(f.refused(ResultCode.INVALID_ARGUMENT, "agency", CREATE_COLLECTION,
                RecordsCalls.createCollection("unordered", someone.encode(), unordered)).message())
                .contains("canonical");
        f.refused(ResultCode.INVALID_ARGUMENT, "agency", CREATE_COLLECTION,
                RecordsCalls.createCollection("trailing", someone.encode(), new byte[] {0, 0}));
        f.refused(ResultCode.INVALID_ARGUMENT, "agency", CREATE_COLLECTION, Args.builder().string("two").bytes(empty).encode());
        assertThat(f.refused(ResultCode.NOT_FOUND, "agency", CREATE_COLLECTION, RecordsCalls.createCollection(
                "ghost readers", someone, Principals.organisations("ministry-of-magic"))).message())
                .contains("ministry-of-magic");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void theAgencyCountsTowardsTheLimitOfReaders(SuiteId suite) {
        RecordsFixture f = RecordsFixture.create(suite);
        List<org.jadechain.core.crypto.PublicKey> keys = new ArrayList<>();
        for (int i = 0; i < Principals.MAX_ENTRIES; i++) {
            keys.add(f.key("reader-" + i));
        }
        Principals full = Principals.of(List.of(), keys);
        assertThat(f.refused(ResultCode.INVALID_ARGUMENT, "agency", CREATE_COLLECTION,
                RecordsCalls.createCollection("crowded", Principals.keys(f.key("citizen-1")), full)).message())
                .contains("agency included");

        Principals withAgency = Principals.of(List.of("agency"), keys.subList(1, keys.size()));
        String id = f.createCollection("agency", "full", Principals.keys(f.key("citizen-1")), withAgency);
        assertThat(RecordsQueries.collection(f.state(), id).readers()).isEqualTo(withAgency);
    }
}
