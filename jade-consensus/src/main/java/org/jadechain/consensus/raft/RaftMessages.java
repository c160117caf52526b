package org.jadechain.consensus.raft;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.model.CommitCertificate;

/**
 * The bytes this ordering puts into the Raft log and into leader-only messages, in the core's canonical
 * codec. Every message starts with a one-byte kind:
 * <ul>
 *   <li>{@code 1} proposal (log): {@code bytes block, bytes proposerKey, bytes proposerSignature} — the
 *       encoded block (header and transactions) and the proposer's signature over its header hash;</li>
 *   <li>{@code 2} signature (log): {@code hash headerHash, bytes validatorKey, bytes signature};</li>
 *   <li>{@code 3} forward (read-only message to the leader, never logged): {@code varint n, n × bytes tx};</li>
 *   <li>replies: {@code u8 outcome} for log entries, {@code varint n, n × string} (empty = accepted) for forwards.</li>
 * </ul>
 * Decoding is strict (no trailing bytes). Stateless and thread-safe.
 */
final class RaftMessages {
    static final int PROPOSAL = 1;
    static final int SIGNATURE = 2;
    static final int FORWARD = 3;
    /** Upper bound of an encoded block inside a proposal (the block's own decoder enforces finer limits). */
    static final int MAX_BLOCK_BYTES = 256 * 1024 * 1024;
    static final int MAX_FORWARD_TXS = 10_000;

    record Proposal(byte[] blockBytes, CommitCertificate.Signature proposerSignature) {
    }

    record SignatureEntry(Hash headerHash, CommitCertificate.Signature signature) {
    }

    private RaftMessages() {
    }

    static byte[] proposal(byte[] blockBytes, byte[] proposerKey, byte[] proposerSignature) {
        return new ByteWriter(blockBytes.length + 160).u8(PROPOSAL).bytes(blockBytes).bytes(proposerKey)
                .bytes(proposerSignature).toByteArray();
    }

    static byte[] signature(Hash headerHash, byte[] validatorKey, byte[] signature) {
        return new ByteWriter(180).u8(SIGNATURE).raw(headerHash.unsafeBytes()).bytes(validatorKey).bytes(signature)
                .toByteArray();
    }

    static byte[] forward(List<byte[]> encodedTxs) {
        int size = 8;
        for (byte[] t : encodedTxs) {
            size += t.length + 4;
        }
        ByteWriter w = new ByteWriter(size).u8(FORWARD).varint(encodedTxs.size());
        for (byte[] t : encodedTxs) {
            w.bytes(t);
        }
        return w.toByteArray();
    }

    static int kind(byte[] message) {
        return message.length == 0 ? -1 : message[0] & 0xff;
    }

    static Proposal decodeProposal(byte[] message) throws DecodeException {
        ByteReader r = reader(message, PROPOSAL);
        byte[] block = r.bytes("block", MAX_BLOCK_BYTES);
        byte[] key = r.bytes("proposer key", Limits.MAX_PUBLIC_KEY_BYTES);
        byte[] sig = r.bytes("proposer signature", Limits.MAX_SIGNATURE_BYTES);
        r.expectEnd("proposal");
        return new Proposal(block, new CommitCertificate.Signature(key, sig));
    }

    static SignatureEntry decodeSignature(byte[] message) throws DecodeException {
        ByteReader r = reader(message, SIGNATURE);
        Hash h = Hash.wrap(r.raw(Hash.LENGTH, "header hash"));
        byte[] key = r.bytes("validator key", Limits.MAX_PUBLIC_KEY_BYTES);
        byte[] sig = r.bytes("validator signature", Limits.MAX_SIGNATURE_BYTES);
        r.expectEnd("signature");
        return new SignatureEntry(h, new CommitCertificate.Signature(key, sig));
    }

    static List<byte[]> decodeForward(byte[] message) throws DecodeException {
        ByteReader r = reader(message, FORWARD);
        int n = (int) r.varint("transaction count", MAX_FORWARD_TXS);
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.bytes("transaction " + i, Limits.MAX_TX_BYTES));
        }
        r.expectEnd("forward");
        return out;
    }

    static byte[] forwardReply(List<String> refusals) {
        ByteWriter w = new ByteWriter(16 + refusals.size() * 8).varint(refusals.size());
        for (String s : refusals) {
            w.string(s);
        }
        return w.toByteArray();
    }

    static List<String> decodeForwardReply(byte[] reply) throws DecodeException {
        ByteReader r = new ByteReader(reply);
        int n = (int) r.varint("result count", MAX_FORWARD_TXS);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.string("result " + i, Limits.MAX_MESSAGE_BYTES * 4));
        }
        r.expectEnd("forward reply");
        return out;
    }

    private static ByteReader reader(byte[] message, int kind) throws DecodeException {
        ByteReader r = new ByteReader(message);
        int k = r.u8("message kind");
        if (k != kind) {
            throw new DecodeException("message kind " + k + ", expected " + kind);
        }
        return r;
    }
}
