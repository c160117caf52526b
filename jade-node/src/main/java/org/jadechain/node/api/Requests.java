package org.jadechain.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.Hex;

/** Strict parsing of request bodies, path and query parameters into 400 errors that say what is wrong. */
final class Requests {
    private Requests() {
    }

    /**
     * The request body, refused with 413 beyond {@link ApiServer#MAX_BODY_BYTES} however it is framed:
     * Javalin's own limit looks only at a declared Content-Length, and a chunked body declares none, so
     * the body is read here with a bound rather than whole.
     */
    static byte[] body(Context ctx) {
        long limit = ApiServer.MAX_BODY_BYTES;
        if (ctx.req().getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        byte[] body;
        try {
            body = ctx.req().getInputStream().readNBytes((int) limit + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read the request body: " + e.getMessage());
        }
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        return body;
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(413, "TOO_LARGE", "request body over " + limit + " bytes");
    }

    static JsonNode jsonBody(Context ctx, ObjectMapper json) {
        byte[] body = body(ctx);
        if (body.length == 0) {
            throw ApiException.badRequest("request body is empty; expected JSON");
        }
        try {
            JsonNode n = json.readTree(body);
            if (n == null || !n.isObject()) {
                throw ApiException.badRequest("request body must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw ApiException.badRequest("request body is not valid JSON");
        }
    }

    static byte[] hexField(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) {
            throw ApiException.badRequest("field '" + field + "' must be a hex string");
        }
        try {
            return Hex.decode(v.asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("field '" + field + "': " + e.getMessage());
        }
    }

    static Hash hashParam(Context ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            byte[] b = Hex.decode(v);
            if (b.length != Hash.LENGTH) {
                throw new IllegalArgumentException("expected 64 hex digits");
            }
            return Hash.wrap(b);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + abbreviate(v) + "' is not a hash: " + e.getMessage());
        }
    }

    static byte[] bytesParam(Context ctx, String name, int maxBytes) {
        String v = ctx.pathParam(name);
        try {
            byte[] b = Hex.decode(v);
            if (b.length == 0 || b.length > maxBytes) {
                throw new IllegalArgumentException("expected 1.." + maxBytes + " bytes");
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + abbreviate(v) + "' is not valid hex: " + e.getMessage());
        }
    }

    static Address addressParam(Context ctx, String name) {
        return address(ctx.pathParam(name), name);
    }

    /** An address given as text (a path or query parameter called {@code what}). */
    static Address address(String v, String what) {
        try {
            return Address.fromHex(v);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(what + " '" + abbreviate(v) + "' is not an address: " + e.getMessage());
        }
    }

    static long longParam(Context ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + abbreviate(v) + "' is not a non-negative integer");
        }
    }

    static long longQuery(Context ctx, String name, long dflt, long min, long max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("query parameter '" + name + "' must be an integer in " + min + ".." + max);
        }
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
