package org.jadechain.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jadechain.core.codec.DecodeException;

/** Every model type decodes what it encodes, and nothing else (STYLE.md principle 6). */
class CanonicalEncodingTest {
    /**
     * Why the mutation properties below are disabled: they hit this bug within a few dozen tries. With the
     * one-line fix to ByteReader.varint described in the report they all pass; re-enable them then.
     */
    @Provide
    Arbitrary<Transaction> transactions() {
        return ModelArbitraries.transactions(64);
    }

    @Provide
    Arbitrary<BlockHeader> headers() {
        return ModelArbitraries.headers();
    }

    @Provide
    Arbitrary<Block> blocks() {
        return ModelArbitraries.blocks(3);
    }

    @Provide
    Arbitrary<Receipt> receipts() {
        return ModelArbitraries.receipts();
    }

    @Provide
    Arbitrary<CommitCertificate> certificates() {
        return ModelArbitraries.certificates();
    }

    /** Re-encodes a transaction from its decoded fields, not from the bytes it keeps. */
    static byte[] recodeTransaction(byte[] bytes) throws DecodeException {
        return rebuild(Transaction.decode(bytes)).encoded();
    }

    static Transaction rebuild(Transaction t) {
        byte[] body = Transaction.encodeBody(t.chainId(), t.suite(), t.senderPublicKey(), t.nonce(), t.contract(),
                t.method(), t.args());
        return Transaction.assemble(body, t.signature());
    }

    static byte[] recodeHeader(byte[] bytes) throws DecodeException {
        return copy(BlockHeader.decode(bytes)).encode();
    }

    private static BlockHeader copy(BlockHeader h) {
        return new BlockHeader(h.chainId(), h.height(), h.previousHash(), h.timestamp(), h.txCount(), h.txRoot(),
                h.receiptRoot(), h.stateRoot(), h.proposer());
    }

    static byte[] recodeBlock(byte[] bytes) throws DecodeException {
        Block b = Block.decode(bytes);
        List<Transaction> txs = new ArrayList<>();
        for (Transaction t : b.transactions()) {
            txs.add(rebuild(t));
        }
        return new Block(copy(b.header()), txs).encode();
    }

    static void assertSameTransaction(Transaction actual, Transaction expected) {
        assertThat(actual.chainId()).isEqualTo(expected.chainId());
        assertThat(actual.suite()).isEqualTo(expected.suite());
        assertThat(actual.senderPublicKey()).isEqualTo(expected.senderPublicKey());
        assertThat(actual.nonce()).isEqualTo(expected.nonce());
        assertThat(actual.contract()).isEqualTo(expected.contract());
        assertThat(actual.method()).isEqualTo(expected.method());
        assertThat(actual.args()).isEqualTo(expected.args());
        assertThat(actual.signature()).isEqualTo(expected.signature());
        assertThat(actual.encoded()).isEqualTo(expected.encoded());
        assertThat(actual.hash()).isEqualTo(expected.hash());
    }

    @Property(tries = 200)
    void aTransactionDecodesToTheSameFieldsAndBytes(@ForAll("transactions") Transaction tx) throws DecodeException {
        Transaction decoded = Transaction.decode(tx.encoded());
        assertSameTransaction(decoded, tx);
        assertThat(rebuild(decoded).encoded()).isEqualTo(tx.encoded());
        assertThat(decoded.signedBody()).isEqualTo(
                java.util.Arrays.copyOf(tx.encoded(), tx.size() - tx.signature().length - 1));
    }

    @Property(tries = 200)
    void aHeaderDecodesToAnEqualHeaderAndTheSameBytes(@ForAll("headers") BlockHeader h) throws DecodeException {
        BlockHeader decoded = BlockHeader.decode(h.encode());
        assertThat(decoded).isEqualTo(h);
        assertThat(decoded.encode()).isEqualTo(h.encode());
    }

    @Property(tries = 60)
    void aBlockDecodesToTheSameHeaderAndTransactions(@ForAll("blocks") Block b) throws DecodeException {
        Block decoded = Block.decode(b.encode());
        assertThat(decoded.header()).isEqualTo(b.header());
        assertThat(decoded.transactions()).hasSameSizeAs(b.transactions());
        for (int i = 0; i < b.transactions().size(); i++) {
            assertSameTransaction(decoded.transactions().get(i), b.transactions().get(i));
        }
        assertThat(decoded.encode()).isEqualTo(b.encode());
    }

    @Property(tries = 200)
    void aReceiptDecodesToAnEqualReceiptAndTheSameBytes(@ForAll("receipts") Receipt r) throws DecodeException {
        Receipt decoded = Receipt.decode(r.encode());
        assertThat(decoded).isEqualTo(r);
        assertThat(decoded.encode()).isEqualTo(r.encode());
    }

    @Property(tries = 200)
    void aCertificateDecodesToTheSameSignaturesInKeyOrder(@ForAll("certificates") CommitCertificate c)
            throws DecodeException {
        CommitCertificate decoded = CommitCertificate.decode(c.encode());
        assertThat(decoded.headerHash()).isEqualTo(c.headerHash());
        assertThat(decoded.signatures()).hasSameSizeAs(c.signatures());
        for (int i = 0; i < c.signatures().size(); i++) {
            assertThat(decoded.signatures().get(i).publicKey()).isEqualTo(c.signatures().get(i).publicKey());
            assertThat(decoded.signatures().get(i).signature()).isEqualTo(c.signatures().get(i).signature());
            if (i > 0) {
                assertThat(java.util.Arrays.compareUnsigned(decoded.signatures().get(i - 1).publicKey(),
                        decoded.signatures().get(i).publicKey())).isLessThanOrEqualTo(0);
            }
        }
        assertThat(decoded.encode()).isEqualTo(c.encode());
    }

    @Property(tries = 60)
    void noTransactionHasTwoEncodings(@ForAll("transactions") Transaction tx, @ForAll long seed) {
        CanonicalForm.assertOnlyCanonicalBytesDecode(tx.encoded(), seed, CanonicalEncodingTest::recodeTransaction);
    }

    @Property(tries = 60)
    void noHeaderHasTwoEncodings(@ForAll("headers") BlockHeader h, @ForAll long seed) {
        CanonicalForm.assertOnlyCanonicalBytesDecode(h.encode(), seed, CanonicalEncodingTest::recodeHeader);
    }

    @Property(tries = 30)
    void noBlockHasTwoEncodings(@ForAll("blocks") Block b, @ForAll long seed) {
        CanonicalForm.assertOnlyCanonicalBytesDecode(b.encode(), seed, CanonicalEncodingTest::recodeBlock);
    }

    @Property(tries = 60)
    void noReceiptHasTwoEncodings(@ForAll("receipts") Receipt r, @ForAll long seed) {
        CanonicalForm.assertOnlyCanonicalBytesDecode(r.encode(), seed, bytes -> Receipt.decode(bytes).encode());
    }

    @Property(tries = 60)
    void noCertificateHasTwoEncodings(@ForAll("certificates") CommitCertificate c, @ForAll long seed) {
        CanonicalForm.assertOnlyCanonicalBytesDecode(c.encode(), seed, bytes -> CommitCertificate.decode(bytes).encode());
    }
}
