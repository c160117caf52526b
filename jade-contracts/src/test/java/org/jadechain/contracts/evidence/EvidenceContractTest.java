package org.jadechain.contracts.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.jadechain.contracts.SystemContracts;
import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.jadechain.testkit.TestChain;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EvidenceContractTest {

    private static byte[] args(byte[] hash, String metadata) {
        return Args.builder().bytes(hash).string(metadata).encode();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void citizenRecordsADocumentHashAndAnyoneCanLookItUp(SuiteId suite) {
        TestChain chain = TestChain.create(suite, SystemContracts.registry());
        byte[] hash = chain.suite().hash("contract scan".getBytes(java.nio.charset.StandardCharsets.UTF_8)).bytes();

        Receipt r = chain.submit("citizen-1", "evidence", "recordEvidence", args(hash, "lease, page 1-3"));

        assertThat(r.code()).isEqualTo(ResultCode.OK);
        assertThat(r.events()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("EvidenceRecorded"));
        EvidenceRecord rec = EvidenceContract.lookup(chain.store(), hash);
        assertThat(rec.recorder()).isEqualTo(chain.address("citizen-1"));
        assertThat(rec.metadata()).isEqualTo("lease, page 1-3");
        assertThat(rec.height()).isEqualTo(1);
        assertThat(rec.txHash()).isEqualTo(r.txHash());
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void recordingTheSameDocumentTwiceIsRefusedAndKeepsTheFirstRecord(SuiteId suite) {
        TestChain chain = TestChain.create(suite, SystemContracts.registry());
        byte[] hash = new byte[32];
        hash[0] = 7;
        Receipt first = chain.submit("citizen-1", "evidence", "recordEvidence", args(hash, "first"));
        Receipt second = chain.submit("court", "evidence", "recordEvidence", args(hash, "second"));

        assertThat(second.code()).isEqualTo(ResultCode.ALREADY_EXISTS);
        assertThat(second.message()).contains(first.txHash().hex());
        assertThat(EvidenceContract.lookup(chain.store(), hash).metadata()).isEqualTo("first");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void malformedArgumentsAreRefusedWithInvalidArgument(SuiteId suite) {
        TestChain chain = TestChain.create(suite, SystemContracts.registry());
        assertThat(chain.submit("citizen-1", "evidence", "recordEvidence", args(new byte[3], "short")).code())
                .isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(chain.submit("citizen-1", "evidence", "recordEvidence", Args.builder().string("x").encode()).code())
                .isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(chain.submit("citizen-1", "evidence", "recordEvidence", new byte[] {9, 9}).code())
                .isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(chain.submit("citizen-1", "evidence", "recordEvidence",
                args(new byte[32], "m".repeat(EvidenceContract.MAX_METADATA_BYTES + 1))).code())
                .isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(chain.submit("citizen-1", "evidence", "noSuchMethod", Args.empty()).code())
                .isEqualTo(ResultCode.UNKNOWN_METHOD);
    }
}
