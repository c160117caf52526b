package org.jadechain.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.sdk.json.Json;
import org.jadechain.sdk.json.JsonFields;
import org.jadechain.sdk.json.JsonFormatException;

/**
 * Reads and writes the genesis file ({@code genesis.json}, docs/API.md) as a core {@link Genesis}.
 * The time zone is written {@code "+08:00"} and held as minutes east of UTC; public keys are the hex of
 * the suite's canonical encoding and are validated by {@link CryptoSuite#decodePublicKey}.
 *
 * <p>Reading is strict: every problem (missing or unknown field, wrong type, bad hex, a key not on the
 * curve, an unknown role) is an {@link InvalidGenesisException} naming the field. Writing is stable: the
 * same {@code Genesis} always gives the same pretty-printed text. Stateless and thread-safe.
 */
public final class GenesisFile {
    private static final Pattern TIME_ZONE = Pattern.compile("([+-])(\\d{2}):(\\d{2})");

    private GenesisFile() {
    }

    public static Genesis read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static Genesis parse(String text) {
        JsonNode root;
        try {
            root = Json.parse(text);
        } catch (JsonFormatException e) {
            throw new InvalidGenesisException(e.field(), "genesis file is " + e.problem());
        }
        return fromJson(root);
    }

    /** @throws InvalidGenesisException naming the first field that is missing or wrong */
    public static Genesis fromJson(JsonNode root) {
        try {
            return decode(JsonFields.of(root));
        } catch (InvalidGenesisException e) {
            throw e;
        } catch (JsonFormatException e) {
            throw new InvalidGenesisException(e.field(), e.problem());
        }
    }

    /** Writes {@link #toText} as UTF-8, replacing the file. */
    public static void write(Path file, Genesis genesis) throws IOException {
        Files.writeString(file, toText(genesis), StandardCharsets.UTF_8);
    }

    /** The pretty-printed file text; equal genesis documents give equal text. */
    public static String toText(Genesis genesis) {
        return Json.pretty(toJson(genesis));
    }

    public static ObjectNode toJson(Genesis g) {
        ObjectNode root = Json.object();
        root.put("chainId", g.chainId());
        root.put("suite", g.suite().label());
        root.put("timeZone", formatTimeZone(g.utcOffsetMinutes()));
        root.put("timestamp", g.timestamp());
        ArrayNode orgs = root.putArray("organisations");
        for (Organisation o : g.organisations()) {
            ObjectNode n = orgs.addObject();
            n.put("id", o.id());
            n.put("name", o.name());
            n.put("role", o.role().name());
            ArrayNode keys = n.putArray("adminKeys");
            for (PublicKey k : o.adminKeys()) {
                keys.add(k.hex());
            }
        }
        ArrayNode vals = root.putArray("validators");
        for (ValidatorInfo v : g.validators()) {
            ObjectNode n = vals.addObject();
            n.put("id", v.id());
            n.put("organisation", v.organisation());
            n.put("publicKey", v.publicKey().hex());
        }
        ObjectNode params = root.putObject("parameters");
        for (Map.Entry<String, String> e : g.parameters().entrySet()) {
            params.put(e.getKey(), e.getValue());
        }
        return root;
    }

    /** {@code "+08:00"} for 480, {@code "-05:30"} for -330, {@code "+00:00"} for 0. */
    public static String formatTimeZone(int utcOffsetMinutes) {
        int abs = Math.abs(utcOffsetMinutes);
        return String.format(java.util.Locale.ROOT, "%s%02d:%02d", utcOffsetMinutes < 0 ? "-" : "+", abs / 60, abs % 60);
    }

