package org.jadechain.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.merkle.MerkleTree;
import org.jadechain.core.model.Transaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-suite primitives: canonical encode/decode of a signed transfer, the chain hash (SHA-256 or SM3) of
 * 200 bytes, the RFC 9162 Merkle root of 10,000 leaves of 200 bytes, and signature verification through the
 * suite's public API (for {@code sm} the fast path, key decoded from its bytes each time as a node does,
 * hitting the key cache). {@link org.jadechain.core.crypto.Sm2Benchmarks} has the SM2 steps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PrimitiveBenchmarks {
    @Param({"intl", "sm"})
    public String suite;

    private CryptoSuite crypto;
    private byte[] data200;
    private List<byte[]> leaves;
    private MerkleTree merkle;
    private byte[] senderKey;
    private byte[] args;
    private byte[] txBytes;
    private byte[] body;
    private byte[] signature;
    private KeyPair key;

    @Setup
    public void setUp() {
        crypto = CryptoSuites.of(SuiteId.fromLabel(suite));
        Random random = new Random(42);
        data200 = new byte[200];
        random.nextBytes(data200);
        leaves = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            byte[] leaf = new byte[200];
            random.nextBytes(leaf);
            leaves.add(leaf);
        }
        merkle = new MerkleTree(crypto);
        key = crypto.generateKeyPair(new java.security.SecureRandom());
        KeyPair to = crypto.generateKeyPair(new java.security.SecureRandom());
        senderKey = key.publicKey().encoded();
        args = CurrencyCalls.transfer(crypto.address(to.publicKey()), 12_34L, "lunch");
        body = Transaction.encodeBody("jade-bench", crypto.id(), senderKey, 7, CurrencyContract.NAME,
                CurrencyContract.TRANSFER, args);
        signature = crypto.sign(key.privateKey(), body);
        txBytes = Transaction.assemble(body, signature).unsafeEncoded();
    }

    @Benchmark
    public byte[] encodeTransaction() {
        return Transaction.assemble(Transaction.encodeBody("jade-bench", crypto.id(), senderKey, 7,
                CurrencyContract.NAME, CurrencyContract.TRANSFER, args), signature).unsafeEncoded();
    }

    @Benchmark
    public Transaction decodeTransaction() throws DecodeException {
        return Transaction.decode(txBytes);
    }

    @Benchmark
    public Hash hash200Bytes() {
        return crypto.hash(data200);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @BenchmarkMode(Mode.AverageTime)
    public Hash merkleRootOf10000Leaves() {
        return merkle.root(leaves);
    }

    /** Decode the sender key from its bytes and verify, as {@code TransactionValidator} does. */
    @Benchmark
    public boolean verifySignature() throws Exception {
        return crypto.verify(crypto.decodePublicKey(senderKey), body, signature);
    }
}
