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

    /** A ledger time (ms) in this machine's time zone, e.g. {@code 2026-11-25T22:05:01+08:00}. */
    static String localTime(long millis) {
        return java.time.Instant.ofEpochMilli(millis).atZone(java.time.ZoneId.systemDefault()).toOffsetDateTime()
                .withNano(0).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String time(long millis, int offsetMinutes) {
        return java.time.Instant.ofEpochMilli(millis).atOffset(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60))
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