    /**
     * Minutes east of UTC for a {@code ±HH:MM} offset.
     *
     * @throws IllegalArgumentException when the text is not of that form or beyond ±14:00
     */
    public static int parseTimeZone(String text) {
        Matcher m = TIME_ZONE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a UTC offset like +08:00 or -05:30");
        }
        int hours = Integer.parseInt(m.group(2));
        int minutes = Integer.parseInt(m.group(3));
        if (minutes >= 60) {
            throw new IllegalArgumentException("'" + text + "' has " + minutes + " minutes");
        }
        int total = hours * 60 + minutes;
        if (total > 14 * 60) {
            throw new IllegalArgumentException("'" + text + "' is beyond ±14:00");
        }
        return m.group(1).equals("-") ? -total : total;
    }

    private static Genesis decode(JsonFields f) {
        f.allowOnly("chainId", "suite", "timeZone", "timestamp", "organisations", "validators", "parameters");
        String chainId = f.string("chainId");
        int chainIdBytes = chainId.getBytes(StandardCharsets.UTF_8).length;
        if (chainIdBytes == 0 || chainIdBytes > Limits.MAX_CHAIN_ID_BYTES) {
            throw new InvalidGenesisException("chainId", "must be 1.." + Limits.MAX_CHAIN_ID_BYTES + " bytes of UTF-8");
        }
        SuiteId suiteId;
        try {
            suiteId = SuiteId.fromLabel(f.string("suite"));
        } catch (IllegalArgumentException e) {
            throw new InvalidGenesisException("suite", e.getMessage());
        }
        CryptoSuite suite = CryptoSuites.of(suiteId);
        int offset;
        try {
            offset = parseTimeZone(f.string("timeZone"));
        } catch (IllegalArgumentException e) {
            throw new InvalidGenesisException("timeZone", e.getMessage());
        }
        long timestamp = f.nonNegative("timestamp");
        List<Organisation> orgs = new ArrayList<>();
        if (f.has("organisations")) {
            for (JsonFields o : f.objects("organisations")) {
                orgs.add(organisation(o, suite));
            }
        }
        List<ValidatorInfo> validators = new ArrayList<>();
        for (JsonFields v : f.objects("validators")) {
            v.allowOnly("id", "organisation", "publicKey");
            ValidatorInfo info = new ValidatorInfo(name(v, "id"), name(v, "organisation"), key(v, "publicKey", suite));
            for (ValidatorInfo other : validators) {
                if (other.id().equals(info.id())) {
                    throw new InvalidGenesisException(v.path("id"), "validator id " + info.id() + " is used twice");
                }
                if (other.publicKey().equals(info.publicKey())) {
                    throw new InvalidGenesisException(v.path("publicKey"), "the key of validator " + other.id() + " again");
                }
            }
            validators.add(info);
        }
        if (validators.isEmpty()) {
            throw new InvalidGenesisException("validators", "at least one validator is needed");
        }
        TreeMap<String, String> params = new TreeMap<>();
        if (f.has("parameters")) {
            JsonFields p = f.object("parameters");
            for (Iterator<String> it = p.node().fieldNames(); it.hasNext(); ) {
                String name = it.next();
                params.put(name, p.string(name));
            }
        }
        try {
            return new Genesis(chainId, suiteId, offset, timestamp, orgs, validators, params);
        } catch (IllegalArgumentException e) {
            throw new InvalidGenesisException("", e.getMessage());
        }
    }

    private static Organisation organisation(JsonFields o, CryptoSuite suite) {
        o.allowOnly("id", "name", "role", "adminKeys");
        String id = name(o, "id");
        String name = o.string("name");
        String roleText = o.string("role");
        Role role;
        try {
            role = Role.valueOf(roleText);
        } catch (IllegalArgumentException e) {
            throw new InvalidGenesisException(o.path("role"),
                    "unknown role '" + roleText + "' (expected one of " + Arrays.toString(Role.values()) + ")");
        }
        List<PublicKey> keys = new ArrayList<>();
        List<String> hex = o.has("adminKeys") ? o.strings("adminKeys") : List.of();
        for (int i = 0; i < hex.size(); i++) {
            keys.add(decodeKey(hex.get(i), o.path("adminKeys") + "[" + i + "]", suite));
        }
        return new Organisation(id, name, role, keys);
    }

    private static String name(JsonFields f, String field) {
        String s = f.string(field);
        if (s.isEmpty()) {
            throw new InvalidGenesisException(f.path(field), "must not be empty");
        }
        return s;
    }

    private static PublicKey key(JsonFields f, String field, CryptoSuite suite) {
        return decodeKey(f.string(field), f.path(field), suite);
    }

    private static PublicKey decodeKey(String hex, String path, CryptoSuite suite) {
        byte[] bytes;
        try {
            bytes = Hex.decode(hex);
        } catch (IllegalArgumentException e) {
            throw new InvalidGenesisException(path, "not hex: " + e.getMessage());
        }
        try {
            return suite.decodePublicKey(bytes);
        } catch (CryptoException e) {
            throw new InvalidGenesisException(path, "not a valid " + suite.id().label() + " public key ("
                    + suite.publicKeyLength() + " bytes expected, got " + bytes.length + "): " + e.getMessage());
        }
    }
}
