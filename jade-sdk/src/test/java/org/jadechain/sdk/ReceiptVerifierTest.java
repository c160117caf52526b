package org.jadechain.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Transaction;
import org.jadechain.core.contract.Args;
import org.jadechain.sdk.fixtures.JsonTrees;
import org.jadechain.sdk.fixtures.TestChain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiptVerifierTest {
    private static final List<VerificationCheck> ALL_BUT_DOCUMENT = List.of(VerificationCheck.FORMAT,
            VerificationCheck.CHAIN, VerificationCheck.HEADER, VerificationCheck.HEADER_HASH,
            VerificationCheck.TRANSACTION, VerificationCheck.TX_INCLUSION, VerificationCheck.RECEIPT,
            VerificationCheck.RECEIPT_INCLUSION, VerificationCheck.CERTIFICATE, VerificationCheck.EVIDENCE);

    private final Map<SuiteId, Recorded> recorded = new EnumMap<>(SuiteId.class);

    /** A chain where three documents were recorded in one block. */
    private record Recorded(TestChain chain, List<Transaction> txs, List<byte[]> documents) {
        ReceiptBundle bundle(int i) {
            return chain.bundle(txs.get(i));
        }

        ReceiptVerifier verifier() {
            return new ReceiptVerifier(chain.genesis());
        }
    }

    @BeforeAll
    void recordThreeDocuments() {
        for (SuiteId suite : SuiteId.values()) {
            TestChain chain = TestChain.create(suite, 1);
            List<byte[]> docs = List.of(utf8("sales contract, signed 1 March"), utf8("invoice 2026-114"),
                    utf8("court order 17/2026"));
            List<Transaction> txs = docs.stream()
                    .map(d -> chain.recordEvidence(chain.suite().hash(d).bytes(), "document of " + d.length + " bytes"))
                    .toList();
            chain.commit(txs.toArray(Transaction[]::new));
            recorded.put(suite, new Recorded(chain, txs, docs));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void everyRecordedDocumentHasAReceiptThatVerifiesOffline(SuiteId suite) {
        Recorded r = recorded.get(suite);
        for (int i = 0; i < r.txs().size(); i++) {
            VerificationResult result = r.verifier().verify(r.bundle(i));
            assertThat(result.valid()).as(result.toString()).isTrue();
            assertThat(result.passed()).containsExactlyElementsOf(ALL_BUT_DOCUMENT);
            assertThat(result.failedCheck()).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void theDocumentItselfMatchesItsReceipt(SuiteId suite, @TempDir Path dir) throws Exception {
        Recorded r = recorded.get(suite);
        Path document = Files.write(dir.resolve("invoice.txt"), r.documents().get(1));
        VerificationResult result = r.verifier().verifyFile(r.bundle(1), document);
        assertThat(result.valid()).as(result.toString()).isTrue();
        assertThat(result.passed()).endsWith(VerificationCheck.EVIDENCE, VerificationCheck.DOCUMENT);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void anAlteredDocumentFailsTheDocumentCheck(SuiteId suite, @TempDir Path dir) throws Exception {
        Recorded r = recorded.get(suite);
        Path altered = Files.write(dir.resolve("invoice.txt"), utf8("invoice 2026-115"));
        VerificationResult result = r.verifier().verifyFile(r.bundle(1), altered);
        assertThat(result.valid()).isFalse();
        assertThat(result.failedCheck()).isEqualTo(VerificationCheck.DOCUMENT);
        assertThat(result.reason()).contains("hashes to");

        VerificationResult missing = r.verifier().verifyFile(r.bundle(1), dir.resolve("absent.pdf"));
        assertThat(missing.failedCheck()).isEqualTo(VerificationCheck.DOCUMENT);
        assertThat(missing.reason()).startsWith("cannot read");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void changingAnyHexDigitOfAnyFieldFailsVerification(SuiteId suite) {
        Recorded r = recorded.get(suite);
        ReceiptVerifier verifier = r.verifier();
        JsonNode genuine = r.bundle(1).toJson();
        assertThat(genuine.at("/txProof/path").size()).isGreaterThan(0);
        Map<String, VerificationCheck> firstFailure = new TreeMap<>();
        int mutations = 0;
        for (String pointer : JsonTrees.allPointers(genuine)) {
            JsonNode value = genuine.at(pointer);
            if (!value.isTextual() || !isHexField(pointer)) {
                continue;
            }
            String text = value.textValue();
            for (int i = 0; i < text.length(); i++) {
                JsonNode tampered = JsonTrees.with(genuine, pointer, TextNode.valueOf(otherDigit(text, i)));
                VerificationResult result = verifier.verify(tampered);
                assertThat(result.valid()).as("%s digit %d", pointer, i).isFalse();
                assertThat(result.reason()).isNotBlank();
                firstFailure.putIfAbsent(pointer + "@" + i, result.failedCheck());
                mutations++;
            }
        }
        assertThat(mutations).isGreaterThan(1000);
        assertThat(firstFailure).containsEntry("/txHash@0", VerificationCheck.TRANSACTION)
                .containsEntry("/headerHash@5", VerificationCheck.HEADER_HASH)
                .containsEntry("/header/txRoot@3", VerificationCheck.HEADER)
                .containsEntry("/txProof/path/0@7", VerificationCheck.TX_INCLUSION)
                .containsEntry("/receiptProof/path/0@7", VerificationCheck.RECEIPT_INCLUSION)
                .containsEntry("/certificate/signatures/0/signature@9", VerificationCheck.CERTIFICATE)
                .containsEntry("/documentHash@0", VerificationCheck.EVIDENCE);
    }

    private static boolean isHexField(String pointer) {
        return !List.of("/format", "/chainId", "/suite", "/header/chainId").contains(pointer)
                && !pointer.endsWith("/validator");
    }

    private static String otherDigit(String hex, int i) {
        char c = hex.charAt(i);
        char other = "0123456789abcdef".charAt((Character.digit(c, 16) + 1) % 16);
        return hex.substring(0, i) + other + hex.substring(i + 1);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void changingAnyDisplayedFieldFailsVerification(SuiteId suite) {
        Recorded r = recorded.get(suite);
        JsonNode genuine = r.bundle(1).toJson();
        long height = genuine.at("/blockHeight").longValue();
        Map<String, JsonNode> edits = Map.ofEntries(
                Map.entry("/header/chainId", TextNode.valueOf("test-chaim")),
                Map.entry("/header/height", LongNode.valueOf(height + 1)),
                Map.entry("/header/timestamp", LongNode.valueOf(genuine.at("/header/timestamp").longValue() - 1)),
                Map.entry("/header/txCount", IntNode.valueOf(4)),
                Map.entry("/blockHeight", LongNode.valueOf(height - 1)));
        for (Map.Entry<String, JsonNode> e : edits.entrySet()) {
            VerificationResult result = r.verifier().verify(JsonTrees.with(genuine, e.getKey(), e.getValue()));
            assertThat(result.failedCheck()).as(e.getKey()).isEqualTo(VerificationCheck.HEADER);
            assertThat(result.reason()).contains(e.getKey().substring(1).replace('/', '.'));
        }
        Map<String, JsonNode> others = Map.of(
                "/chainId", TextNode.valueOf("other-chain"),
                "/suite", TextNode.valueOf(suite == SuiteId.SM ? "intl" : "sm"),
                "/format", TextNode.valueOf("jadechain-receipt/2"),
                "/txProof/treeSize", IntNode.valueOf(4),
                "/txProof/leafIndex", IntNode.valueOf(2),
                "/receiptProof/leafIndex", IntNode.valueOf(0),
                "/receiptProof/treeSize", IntNode.valueOf(4),
                "/certificate/signatures/0/validator", TextNode.valueOf("validator-2"));
        for (Map.Entry<String, JsonNode> e : others.entrySet()) {
            VerificationResult result = r.verifier().verify(JsonTrees.with(genuine, e.getKey(), e.getValue()));
            assertThat(result.valid()).as(e.getKey()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aReceiptCheckedAgainstAnotherChainsGenesisFailsAtTheCertificate(SuiteId suite) {
        Recorded r = recorded.get(suite);
        ReceiptVerifier impostor = new ReceiptVerifier(TestChain.createOther(suite, 1).genesis());
        VerificationResult result = impostor.verify(r.bundle(0));
        assertThat(result.valid()).isFalse();
        assertThat(result.failedCheck()).isEqualTo(VerificationCheck.CERTIFICATE);
        assertThat(result.reason()).contains("not a validator");
        assertThat(result.passed()).endsWith(VerificationCheck.RECEIPT_INCLUSION);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aRefusedTransactionHasNoValidReceipt(SuiteId suite) {
        TestChain chain = TestChain.create(suite, 1);
        byte[] hash = chain.suite().hash(utf8("deed")).bytes();
        Transaction first = chain.recordEvidence(hash, "original");
        Transaction again = chain.recordEvidence(hash, "copy");
        chain.commit(first, again);
        ReceiptVerifier verifier = new ReceiptVerifier(chain.genesis());
        assertThat(verifier.verify(chain.bundle(first)).valid()).isTrue();
        VerificationResult refused = verifier.verify(chain.bundle(again));
        assertThat(refused.failedCheck()).isEqualTo(VerificationCheck.RECEIPT);
        assertThat(refused.reason()).contains("ALREADY_EXISTS");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void receiptsAfterScheduledTriggersVerify(SuiteId suite) {
        TestChain chain = TestChain.create(suite, 1);
        Transaction schedule = chain.tx(new Call("evidence", "remindLater", Args.empty()));
        chain.commit(schedule);
        Transaction a = chain.recordEvidence(chain.suite().hash(utf8("a")).bytes(), "a");
        Transaction b = chain.recordEvidence(chain.suite().hash(utf8("b")).bytes(), "b");
        chain.commit(a, b);
        ReceiptVerifier verifier = new ReceiptVerifier(chain.genesis());

        ReceiptBundle second = chain.bundle(b);
        assertThat(second.receiptProof().treeSize()).isEqualTo(3);
        assertThat(second.receiptProof().leafIndex()).isEqualTo(2);
        assertThat(verifier.verify(second).valid()).isTrue();
        assertThat(verifier.verify(chain.bundle(a)).valid()).isTrue();

        VerificationResult plain = verifier.verify(chain.bundle(schedule));
        assertThat(plain.valid()).isTrue();
        assertThat(plain.passed()).doesNotContain(VerificationCheck.EVIDENCE);
        assertThat(chain.bundle(schedule).documentHash()).isNull();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aDocumentHashAddedToAnotherCallFailsTheEvidenceCheck(SuiteId suite) {
        TestChain chain = TestChain.create(suite, 1);
        Transaction schedule = chain.tx(new Call("evidence", "remindLater", Args.empty()));
        chain.commit(schedule);
        JsonNode json = JsonTrees.with(chain.bundle(schedule).toJson(), "/documentHash",
                TextNode.valueOf("00".repeat(32)));
        VerificationResult result = new ReceiptVerifier(chain.genesis()).verify(json);
        assertThat(result.failedCheck()).isEqualTo(VerificationCheck.EVIDENCE);
        assertThat(result.reason()).contains("evidence.recordEvidence");
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aCertificateNeedsAMajorityOfTheValidators(SuiteId suite) {
        TestChain chain = TestChain.create(suite, 3);
        Transaction weak = chain.recordEvidence(chain.suite().hash(utf8("one signer")).bytes(), "");
        chain.commit(1, weak);
        Transaction strong = chain.recordEvidence(chain.suite().hash(utf8("two signers")).bytes(), "");
        chain.commit(2, strong);
        ReceiptVerifier verifier = new ReceiptVerifier(chain.genesis());
        VerificationResult one = verifier.verify(chain.bundle(weak));
        assertThat(one.failedCheck()).isEqualTo(VerificationCheck.CERTIFICATE);
        assertThat(one.reason()).contains("needs 2 of 3");
        assertThat(verifier.verify(chain.bundle(strong)).valid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aSignerNotNamedAsTheGenesisNamesItFailsTheCertificateCheck(SuiteId suite) {
        Recorded r = recorded.get(suite);
        JsonNode json = JsonTrees.with(r.bundle(0).toJson(), "/certificate/signatures/0/validator", NullNode.getInstance());
        VerificationResult result = r.verifier().verify(json);
        assertThat(result.failedCheck()).isEqualTo(VerificationCheck.CERTIFICATE);
        assertThat(result.reason()).contains("validator-1");
    }
}
