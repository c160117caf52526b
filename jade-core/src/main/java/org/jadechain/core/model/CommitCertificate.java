package org.jadechain.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.crypto.Hash;

/**
 * Validators' signatures over a block's header hash. Each signature is over
 * {@link #signedMessage(Hash)}: the ASCII domain tag {@code JADE/COMMIT/1} followed by the header hash.
 * Signatures are kept sorted by public key so the encoding is canonical.
 */
public record CommitCertificate(Hash headerHash, List<Signature> signatures) {
    private static final byte[] DOMAIN = "JADE/COMMIT/1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public record Signature(byte[] publicKey, byte[] signature) {
    }

    public CommitCertificate {
        List<Signature> sorted = new ArrayList<>(signatures);
        sorted.sort(Comparator.comparing(Signature::publicKey, java.util.Arrays::compareUnsigned));
        signatures = List.copyOf(sorted);
    }

    public static byte[] signedMessage(Hash headerHash) {
        byte[] out = new byte[DOMAIN.length + Hash.LENGTH];
        System.arraycopy(DOMAIN, 0, out, 0, DOMAIN.length);
        System.arraycopy(headerHash.unsafeBytes(), 0, out, DOMAIN.length, Hash.LENGTH);
        return out;
    }

    public byte[] encode() {
        ByteWriter w = new ByteWriter(64 + signatures.size() * 140);
        w.raw(headerHash.unsafeBytes()).varint(signatures.size());
        for (Signature s : signatures) {
            w.bytes(s.publicKey()).bytes(s.signature());
        }
        return w.toByteArray();
    }

    public static CommitCertificate decode(byte[] bytes) throws DecodeException {
        ByteReader r = new ByteReader(bytes);
        Hash h = Hash.wrap(r.raw(Hash.LENGTH, "headerHash"));
        int n = (int) r.varint("signature count", Limits.MAX_VALIDATORS);
        List<Signature> sigs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sigs.add(new Signature(r.bytes("validator key", Limits.MAX_PUBLIC_KEY_BYTES),
                    r.bytes("validator signature", Limits.MAX_SIGNATURE_BYTES)));
        }
        r.expectEnd("commit certificate");
        CommitCertificate c = new CommitCertificate(h, sigs);
        for (int i = 0; i < n; i++) {
            if (!java.util.Arrays.equals(c.signatures.get(i).publicKey(), sigs.get(i).publicKey())) {
                throw new DecodeException("commit certificate signatures are not sorted by key");
            }
        }
        return c;
    }
}
