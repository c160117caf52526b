package org.jadechain.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.sdk.fixtures.JsonTrees;
import org.jadechain.sdk.fixtures.TestChain;
import org.jadechain.sdk.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class GenesisFileTest {
    private final Genesis sm = TestChain.create(SuiteId.SM, 2).genesis();

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void aGenesisWrittenToAFileReadsBackEqual(SuiteId suite, @TempDir Path dir) throws Exception {
        Genesis genesis = TestChain.create(suite, 3).genesis();
        Path file = dir.resolve("genesis.json");
        GenesisFile.write(file, genesis);
        Genesis back = GenesisFile.read(file);
        assertThat(back).isEqualTo(genesis);
        assertThat(back.hash()).isEqualTo(genesis.hash());
        assertThat(GenesisFile.toText(back)).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void theFileIsPrettyPrintedInTheDocumentedShape() {
        String text = GenesisFile.toText(sm);
        assertThat(text).isEqualTo(GenesisFile.toText(GenesisFile.parse(text)));
        assertThat(text).startsWith("{\n  \"chainId\": \"test-chain\",\n  \"suite\": \"sm\",\n  \"timeZone\": \"+08:00\",\n"
                + "  \"timestamp\": 1764000000000,\n  \"organisations\": [\n    {\n      \"id\": \"central-bank\",\n");
        assertThat(text).contains("\"role\": \"CENTRAL_BANK\"", "\"parameters\": {\n    \"currency.code\": \"CNY\"\n  }\n}\n");
        String key = sm.validators().get(0).publicKey().hex();
        assertThat(key).hasSize(130).startsWith("04");
        assertThat(text).contains("\"publicKey\": \"" + key + "\"");
    }

    @ParameterizedTest
    @CsvSource({"+08:00,480", "-05:30,-330", "+00:00,0", "+14:00,840", "-14:00,-840", "+05:45,345"})
    void timeZonesAreOffsetsInMinutes(String text, int minutes) {
        assertThat(GenesisFile.parseTimeZone(text)).isEqualTo(minutes);
        assertThat(GenesisFile.formatTimeZone(minutes)).isEqualTo(text);
    }

    @Test
    void aMinimalFileNeedsNoOrganisationsOrParameters() {
        ObjectNode json = GenesisFile.toJson(sm);
        json.remove("organisations");
        json.remove("parameters");
        Genesis g = GenesisFile.fromJson(json);
        assertThat(g.organisations()).isEmpty();
        assertThat(g.parameters()).isEmpty();
        assertThat(g.validators()).isEqualTo(sm.validators());
    }

    @Test
    void everyMistakeIsReportedWithItsField() {
        JsonNode good = GenesisFile.toJson(sm);
        String otherSuiteKey = TestChain.create(SuiteId.INTL, 1).genesis().validators().get(0).publicKey().hex();
        assertInvalid(JsonTrees.without(good, "/chainId"), "chainId: missing");
        assertInvalid(JsonTrees.with(good, "/chainId", TextNode.valueOf("")), "chainId: must be 1..64 bytes of UTF-8");
        assertInvalid(JsonTrees.with(good, "/suite", TextNode.valueOf("rsa")), "suite: unknown crypto suite 'rsa' (expected sm or intl)");
        assertInvalid(JsonTrees.with(good, "/timeZone", TextNode.valueOf("UTC+8")), "timeZone: 'UTC+8' is not a UTC offset like +08:00 or -05:30");
        assertInvalid(JsonTrees.with(good, "/timeZone", TextNode.valueOf("+15:00")), "timeZone: '+15:00' is beyond ±14:00");
        assertInvalid(JsonTrees.with(good, "/timestamp", TextNode.valueOf("1764000000000")), "timestamp: expected an integer, got a string");
        assertInvalid(JsonTrees.with(good, "/timestamp", IntNode.valueOf(-1)), "timestamp: -1 is outside 0..9223372036854775807");
        assertInvalid(JsonTrees.with(good, "/organisations/0/role", TextNode.valueOf("BANK")),
                "organisations[0].role: unknown role 'BANK' (expected one of [CENTRAL_BANK, OPERATOR, COURT, MEDIATOR, AGENCY, REGULATOR])");
        assertInvalid(JsonTrees.with(good, "/organisations/0/adminKeys/0", TextNode.valueOf("xyz")), "organisations[0].adminKeys[0]: not hex");
        assertInvalid(JsonTrees.with(good, "/validators/1/publicKey", TextNode.valueOf(otherSuiteKey)),
                "validators[1].publicKey: not a valid sm public key (65 bytes expected, got 32)");
        assertInvalid(JsonTrees.with(good, "/validators/0/id", TextNode.valueOf("")), "validators[0].id: must not be empty");
        assertInvalid(JsonTrees.with(good, "/validators", Json.mapper().createArrayNode()), "validators: at least one validator is needed");
        assertInvalid(JsonTrees.with(good, "/validators/1/id", TextNode.valueOf("validator-1")),
                "validators[1].id: validator id validator-1 is used twice");
        assertInvalid(JsonTrees.with(good, "/validators/1/publicKey", good.at("/validators/0/publicKey")),
                "validators[1].publicKey: the key of validator validator-1 again");
        assertInvalid(JsonTrees.with(good, "/parameters/currency.code", IntNode.valueOf(156)), "parameters.currency.code: expected a string, got the integer 156");
        assertInvalid(JsonTrees.with(good, "/paramaters", Json.object()), "paramaters: unknown field");
        ObjectNode twice = (ObjectNode) good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) twice.get("organisations")).add(twice.at("/organisations/0").deepCopy());
        assertInvalid(twice, "organisation id used twice: central-bank");
        assertThatThrownBy(() -> GenesisFile.parse("{\"chainId\": "))
                .isInstanceOf(InvalidGenesisException.class).hasMessageStartingWith("genesis file is not valid JSON");
        assertThatThrownBy(() -> GenesisFile.parse(""))
                .isInstanceOf(InvalidGenesisException.class).hasMessage("genesis file is empty");
    }

    private static void assertInvalid(JsonNode json, String messageStart) {
        assertThatThrownBy(() -> GenesisFile.fromJson(json))
                .isInstanceOf(InvalidGenesisException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(messageStart);
    }
}
