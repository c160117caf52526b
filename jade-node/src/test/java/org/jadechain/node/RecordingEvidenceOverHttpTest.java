package org.jadechain.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Transaction;
import org.jadechain.sdk.EvidenceCalls;
import org.jadechain.sdk.ReceiptBundle;
import org.jadechain.sdk.ReceiptVerifier;
import org.jadechain.sdk.VerificationCheck;
import org.jadechain.sdk.VerificationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A citizen records a document's hash over the REST API and gets back everything needed to prove it. */
class RecordingEvidenceOverHttpTest {
    @TempDir
    Path dir;

    private JadeNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private Api start(NodeDirectory chain) throws Exception {
        node = JadeNode.start(chain.config(), System::currentTimeMillis);
        return new Api(node.apiPort());
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void evidenceRecordedOverHttpIsCommittedWithAProofTheGenesisKeysAccept(SuiteId suite) throws Exception {
        NodeDirectory chain = NodeDirectory.create(dir, suite);
        Api api = start(chain);
        String citizen = chain.address("citizen-1").hex();

        JsonNode status = api.status();
        assertThat(status.path("chainId").asText()).isEqualTo(NodeDirectory.CHAIN_ID);
        assertThat(status.path("suite").asText()).isEqualTo(suite.label());
        assertThat(status.path("height").asLong()).isZero();
        assertThat(status.path("consensus").asText()).isEqualTo("solo");
        assertThat(status.path("mempool").path("capacity").asInt()).isEqualTo(10_000);
        assertThat(status.path("validators").get(0).path("id").asText()).isEqualTo("validator-1");
        assertThat(status.path("validators").get(0).path("address").asText()).isEqualTo(chain.address("validator-1").hex());
        assertNonces(api, citizen, 0, 0);

        Transaction tx = chain.evidence("citizen-1", 0, "signed lease");
        Api.Answer submitted = api.submit(tx);
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
        assertThat(submitted.json().path("txHash").asText()).isEqualTo(tx.hash().hex());
        assertThat(submitted.json().path("status").asText()).isEqualTo("PENDING");

        Api.Answer waited = api.get("/v1/transactions/" + tx.hash().hex() + "?wait=5000");
        assertThat(waited.status()).isEqualTo(200);
        JsonNode view = waited.json();
        assertThat(view.path("status").asText()).isEqualTo("COMMITTED");
        assertThat(view.path("height").asLong()).isEqualTo(1);
        assertThat(view.path("index").asInt()).isZero();
        assertThat(view.path("receipt").path("code").asText()).isEqualTo("OK");
        assertThat(view.path("receipt").path("kind").asText()).isEqualTo("TRANSACTION");
        assertThat(view.path("receipt").path("events").get(0).path("type").asText()).isEqualTo("EvidenceRecorded");
        JsonNode shown = view.path("transaction");
        assertThat(shown.path("chainId").asText()).isEqualTo(NodeDirectory.CHAIN_ID);
        assertThat(shown.path("suite").asText()).isEqualTo(suite.label());
        assertThat(shown.path("sender").asText()).isEqualTo(citizen);
        assertThat(shown.path("nonce").asLong()).isZero();
        assertThat(shown.path("contract").asText()).isEqualTo(EvidenceCalls.CONTRACT);
        assertThat(shown.path("method").asText()).isEqualTo(EvidenceCalls.RECORD_EVIDENCE);
        assertThat(shown.path("args").get(0).path("type").asText()).isEqualTo("bytes");
        assertThat(shown.path("args").get(0).path("value").asText()).isEqualTo(Hex.encode(chain.document("signed lease")));
        assertThat(shown.path("args").get(1).path("value").asText()).isEqualTo("signed lease");
        assertThat(shown.path("encoded").asText()).isEqualTo(Hex.encode(tx.unsafeEncoded()));

        Api.Answer proof = api.get("/v1/transactions/" + tx.hash().hex() + "/proof");
        assertThat(proof.status()).isEqualTo(200);
        ReceiptBundle bundle = ReceiptBundle.fromJson(proof.json());
        VerificationResult verdict = new ReceiptVerifier(chain.genesis()).verify(bundle);
        assertThat(verdict.valid()).as("%s", verdict).isTrue();
        assertThat(verdict.passed()).contains(VerificationCheck.CERTIFICATE, VerificationCheck.EVIDENCE);
        assertThat(bundle.blockHeight()).isEqualTo(1);
        assertThat(bundle.documentHash()).isEqualTo(Hex.encode(chain.document("signed lease")));

        Api.Answer byHeight = api.get("/v1/blocks/1");
        assertThat(byHeight.status()).isEqualTo(200);
        String blockHash = byHeight.json().path("hash").asText();
        assertThat(blockHash).isEqualTo(bundle.headerHash());
        Api.Answer byHash = api.get("/v1/blocks/hash/" + blockHash);
        assertThat(byHash.status()).isEqualTo(200);
        assertThat(byHash.json()).isEqualTo(byHeight.json());
        JsonNode block = byHeight.json();
        assertThat(block.path("header").path("height").asLong()).isEqualTo(1);
        assertThat(block.path("header").path("txCount").asInt()).isEqualTo(1);
        assertThat(block.path("transactions").get(0).path("txHash").asText()).isEqualTo(tx.hash().hex());
        assertThat(block.path("transactions").get(0).path("code").asText()).isEqualTo("OK");
        assertThat(block.path("transactions").get(0).path("sender").asText()).isEqualTo(citizen);
        assertThat(block.path("certificate").path("signatures")).hasSize(1);
        assertThat(block.path("certificate").path("signatures").get(0).path("validator").asText()).isEqualTo("validator-1");
        assertThat(block.path("header").path("previousHash").asText())
                .isEqualTo(api.get("/v1/blocks/0").json().path("hash").asText());

        Api.Answer record = api.get("/v1/evidence/" + Hex.encode(chain.document("signed lease")));
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.json().path("recorder").asText()).isEqualTo(citizen);
        assertThat(record.json().path("metadata").asText()).isEqualTo("signed lease");
        assertThat(record.json().path("height").asLong()).isEqualTo(1);
        assertThat(record.json().path("txHash").asText()).isEqualTo(tx.hash().hex());
        assertThat(record.json().path("timestamp").asLong()).isEqualTo(view.path("timestamp").asLong());

        assertNonces(api, citizen, 1, 1);
        JsonNode after = api.status();
        assertThat(after.path("height").asLong()).isEqualTo(1);
        assertThat(after.path("headHash").asText()).isEqualTo(blockHash);
        assertThat(after.path("stateRoot").asText()).isEqualTo(block.path("header").path("stateRoot").asText());
        assertThat(after.path("mempool").path("size").asInt()).isZero();
    }

