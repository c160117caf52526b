package org.jadechain.contracts.governance;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.genesis.ValidatorInfo;

/**
 * The validators in force from block {@code fromHeight} on: version 0 is genesis's (from height 1), each
 * adopted change makes the next version. Order is genesis order, then order of addition. Immutable.
 *
 * <p>Encoding: {@code u8 1, varint version, varint fromHeight, raw32 adoptedBy, varint n, n × member};
 * {@code member = string id, string organisation, bytes publicKey, string raftAddress}. {@code adoptedBy} is the
 * transaction that adopted the change ({@link Hash#ZERO} for genesis's); {@code raftAddress} is empty for
 * genesis validators (their nodes' configuration names it) and given by the proposal for added ones.
 */
public record ValidatorSet(long version, long fromHeight, Hash adoptedBy, List<Member> members) {
    /** Bounded so that a change's event can carry the whole set (one attribute per member). */
    public static final int MAX_VALIDATORS = 48;

    /** One validator: genesis-style info plus the Raft address a change named (empty when not named). */
    public record Member(ValidatorInfo info, String raftAddress) {
    }

    public ValidatorSet {
        members = List.copyOf(members);
    }

    public List<ValidatorInfo> validators() {
        List<ValidatorInfo> out = new ArrayList<>(members.size());
        for (Member m : members) {
            out.add(m.info());
        }
        return out;
    }

    public Member member(String id) {
        for (Member m : members) {
            if (m.info().id().equals(id)) {
                return m;
            }
        }
        return null;
    }

    public Member memberWithKey(byte[] encodedKey) {
        for (Member m : members) {
            if (java.util.Arrays.equals(m.info().publicKey().unsafeEncoded(), encodedKey)) {
                return m;
            }
        }
        return null;
    }

    public byte[] encode() {
        ByteWriter w = new ByteWriter(64 + members.size() * 96);
        w.u8(1).varint(version).varint(fromHeight).raw(adoptedBy.unsafeBytes()).varint(members.size());
        for (Member m : members) {
            writeMember(w, m);
        }
        return w.toByteArray();
    }

    private static void writeMember(ByteWriter w, Member m) {
        w.string(m.info().id()).string(m.info().organisation()).bytes(m.info().publicKey().unsafeEncoded())
                .string(m.raftAddress());
    }

    /** One member's encoding, as a {@code ValidatorSetChanged} event carries it. */
    public static byte[] encodeMember(Member m) {
        ByteWriter w = new ByteWriter(160);
        writeMember(w, m);
        return w.toByteArray();
    }

    /** @throws DecodeException when the bytes are not exactly one member of this suite */
    public static Member decodeMember(byte[] bytes, CryptoSuite suite) throws DecodeException {
        ByteReader r = new ByteReader(bytes);
        Member m = readMember(r, suite);
        r.expectEnd("validator");
        return m;
    }

    private static Member readMember(ByteReader r, CryptoSuite suite) throws DecodeException {
        String id = r.string("id", GovernanceContract.MAX_ID_BYTES);
        String org = r.string("organisation", GovernanceContract.MAX_ID_BYTES * 4);
        byte[] key = r.bytes("public key", 1024);
        String address = r.string("raft address", GovernanceContract.MAX_ADDRESS_BYTES);
        try {
            return new Member(new ValidatorInfo(id, org, suite.decodePublicKey(key)), address);
        } catch (CryptoException e) {
            throw new DecodeException("validator " + id + " has no valid key: " + e.getMessage());
        }
    }

    public static ValidatorSet decode(byte[] bytes, CryptoSuite suite) {
        try {
            ByteReader r = new ByteReader(bytes);
            if (r.u8("version") != 1) {
                throw new DecodeException("unknown validator set encoding");
            }
            long version = r.varint("set version");
            long from = r.varint("fromHeight");
            Hash adoptedBy = Hash.wrap(r.raw(Hash.LENGTH, "adoptedBy"));
            int n = (int) r.varint("validator count", MAX_VALIDATORS);
            List<Member> members = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                members.add(readMember(r, suite));
            }
            r.expectEnd("validator set");
            return new ValidatorSet(version, from, adoptedBy, members);
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt validator set: " + e.getMessage(), e);
        }
    }
}
