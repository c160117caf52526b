package org.jadechain.contracts.records;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.contract.Caller;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.PublicKey;

/**
 * Who may submit to, or read, a collection: the members of some organisations and the holders of some
 * keys. A set: no entry twice, at most {@value #MAX_ENTRIES} entries.
 *
 * <p>Canonical encoding: {@code varint n (0..64)}, then {@code n} entries, each {@code u8 kind, bytes value}
 * with kind {@value #ORGANISATION} = organisation id (UTF-8, 1..{@value #MAX_ORGANISATION_ID_BYTES} bytes) or
 * kind {@value #KEY} = a public key's canonical encoding (1..{@value Limits#MAX_PUBLIC_KEY_BYTES} bytes).
 * Entries are in strictly increasing order of (kind, value bytes compared unsigned), so organisations come
 * first and every set has exactly one encoding; {@link #decode} rejects any other order, duplicates, and
 * trailing bytes. Whether an organisation exists or a key is valid for the chain's suite is for the contract
 * to judge. Immutable and thread-safe.
 */
public final class Principals {
    public static final int MAX_ENTRIES = 64;
    public static final int MAX_ORGANISATION_ID_BYTES = 256;
    public static final int ORGANISATION = 1;
    public static final int KEY = 2;

    private static final Principals EMPTY = new Principals(List.of(), List.of());

    /** Sorted by UTF-8 bytes, unsigned. */
    private final List<String> organisations;
    /** Sorted unsigned; never exposed without copying. */
    private final List<byte[]> keys;

    private Principals(List<String> organisations, List<byte[]> keys) {
        this.organisations = organisations;
        this.keys = keys;
    }

    public static Principals empty() {
        return EMPTY;
    }

    /**
     * The set of these organisations and keys, in canonical order; repeated entries count once.
     *
     * @throws IllegalArgumentException when an organisation id is empty or over
     *     {@value #MAX_ORGANISATION_ID_BYTES} bytes, or there are more than {@value #MAX_ENTRIES} entries
     */
    public static Principals of(Collection<String> organisations, Collection<PublicKey> keys) {
        List<byte[]> encoded = new ArrayList<>(keys.size());
        for (PublicKey k : keys) {
            encoded.add(k.unsafeEncoded());
        }
        return ofEncoded(organisations, encoded);
    }

    public static Principals organisations(String... organisations) {
        return of(Arrays.asList(organisations), List.of());
    }

    public static Principals keys(PublicKey... keys) {
        return of(List.of(), Arrays.asList(keys));
    }

