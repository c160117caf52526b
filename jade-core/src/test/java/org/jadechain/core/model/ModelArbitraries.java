package org.jadechain.core.model;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.SuiteId;

/**
 * jqwik generators of valid model values. Decoding never checks signatures, so transactions carry
 * random signature bytes; see {@code TransactionEncodingTest} for really signed ones.
 */
public final class ModelArbitraries {
    private ModelArbitraries() {
    }

    /** Well-formed text of up to {@code maxCodePoints} code points from every plane (no lone surrogates). */
    public static Arbitrary<String> text(int maxCodePoints) {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(1, Arbitraries.integers().between(0, 0x1f)),
                Tuple.of(1, Arbitraries.integers().between(0x80, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0xe000, 0x10ffff)));
        return codePoint.list().ofMaxSize(maxCodePoints)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }

    /** A name that fits {@link Limits#MAX_NAME_BYTES} and {@link Limits#MAX_CHAIN_ID_BYTES} (16 code points). */
    public static Arbitrary<String> names() {
        return text(16);
    }

    public static Arbitrary<byte[]> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
    }

    public static Arbitrary<Hash> hashes() {
        return bytes(Hash.LENGTH, Hash.LENGTH).map(Hash::wrap);
    }

    public static Arbitrary<Address> addresses() {
        return bytes(Address.LENGTH, Address.LENGTH).map(Address::of);
    }

    public static Arbitrary<Long> nonces() {
        return Arbitraries.longs().between(0, Limits.MAX_NONCE);
    }

    /** Structurally valid transactions with random keys and signatures; args up to {@code maxArgs} bytes. */
    public static Arbitrary<Transaction> transactions(int maxArgs) {
        Arbitrary<byte[]> body = Combinators.combine(names(), Arbitraries.of(SuiteId.class), bytes(0, Limits.MAX_PUBLIC_KEY_BYTES),
                nonces(), names(), names(), bytes(0, maxArgs))
                .as(Transaction::encodeBody);
        return Combinators.combine(body, bytes(0, Limits.MAX_SIGNATURE_BYTES)).as(Transaction::assemble);
    }

    public static Arbitrary<BlockHeader> headers() {
        return headers(Arbitraries.integers().between(0, Limits.MAX_TXS_PER_BLOCK));
    }

    private static Arbitrary<BlockHeader> headers(Arbitrary<Integer> txCount) {
        Arbitrary<Long> heights = Arbitraries.longs().between(0, Long.MAX_VALUE);
        Arbitrary<Long> timestamps = Arbitraries.longs().between(0, Long.MAX_VALUE);
        return Combinators.combine(names(), heights, hashes(), timestamps, txCount, hashes(), hashes(), hashes())
                .flatAs((chainId, height, prev, ts, count, txRoot, receiptRoot, stateRoot) ->
                        addresses().map(proposer -> new BlockHeader(chainId, height, prev, ts, count, txRoot,
                                receiptRoot, stateRoot, proposer)));
    }

    /** Blocks of up to {@code maxTxs} small transactions whose header counts them correctly. */
    public static Arbitrary<Block> blocks(int maxTxs) {
        return transactions(24).list().ofMaxSize(maxTxs).flatMap(txs ->
                headers(Arbitraries.just(txs.size())).map(h -> new Block(h, txs)));
    }

    public static Arbitrary<Attribute> attributes() {
        return Combinators.combine(names(), text(40)).as(Attribute::new);
    }

    public static Arbitrary<Event> events() {
        return Combinators.combine(names(), names(), attributes().list().ofMaxSize(3)).as(Event::new);
    }

    public static Arbitrary<Receipt> receipts() {
        return Combinators.combine(hashes(), Arbitraries.of(Receipt.Kind.class), Arbitraries.of(ResultCode.class),
                text(60), events().list().ofMaxSize(3), attributes().list().ofMaxSize(3)).as(Receipt::new);
    }

    public static Arbitrary<CommitCertificate> certificates() {
        Arbitrary<CommitCertificate.Signature> signature = Combinators.combine(
                Arbitraries.oneOf(bytes(32, 32), bytes(0, Limits.MAX_PUBLIC_KEY_BYTES)),
                Arbitraries.oneOf(bytes(64, 64), bytes(0, Limits.MAX_SIGNATURE_BYTES)))
                .as(CommitCertificate.Signature::new);
        return Combinators.combine(hashes(), signature.list().ofMaxSize(5)).as(CommitCertificate::new);
    }

    /** Argument values as {@code Args.values()} returns them: Long, byte[], String or Boolean. */
    public static Arbitrary<List<Object>> argumentValues() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.longs().map(v -> (Object) v),
                bytes(0, 40).map(v -> (Object) v),
                text(20).map(v -> (Object) v),
                Arbitraries.of(true, false).map(v -> (Object) v));
        return value.list().ofMaxSize(6).map(ArrayList::new);
    }
}
