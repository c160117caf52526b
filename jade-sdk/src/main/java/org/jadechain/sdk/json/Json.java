package org.jadechain.sdk.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SDK's JSON settings: one shared mapper, and a pretty printer whose output depends only on the
 * tree (two-space indent, {@code "name": value}, one array element per line, {@code \n} line ends and a
 * final newline), so the same document always gives the same text on every platform. Thread-safe.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectWriter PRETTY;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        PRETTY = MAPPER.writer(printer);
    }

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses one JSON value; trailing content and duplicate field names are refused. */
    public static JsonNode parse(String text) throws JsonFormatException {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new JsonFormatException("", "empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new JsonFormatException("", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads a UTF-8 JSON file. */
    public static JsonNode read(Path file) throws IOException, JsonFormatException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The stable pretty-printed text of a tree, ending with a newline. */
    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compact one-line text, for request bodies. */
    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@link #pretty} text as UTF-8. */
    public static void write(JsonNode node, Path file) throws IOException {
        Files.writeString(file, pretty(node), StandardCharsets.UTF_8);
    }
}
