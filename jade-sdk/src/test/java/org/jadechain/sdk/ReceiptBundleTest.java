package org.jadechain.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.core.model.Transaction;
import org.jadechain.sdk.fixtures.TestChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptBundleTest {
    private final TestChain chain = TestChain.create(SuiteId.SM, 1);

    private Transaction recordOne(String document) {
        Transaction tx = chain.recordEvidence(chain.suite().hash(document.getBytes(StandardCharsets.UTF_8)).bytes(), "note");
        chain.commit(tx);
        return tx;
    }

    @Test
    void aBundleHasTheDocumentedFieldsInOrder() {
        JsonNode json = chain.bundle(recordOne("lease")).toJson();
        assertThat(names(json)).containsExactly("format", "documentHash", "chainId", "suite", "txHash", "blockHeight",
                "transaction", "txProof", "receipt", "receiptProof", "header", "headerHash", "certificate");
        assertThat(names(json.get("txProof"))).containsExactly("leafIndex", "treeSize", "path");
        assertThat(names(json.get("header"))).containsExactly("chainId", "height", "previousHash", "timestamp",
                "txCount", "txRoot", "receiptRoot", "stateRoot", "proposer", "encoded");
        assertThat(names(json.get("certificate"))).containsExactly("headerHash", "signatures", "encoded");
        assertThat(names(json.at("/certificate/signatures/0"))).containsExactly("validator", "publicKey", "signature");
        assertThat(json.get("format").textValue()).isEqualTo("jadechain-receipt/1");
        assertThat(json.at("/certificate/signatures/0/validator").textValue()).isEqualTo("validator-1");
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void aBundleSavedToAFileReadsBackTheSameAndPrettyPrinted(@TempDir Path dir) throws Exception {
        ReceiptBundle bundle = chain.bundle(recordOne("deed"));
        Path file = dir.resolve("receipt.json");
        bundle.write(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n  \"format\": \"jadechain-receipt/1\",\n").endsWith("}\n");
        assertThat(text).contains("\"path\": [ ]").contains("\"signatures\": [\n      {\n");
        ReceiptBundle back = ReceiptBundle.read(file);
        assertThat(back).isEqualTo(bundle);
        assertThat(back.toText()).isEqualTo(text);
        assertThat(new ReceiptVerifier(chain.genesis()).verify(back).valid()).isTrue();
    }

    @Test
    void aBundleWithoutADocumentHashLeavesTheFieldOut() {
        ReceiptBundle bundle = chain.bundle(recordOne("will"));
        ReceiptBundle plain = new ReceiptBundle(bundle.format(), null, bundle.chainId(), bundle.suite(),
                bundle.txHash(), bundle.blockHeight(), bundle.transaction(), bundle.txProof(), bundle.receipt(),
                bundle.receiptProof(), bundle.header(), bundle.headerHash(), bundle.certificate());
        assertThat(plain.toJson().has("documentHash")).isFalse();
        assertThat(ReceiptBundle.fromJson(plain.toJson())).isEqualTo(plain);
    }

    @Test
    void aMistypedFieldIsNamedWhenReading() {
        assertThatThrownBy(() -> ReceiptBundle.parse("{\"format\": 1}"))
                .isInstanceOf(InvalidBundleException.class).hasMessage("format: expected a string, got the integer 1");
        assertThatThrownBy(() -> ReceiptBundle.parse("{\"format\": "))
                .isInstanceOf(InvalidBundleException.class).hasMessageStartingWith("receipt bundle is not valid JSON");
    }

    @Test
    void buildingRefusesPartsOfOtherBlocks() throws Exception {
        Transaction first = recordOne("first");
        Transaction second = recordOne("second");
        StoredBlock b1 = chain.store().block(chain.store().locate(first.hash()).height());
        StoredBlock b2 = chain.store().block(chain.store().locate(second.hash()).height());
        CommitCertificate otherCert = b2.certificate();
        assertThatThrownBy(() -> ReceiptBundles.build(b1.block(), b1.receipts(), 1, b1.certificate(), chain.genesis()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside a block of 1");
        assertThatThrownBy(() -> ReceiptBundles.build(b1.block(), b2.receipts(), 0, b1.certificate(), chain.genesis()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receipts do not belong");
        assertThatThrownBy(() -> ReceiptBundles.build(b1.block(), b1.receipts(), 0, otherCert, chain.genesis()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("certificate is not for block");
    }
}
