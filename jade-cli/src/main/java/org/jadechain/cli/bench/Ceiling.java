package org.jadechain.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jadechain.sdk.json.Json;

/**
 * This machine's signature-verification ceiling for one suite: transactions checked per second the way a
 * node checks them (decode the sender key through the suite, verify the signature over the body), on one
 * thread and on {@code threads} threads at once (wall clock); and, from the all-cores run, checks per
 * second of the checking threads' CPU time — what one core does when nothing else competes for it.
 */
public record Ceiling(String suite, double oneThread, double allCores, int threads, int senders, int signatures,
                      long warmupMillis, long durationMillis, double perCpuSecond) {

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("suite", suite).put("oneThreadPerSecond", Math.round(oneThread))
                .put("allCoresPerSecond", Math.round(allCores)).put("threads", threads).put("senders", senders)
                .put("signatures", signatures).put("warmupMillis", warmupMillis).put("durationMillis", durationMillis)
                .put("perCpuSecond", Math.round(perCpuSecond));
        return n;
    }

    /** Reads what {@link #toJson()} wrote. */
    public static Ceiling fromJson(JsonNode n) {
        if (!n.path("allCoresPerSecond").isNumber()) {
            throw new IllegalArgumentException("not a saved ceiling: no allCoresPerSecond");
        }
        return new Ceiling(n.path("suite").asText(), n.path("oneThreadPerSecond").asDouble(),
                n.path("allCoresPerSecond").asDouble(), n.path("threads").asInt(), n.path("senders").asInt(),
                n.path("signatures").asInt(), n.path("warmupMillis").asLong(), n.path("durationMillis").asLong(),
                n.path("perCpuSecond").asDouble());
    }

    /**
     * Of two measurements of the same suite, the one with the higher all-cores rate: what the machine can do
     * at least, when something else (a node still compiling or compacting) may have slowed one of them.
     */
    public static Ceiling higher(Ceiling a, Ceiling b) {
        if (!a.suite().equals(b.suite())) {
            throw new IllegalArgumentException("ceilings of different suites: " + a.suite() + ", " + b.suite());
        }
        return b.allCores() > a.allCores() ? b : a;
    }

    /** A ceiling given on the command line: only the all-cores rate is known. */
    public static Ceiling given(String suite, double allCores) {
        return new Ceiling(suite, 0, allCores, 0, 0, 0, 0, 0, 0);
    }
}
