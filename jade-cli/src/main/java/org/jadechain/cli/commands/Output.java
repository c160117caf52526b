package org.jadechain.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import org.jadechain.sdk.json.Json;

/** Printing results: JSON (stable, pretty) or text lines. */
final class Output {
    private Output() {
    }

    static void json(Object value) {
        JsonNode n = value instanceof JsonNode j ? j : Json.mapper().valueToTree(value);
        System.out.print(Json.pretty(n));
        System.out.flush();
    }

    static String time(long millis, int offsetMinutes) {
        return java.time.Instant.ofEpochMilli(millis).atOffset(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60))
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
