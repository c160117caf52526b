package org.jadechain.core.genesis;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.crypto.SuiteId;

/**
 * The founding document of a chain. Its canonical encoding is hashed into block 0's previous-hash
 * field, so every block commits to it. {@code parameters} are contract settings (e.g. currency limits),
 * kept sorted so the encoding is canonical.
 */
public record Genesis(String chainId, SuiteId suite, int utcOffsetMinutes, long timestamp,
                      List<Organisation> organisations, List<ValidatorInfo> validators,
                      SortedMap<String, String> parameters) {
    public Genesis {
        organisations = List.copyOf(organisations);
        validators = List.copyOf(validators);
        parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        if (validators.isEmpty() || validators.size() > Limits.MAX_VALIDATORS) {
            throw new IllegalArgumentException("genesis must name 1.." + Limits.MAX_VALIDATORS + " validators");
        }
        if (utcOffsetMinutes < -14 * 60 || utcOffsetMinutes > 14 * 60) {
            throw new IllegalArgumentException("time zone offset out of range: " + utcOffsetMinutes + " minutes");
        }
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (Organisation o : organisations) {
            if (!ids.add(o.id())) {
                throw new IllegalArgumentException("organisation id used twice: " + o.id());
            }
            if (utf8(o.id()) == 0 || utf8(o.id()) > Limits.MAX_NAME_BYTES) {
                throw new IllegalArgumentException("organisation id must be 1.." + Limits.MAX_NAME_BYTES + " bytes: " + o.id());
            }
            if (utf8(o.name()) > Limits.MAX_ORGANISATION_NAME_BYTES) {
                throw new IllegalArgumentException("name of " + o.id() + " is over " + Limits.MAX_ORGANISATION_NAME_BYTES + " bytes");
            }
            if (o.adminKeys().size() > Limits.MAX_ADMIN_KEYS) {
                throw new IllegalArgumentException(o.id() + " has over " + Limits.MAX_ADMIN_KEYS + " admin keys");
            }
            for (PublicKey k : o.adminKeys()) {
                if (k.suite() != suite) {
                    throw new IllegalArgumentException("key of " + o.id() + " is not of suite " + suite.label());
                }
            }
        }
        for (ValidatorInfo v : validators) {
            if (v.publicKey().suite() != suite) {
                throw new IllegalArgumentException("validator " + v.id() + " key is not of suite " + suite.label());
            }
        }
    }

    private static int utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    public CryptoSuite cryptoSuite() {
        return CryptoSuites.of(suite);
    }

    public Organisation organisation(String id) {
        for (Organisation o : organisations) {
            if (o.id().equals(id)) {
                return o;
            }
        }
        return null;
    }

    public String parameter(String name, String defaultValue) {
        return parameters.getOrDefault(name, defaultValue);
    }

    public byte[] encode() {
        ByteWriter w = new ByteWriter(1024);
        w.u8(1).string(chainId).u8(suite.code()).i64(utcOffsetMinutes).varint(timestamp);
        w.varint(organisations.size());
        for (Organisation o : organisations) {
            w.string(o.id()).string(o.name()).string(o.role().name()).varint(o.adminKeys().size());
            for (PublicKey k : o.adminKeys()) {
                w.bytes(k.unsafeEncoded());
            }
        }
        w.varint(validators.size());
        for (ValidatorInfo v : validators) {
            w.string(v.id()).string(v.organisation()).bytes(v.publicKey().unsafeEncoded());
        }
        w.varint(parameters.size());
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            w.string(e.getKey()).string(e.getValue());
        }
        return w.toByteArray();
    }

    public Hash hash() {
        return cryptoSuite().hash(encode());
    }
}
