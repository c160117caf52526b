package org.jadechain.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jadechain.sdk.json.JsonFields;
import org.jadechain.sdk.json.JsonFormatException;

/** A committed transaction's receipt as the node shows it: result code and message, events and output. */
public record ReceiptView(String code, String message, String kind, List<Event> events, Map<String, String> output) {
    public ReceiptView {
        events = List.copyOf(events);
        output = Collections.unmodifiableMap(new LinkedHashMap<>(output));
    }

    /** An event a contract emitted, with its attributes in order. */
    public record Event(String contract, String type, Map<String, String> attributes) {
        public Event {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    public boolean ok() {
        return "OK".equals(code);
    }

    static ReceiptView from(JsonFields f) {
        List<Event> events = new ArrayList<>();
        if (f.has("events")) {
            for (JsonFields e : f.objects("events")) {
                events.add(new Event(e.string("contract"), e.string("type"),
                        e.has("attributes") ? strings(e.object("attributes")) : Map.of()));
            }
        }
        return new ReceiptView(f.string("code"), f.has("message") ? f.string("message") : "",
                f.optionalString("kind"), events, f.has("output") ? strings(f.object("output")) : Map.of());
    }

    private static Map<String, String> strings(JsonFields f) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : f.node().properties()) {
            if (!e.getValue().isTextual()) {
                throw new JsonFormatException(f.path(e.getKey()), "expected a string, got " + JsonFields.describe(e.getValue()));
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }
}
