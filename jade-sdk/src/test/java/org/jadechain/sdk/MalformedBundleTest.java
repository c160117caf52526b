package org.jadechain.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Transaction;
import org.jadechain.sdk.fixtures.JsonTrees;
import org.jadechain.sdk.fixtures.TestChain;
import org.junit.jupiter.api.Test;

/** Whatever a bundle file holds, verification answers with a failed check and a reason, never an exception. */
class MalformedBundleTest {
    private static final Fixture FIXTURE = new Fixture();

    private static final class Fixture {
        final ReceiptVerifier verifier;
        final JsonNode genuine;
        final String text;

        Fixture() {
            TestChain chain = TestChain.create(SuiteId.INTL, 1);
            Transaction a = chain.recordEvidence(chain.suite().hash("a".getBytes(StandardCharsets.UTF_8)).bytes(), "a");
            Transaction b = chain.recordEvidence(chain.suite().hash("b".getBytes(StandardCharsets.UTF_8)).bytes(), "b");
            chain.commit(a, b);
            verifier = new ReceiptVerifier(chain.genesis());
            genuine = chain.bundle(b).toJson();
            text = chain.bundle(b).toText();
        }
    }

    private static final List<JsonNode> WRONG_VALUES = List.of(NullNode.getInstance(), IntNode.valueOf(7),
            IntNode.valueOf(-1), DoubleNode.valueOf(1.5), TextNode.valueOf("zz"), TextNode.valueOf(""),
            BooleanNode.TRUE, JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode());

    @Test
    void theGenuineBundleIsValid() {
        assertThat(FIXTURE.verifier.verify(FIXTURE.genuine).valid()).isTrue();
        assertThat(FIXTURE.verifier.verifyText(FIXTURE.text).valid()).isTrue();
    }

    @Test
    void anyFieldRemovedOrReplacedByAnotherKindOfValueFailsWithAReason() {
        for (String pointer : JsonTrees.allPointers(FIXTURE.genuine)) {
            VerificationResult removed = FIXTURE.verifier.verify(JsonTrees.without(FIXTURE.genuine, pointer));
            if (pointer.equals("/documentHash")) {
                assertThat(removed.valid()).as("a receipt without its document hash is still a receipt").isTrue();
            } else {
                assertFailed(removed, pointer);
            }
            for (JsonNode wrong : WRONG_VALUES) {
                if (pointer.equals("/documentHash") && wrong.isNull()) {
                    continue;
                }
                VerificationResult result = FIXTURE.verifier.verify(JsonTrees.with(FIXTURE.genuine, pointer, wrong));
                assertFailed(result, pointer + " = " + wrong);
                if (result.failedCheck() == VerificationCheck.FORMAT && !wrong.isContainerNode() && !wrong.isNull()
                        && !FIXTURE.genuine.at(pointer).isContainerNode()) {
                    assertThat(result.reason()).as(pointer).contains(dotted(pointer));
                }
            }
        }
    }

    private static void assertFailed(VerificationResult result, String what) {
        assertThat(result.valid()).as(what).isFalse();
        assertThat(result.failedCheck()).as(what).isNotNull();
        assertThat(result.reason()).as(what).isNotBlank();
    }

    /** {@code /txProof/path/0} as the verifier names it: {@code txProof.path[0]}. */
    private static String dotted(String pointer) {
        return pointer.substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.');
    }

    @Test
    void textThatIsNotABundleFailsTheFormatCheck() {
        for (String text : List.of("", "not json", "[]", "null", "{}", "{\"format\": \"jadechain-receipt/1\"}",
                FIXTURE.text + "{}", FIXTURE.text.replace("\"blockHeight\": ", "\"blockHeight\": 99999999999999999999"))) {
            VerificationResult result = FIXTURE.verifier.verifyText(text);
            assertThat(result.failedCheck()).as(text).isEqualTo(VerificationCheck.FORMAT);
            assertThat(result.passed()).isEmpty();
        }
        assertThat(FIXTURE.verifier.verifyText("{\"format\": \"jadechain-receipt/1\"}").reason()).isEqualTo("chainId: missing");
    }

    @Test
    void hexMustBeLowerCaseWithoutPrefix() {
        String txHash = FIXTURE.genuine.get("txHash").textValue();
        VerificationResult upper = FIXTURE.verifier.verify(
                JsonTrees.with(FIXTURE.genuine, "/txHash", TextNode.valueOf(txHash.toUpperCase(java.util.Locale.ROOT))));
        assertThat(upper.failedCheck()).isEqualTo(VerificationCheck.FORMAT);
        assertThat(upper.reason()).startsWith("txHash is not lower-case hex");
        VerificationResult prefixed = FIXTURE.verifier.verify(
                JsonTrees.with(FIXTURE.genuine, "/header/encoded",
                        TextNode.valueOf("0x" + FIXTURE.genuine.at("/header/encoded").textValue())));
        assertThat(prefixed.failedCheck()).isEqualTo(VerificationCheck.FORMAT);
        assertThat(prefixed.reason()).startsWith("header.encoded is not lower-case hex");
        VerificationResult shortHash = FIXTURE.verifier.verify(
                JsonTrees.with(FIXTURE.genuine, "/headerHash", TextNode.valueOf("abcd")));
        assertThat(shortHash.reason()).isEqualTo("headerHash must be 32 bytes (64 hex digits), got 4 digits");
    }

    @Property(tries = 300)
    void corruptingTheTextAnywhereNeverThrows(@ForAll("edits") List<Edit> edits) {
        StringBuilder sb = new StringBuilder(FIXTURE.text);
        for (Edit e : edits) {
            int at = e.position() % (sb.length() + 1);
            switch (e.kind()) {
                case 0 -> sb.insert(at, e.c());
                case 1 -> {
                    if (at < sb.length()) {
                        sb.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < sb.length()) {
                        sb.setCharAt(at, e.c());
                    }
                }
            }
        }
        VerificationResult result = FIXTURE.verifier.verifyText(sb.toString());
        if (!result.valid()) {
            assertThat(result.failedCheck()).isNotNull();
            assertThat(result.reason()).isNotBlank();
        }
    }

    record Edit(int kind, int position, char c) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.chars().with('"', '{', '}', '[', ']', ',', ':', '0', '9', 'a', 'f', 'g', '-', ' ', '\\', 'é'))
                .as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4);
    }
}