    /**
     * As {@link #of}, with keys given in their encoded form.
     *
     * @throws IllegalArgumentException also when a key encoding is empty or over
     *     {@value Limits#MAX_PUBLIC_KEY_BYTES} bytes
     */
    public static Principals ofEncoded(Collection<String> organisations, Collection<byte[]> keys) {
        TreeMap<byte[], String> orgs = new TreeMap<>(Arrays::compareUnsigned);
        for (String o : organisations) {
            byte[] b = o.getBytes(StandardCharsets.UTF_8);
            if (b.length == 0 || b.length > MAX_ORGANISATION_ID_BYTES) {
                throw new IllegalArgumentException("an organisation id is 1.." + MAX_ORGANISATION_ID_BYTES + " bytes");
            }
            if (!new String(b, StandardCharsets.UTF_8).equals(o)) {
                throw new IllegalArgumentException("organisation id is not well-formed Unicode: " + o);
            }
            orgs.put(b, o);
        }
        TreeMap<byte[], byte[]> ks = new TreeMap<>(Arrays::compareUnsigned);
        for (byte[] k : keys) {
            if (k.length == 0 || k.length > Limits.MAX_PUBLIC_KEY_BYTES) {
                throw new IllegalArgumentException("a key encoding is 1.." + Limits.MAX_PUBLIC_KEY_BYTES + " bytes");
            }
            ks.put(k.clone(), k.clone());
        }
        if (orgs.size() + ks.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " organisations and keys together, got "
                    + (orgs.size() + ks.size()));
        }
        return new Principals(List.copyOf(orgs.values()), List.copyOf(ks.values()));
    }

    /** The organisation ids, in canonical order. */
    public List<String> organisations() {
        return organisations;
    }

    /** The key encodings, in canonical order (copies). */
    public List<byte[]> keys() {
        List<byte[]> out = new ArrayList<>(keys.size());
        for (byte[] k : keys) {
            out.add(k.clone());
        }
        return out;
    }

    public int size() {
        return organisations.size() + keys.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public boolean includesOrganisation(String id) {
        return organisations.contains(id);
    }

    public boolean includesKey(byte[] encodedKey) {
        for (byte[] k : keys) {
            if (Arrays.equals(k, encodedKey)) {
                return true;
            }
        }
        return false;
    }

    /** True when the caller holds one of the keys or is a member of one of the organisations. */
    public boolean admits(Caller caller) {
        if (caller.system()) {
            return false;
        }
        return (caller.organisation() != null && includesOrganisation(caller.organisation()))
                || (caller.publicKey() != null && includesKey(caller.publicKey().unsafeEncoded()));
    }

    /** This set with one more organisation (unchanged when it is already in). */
    public Principals withOrganisation(String id) {
        if (includesOrganisation(id)) {
            return this;
        }
        List<String> orgs = new ArrayList<>(organisations);
        orgs.add(id);
        return ofEncoded(orgs, keys);
    }

    public byte[] encode() {
        ByteWriter w = new ByteWriter(16 + size() * 40);
        write(w);
        return w.toByteArray();
    }

    void write(ByteWriter w) {
        w.varint(size());
        for (String o : organisations) {
            w.u8(ORGANISATION).string(o);
        }
        for (byte[] k : keys) {
            w.u8(KEY).bytes(k);
        }
    }

    /** @throws DecodeException when the bytes are not the canonical encoding of a set of principals */
    public static Principals decode(byte[] bytes) throws DecodeException {
        ByteReader r = new ByteReader(bytes);
        Principals p = read(r);
        r.expectEnd("principals");
        return p;
    }

    static Principals read(ByteReader r) throws DecodeException {
        int n = (int) r.varint("principal count", MAX_ENTRIES);
        List<String> orgs = new ArrayList<>();
        List<byte[]> ks = new ArrayList<>();
        int lastKind = 0;
        byte[] last = null;
        for (int i = 0; i < n; i++) {
            int kind = r.u8("principal kind");
            byte[] value;
            if (kind == ORGANISATION) {
                value = r.bytes("organisation id", MAX_ORGANISATION_ID_BYTES);
            } else if (kind == KEY) {
                value = r.bytes("key", Limits.MAX_PUBLIC_KEY_BYTES);
            } else {
                throw new DecodeException("unknown principal kind " + kind);
            }
            if (value.length == 0) {
                throw new DecodeException("principal " + i + " is empty");
            }
            if (kind < lastKind || (kind == lastKind && Arrays.compareUnsigned(last, value) >= 0)) {
                throw new DecodeException("principals must be in strictly increasing (kind, value) order, without repeats");
            }
            if (kind == ORGANISATION) {
                orgs.add(utf8(value));
            } else {
                ks.add(value);
            }
            lastKind = kind;
            last = value;
        }
        return new Principals(List.copyOf(orgs), List.copyOf(ks));
    }

    private static String utf8(byte[] b) throws DecodeException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new DecodeException("organisation id: not valid UTF-8");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Principals p && Arrays.equals(encode(), p.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    /** E.g. {@code [agency, regulator, key 3b6a27bcceb6a42d…]}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(organisations);
        for (byte[] k : keys) {
            parts.add("key " + shortHex(k));
        }
        return parts.toString();
    }

    /** The first 8 bytes of a key in hex with an ellipsis: enough to tell keys apart in a message. */
    static String shortHex(byte[] key) {
        String h = Hex.encode(key);
        return h.length() <= 16 ? h : h.substring(0, 16) + "…";
    }
}
