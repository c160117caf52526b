package org.jadechain.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.SuiteId;
import org.junit.jupiter.api.Test;

class HeaderReceiptAndCertificateDecodingTest {
    private static final Hash H = Hash.wrap(new byte[32]);
    private static final Address PROPOSER = Address.of(new byte[20]);

    private static BlockHeader header(String chainId, int txCount) {
        return new BlockHeader(chainId, 5, H, 1_700_000_000_000L, txCount, H, H, H, PROPOSER);
    }

    @Test
    void aHeaderOfAnUnknownVersionIsRejected() {
        byte[] bytes = header("c", 0).encode();
        bytes[0] = 2;
        assertThatThrownBy(() -> BlockHeader.decode(bytes))
                .isInstanceOf(DecodeException.class).hasMessageContaining("version 2");
    }

    @Test
    void aHeaderWithAChainIdOver64BytesIsRejected() throws DecodeException {
        assertThat(BlockHeader.decode(header("y".repeat(64), 0).encode()).chainId()).hasSize(64);
        assertThatThrownBy(() -> BlockHeader.decode(header("y".repeat(65), 0).encode()))
                .isInstanceOf(DecodeException.class).hasMessageContaining("chainId");
    }

    @Test
    void aHeaderCountingMoreTransactionsThanABlockMayHoldIsRejected() {
        assertThatThrownBy(() -> BlockHeader.decode(header("c", Limits.MAX_TXS_PER_BLOCK + 1).encode()))
                .isInstanceOf(DecodeException.class).hasMessageContaining("txCount");
    }

    @Test
    void aHeaderWhoseHeightVarintOverflowsToNegativeIsRejected() {
        byte[] bytes = new ByteWriter().u8(1).string("c").raw(Hex.decode("80808080808080808001"))
                .raw(H.bytes()).varint(1).varint(0).raw(H.bytes()).raw(H.bytes()).raw(H.bytes())
                .raw(PROPOSER.bytes()).toByteArray();
        assertThatThrownBy(() -> BlockHeader.decode(bytes)).isInstanceOf(DecodeException.class);
    }

    @Test
    void aBlockWhoseTransactionCountDiffersFromItsHeaderIsRejected() {
        Transaction tx = Transaction.assemble(
                Transaction.encodeBody("c", SuiteId.INTL, new byte[32], 0, "kv", "set", Args.empty()), new byte[64]);
        byte[] claimsTwo = new Block(header("c", 2), List.of(tx)).encode();
        assertThatThrownBy(() -> Block.decode(claimsTwo))
                .isInstanceOf(DecodeException.class).hasMessageContaining("header says 2");
    }

    private static Receipt receipt(String message) {
        return new Receipt(H, Receipt.Kind.TRANSACTION, ResultCode.INSUFFICIENT_FUNDS, message,
                List.of(new Event("currency", "Refused", List.of(new Attribute("amount", "12")))),
                List.of(new Attribute("wallet", "w1")));
    }

    @Test
    void aReceiptOfAnUnknownVersionKindOrCodeIsRejected() {
        byte[] version = receipt("m").encode();
        version[0] = 2;
        assertThatThrownBy(() -> Receipt.decode(version)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("version 2");
        byte[] kind = receipt("m").encode();
        kind[1 + Hash.LENGTH] = 2;
        assertThatThrownBy(() -> Receipt.decode(kind)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("kind 2");
        byte[] code = new ByteWriter().u8(1).raw(H.bytes()).u8(0).string("NOT_A_CODE").string("")
                .varint(0).varint(0).toByteArray();
        assertThatThrownBy(() -> Receipt.decode(code)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("NOT_A_CODE");
    }

    @Test
    void aReceiptMessageIsLimitedTo1024Bytes() throws DecodeException {
        assertThat(Receipt.decode(receipt("m".repeat(1024)).encode()).message()).hasSize(1024);
        assertThatThrownBy(() -> Receipt.decode(receipt("m".repeat(1025)).encode()))
                .isInstanceOf(DecodeException.class).hasMessageContaining("message");
    }

    @Test
    void certificateSignaturesAreSortedByKeyAndAnyOtherOrderIsRejected() {
        CommitCertificate.Signature a = new CommitCertificate.Signature(new byte[] {1}, new byte[] {9});
        CommitCertificate.Signature b = new CommitCertificate.Signature(new byte[] {(byte) 0x80}, new byte[] {8});
        CommitCertificate c = new CommitCertificate(H, List.of(b, a));
        assertThat(c.signatures()).containsExactly(a, b);
        byte[] unsorted = new ByteWriter().raw(H.bytes()).varint(2).bytes(b.publicKey()).bytes(b.signature())
                .bytes(a.publicKey()).bytes(a.signature()).toByteArray();
        assertThatThrownBy(() -> CommitCertificate.decode(unsorted))
                .isInstanceOf(DecodeException.class).hasMessageContaining("not sorted");
    }

    @Test
    void theCommitMessageIsTheDomainTagFollowedByTheHeaderHash() {
        Hash h = Hash.fromHex("ab".repeat(32));
        byte[] message = CommitCertificate.signedMessage(h);
        assertThat(new String(message, 0, 13, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("JADE/COMMIT/1");
        assertThat(java.util.Arrays.copyOfRange(message, 13, message.length)).isEqualTo(h.bytes());
    }
}