    @Test
    void rawTransactionBytesAreAcceptedAsAnOctetStream() throws Exception {
        NodeDirectory chain = NodeDirectory.create(dir, SuiteId.INTL);
        Api api = start(chain);
        Transaction tx = chain.evidence("citizen-2", 0, "raw upload");

        Api.Answer a = api.send("POST", "/v1/transactions", "application/octet-stream", tx.encoded());

        assertThat(a.status()).as("%s", a).isEqualTo(202);
        assertThat(a.json().path("txHash").asText()).isEqualTo(tx.hash().hex());
        assertThat(api.awaitCommitted(tx.hash().hex()).path("receipt").path("code").asText()).isEqualTo("OK");
    }

    @Test
    void aRefusedCallStillUsesItsNonceSoTheSendersNextTransactionCommits() throws Exception {
        NodeDirectory chain = NodeDirectory.create(dir, SuiteId.INTL);
        Api api = start(chain);
        String first = api.accepted(chain.evidence("citizen-1", 0, "deed"));
        api.awaitCommitted(first);

        Transaction again = chain.evidence("citizen-2", 0, "deed");
        JsonNode refused = api.awaitCommitted(api.accepted(again));
        assertThat(refused.path("receipt").path("code").asText()).isEqualTo("ALREADY_EXISTS");
        assertThat(refused.path("receipt").path("message").asText()).contains(first);
        Transaction tooShort = chain.builder("citizen-2").build(1, EvidenceCalls.recordEvidence(new byte[3], "short"));
        assertThat(api.awaitCommitted(api.accepted(tooShort)).path("receipt").path("code").asText())
                .isEqualTo("INVALID_ARGUMENT");
        Transaction next = chain.evidence("citizen-2", 2, "will");
        assertThat(api.awaitCommitted(api.accepted(next)).path("receipt").path("code").asText()).isEqualTo("OK");
        assertNonces(api, chain.address("citizen-2").hex(), 3, 3);

        ReceiptBundle refusedProof = ReceiptBundle.fromJson(api.get("/v1/transactions/" + again.hash().hex() + "/proof").json());
        VerificationResult verdict = new ReceiptVerifier(chain.genesis()).verify(refusedProof);
        assertThat(verdict.failedCheck()).as("a refused call is not proof of a record").isEqualTo(VerificationCheck.RECEIPT);
        assertThat(api.get("/v1/evidence/" + Hex.encode(chain.document("deed"))).json().path("txHash").asText())
                .isEqualTo(first);
    }

    @Test
    void aRestartedNodeResumesAtTheSameHeightWithItsRecordsAndProofs() throws Exception {
        NodeDirectory chain = NodeDirectory.create(dir, SuiteId.SM);
        Api api = start(chain);
        String hash = api.accepted(chain.evidence("citizen-3", 0, "minutes"));
        api.awaitCommitted(hash);
        JsonNode before = api.status();
        String proofBefore = api.get("/v1/transactions/" + hash + "/proof").body();

        node.close();
        node = null;
        api = start(chain);

        JsonNode after = api.status();
        assertThat(after.path("height").asLong()).isEqualTo(before.path("height").asLong());
        assertThat(after.path("headHash").asText()).isEqualTo(before.path("headHash").asText());
        assertThat(after.path("stateRoot").asText()).isEqualTo(before.path("stateRoot").asText());
        assertThat(api.get("/v1/transactions/" + hash + "/proof").body()).isEqualTo(proofBefore);
        assertThat(api.get("/v1/evidence/" + Hex.encode(chain.document("minutes"))).status()).isEqualTo(200);
        assertNonces(api, chain.address("citizen-3").hex(), 1, 1);
        String next = api.accepted(chain.evidence("citizen-3", 1, "minutes, second meeting"));
        assertThat(api.awaitCommitted(next).path("height").asLong()).isEqualTo(before.path("height").asLong() + 1);
    }

    private static void assertNonces(Api api, String address, long nonce, long pendingNonce) {
        Api.Answer a = api.get("/v1/accounts/" + address + "/nonce");
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        assertThat(a.json().path("address").asText()).isEqualTo(address);
        assertThat(a.json().path("nonce").asLong()).isEqualTo(nonce);
        assertThat(a.json().path("pendingNonce").asLong()).isEqualTo(pendingNonce);
    }
}
