package org.jadechain.sdk.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict, path-aware access to the fields of a JSON object: a missing field or a value of the wrong type
 * throws {@link JsonFormatException} naming the field (e.g. {@code certificate.signatures[0].publicKey}).
 * Numbers must be integral and in range; strings are never coerced from other types. Immutable.
 */
public final class JsonFields {
    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The fields of a document's top-level object. */
    public static JsonFields of(JsonNode root) {
        return of(root, "");
    }

    /** The fields of an object found at {@code path}. */
    public static JsonFields of(JsonNode value, String path) {
        if (value == null || !value.isObject()) {
            throw new JsonFormatException(path, "expected an object, got " + describe(value));
        }
        return new JsonFields(value, path);
    }

    public String path() {
        return path;
    }

    /** The path of a field of this object. */
    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public JsonNode node() {
        return node;
    }

    /** True when the field is present and not null. */
    public boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    /** Refuses any field not named. */
    public JsonFields allowOnly(String... names) {
        Set<String> allowed = new TreeSet<>(List.of(names));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new JsonFormatException(path(f), "unknown field (expected one of " + allowed + ")");
            }
        }
        return this;
    }

    private JsonNode required(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new JsonFormatException(path(name), "missing");
        }
        return v;
    }

    public String string(String name) {
        JsonNode v = required(name);
        if (!v.isTextual()) {
            throw new JsonFormatException(path(name), "expected a string, got " + describe(v));
        }
        return v.textValue();
    }

    /** A string, or null when the field is absent or null. */
    public String optionalString(String name) {
        return has(name) ? string(name) : null;
    }

    /** An integer in [min, max]. */
    public long integer(String name, long min, long max) {
        JsonNode v = required(name);
        if (!v.isIntegralNumber()) {
            throw new JsonFormatException(path(name), "expected an integer, got " + describe(v));
        }
        if (!v.canConvertToLong()) {
            throw new JsonFormatException(path(name), v.asText() + " is too large");
        }
        long x = v.longValue();
        if (x < min || x > max) {
            throw new JsonFormatException(path(name), x + " is outside " + min + ".." + max);
        }
        return x;
    }

    /** An integer in [min, max], or {@code absent} when the field is absent or null. */
    public long optionalInteger(String name, long min, long max, long absent) {
        return has(name) ? integer(name, min, max) : absent;
    }

    public long nonNegative(String name) {
        return integer(name, 0, Long.MAX_VALUE);
    }

    public boolean bool(String name) {
        JsonNode v = required(name);
        if (!v.isBoolean()) {
            throw new JsonFormatException(path(name), "expected true or false, got " + describe(v));
        }
        return v.booleanValue();
    }

    public JsonFields object(String name) {
        return of(required(name), path(name));
    }

    /** The elements of an array field, each checked to be an object. */
    public List<JsonFields> objects(String name) {
        List<JsonFields> out = new ArrayList<>();
        JsonNode a = array(name);
        for (int i = 0; i < a.size(); i++) {
            out.add(of(a.get(i), path(name) + "[" + i + "]"));
        }
        return out;
    }

    /** The elements of an array field, each checked to be a string. */
    public List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        JsonNode a = array(name);
        for (int i = 0; i < a.size(); i++) {
            JsonNode e = a.get(i);
            if (!e.isTextual()) {
                throw new JsonFormatException(path(name) + "[" + i + "]", "expected a string, got " + describe(e));
            }
            out.add(e.textValue());
        }
        return out;
    }

    private JsonNode array(String name) {
        JsonNode v = required(name);
        if (!v.isArray()) {
            throw new JsonFormatException(path(name), "expected an array, got " + describe(v));
        }
        return v;
    }

    /** A short description of a JSON value's type, for error messages. */
    public static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        return switch (v.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> v.isIntegralNumber() ? "the integer " + v.asText() : "the number " + v.asText();
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
