package org.jadechain.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.TransactionValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionEncodingTest {
    private static final CryptoSuite INTL = CryptoSuites.of(SuiteId.INTL);
    private static final byte[] KEY = new byte[32];

    private static KeyPair key(long seed) throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        return INTL.generateKeyPair(random);
    }

    /** A body written field by field, so out-of-range values can be encoded too. */
    private static ByteWriter body(int version, String chainId, int suite, long nonce) {
        return new ByteWriter().u8(version).string(chainId).u8(suite).bytes(KEY).varint(nonce)
                .string("currency").string("transfer").bytes(Args.empty());
    }

    private static byte[] signed(ByteWriter body) {
        return body.bytes(new byte[64]).toByteArray();
    }

    @Test
    void aSignedTransactionRoundTripsAndItsSignatureCoversExactlyTheSignedBody() throws Exception {
        KeyPair alice = key(1);
        byte[] args = Args.builder().string("bob").int64(250).encode();
        byte[] body = Transaction.encodeBody("jade-test", SuiteId.INTL, alice.publicKey().encoded(), 7,
                "currency", "transfer", args);
        Transaction tx = Transaction.assemble(body, INTL.sign(alice.privateKey(), body));

        Transaction decoded = Transaction.decode(tx.encoded());
        assertThat(decoded.signedBody()).isEqualTo(body);
        assertThat(decoded.nonce()).isEqualTo(7);
        assertThat(decoded.args()).isEqualTo(args);
        assertThat(INTL.verify(alice.publicKey(), decoded.signedBody(), decoded.signature())).isTrue();
        assertThat(INTL.verify(alice.publicKey(), decoded.encoded(), decoded.signature())).isFalse();
        assertThat(new TransactionValidator("jade-test", INTL).check(decoded).result()).isEqualTo(ResultCode.OK);
    }

    @Test
    void changingAnySignedByteInvalidatesTheSignature() throws Exception {
        KeyPair alice = key(2);
        byte[] body = Transaction.encodeBody("jade-test", SuiteId.INTL, alice.publicKey().encoded(), 3,
                "currency", "transfer", Args.builder().int64(100).encode());
        byte[] sig = INTL.sign(alice.privateKey(), body);
        TransactionValidator validator = new TransactionValidator("jade-test", INTL);
        byte[] amountChanged = body.clone();
        amountChanged[amountChanged.length - 1] ^= 1; // the last byte of the int64 argument
        CheckedTransaction checked = validator.check(Transaction.assemble(amountChanged, sig));
        assertThat(checked.result()).isEqualTo(ResultCode.BAD_SIGNATURE);
        assertThat(checked.valid()).isFalse();
        byte[] otherSig = sig.clone();
        otherSig[0] ^= 1;
        assertThat(validator.check(Transaction.assemble(body, otherSig)).result()).isEqualTo(ResultCode.BAD_SIGNATURE);
    }

    @Test
    void theIntlTransactionHashIsSha256OfAllTheEncodedBytes() throws Exception {
        Transaction tx = Transaction.assemble(
                Transaction.encodeBody("c", SuiteId.INTL, KEY, 0, "kv", "set", Args.empty()), new byte[64]);
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(tx.encoded());
        assertThat(tx.hash().bytes()).isEqualTo(sha256);
        assertThat(tx.hash()).isEqualTo(INTL.hash(tx.encoded()));
    }

    @Test
    void theSmTransactionHashIsSm3OfAllTheEncodedBytes() {
        Transaction tx = Transaction.assemble(
                Transaction.encodeBody("c", SuiteId.SM, new byte[65], 0, "kv", "set", Args.empty()), new byte[64]);
        SM3Digest sm3 = new SM3Digest();
        sm3.update(tx.unsafeEncoded(), 0, tx.size());
        byte[] expected = new byte[32];
        sm3.doFinal(expected, 0);
        assertThat(tx.hash().bytes()).isEqualTo(expected);
    }

    @Test
    void transactionsThatDifferOnlyInSignatureHaveDifferentHashes() {
        byte[] body = Transaction.encodeBody("c", SuiteId.INTL, KEY, 0, "kv", "set", Args.empty());
        assertThat(Transaction.assemble(body, new byte[64]).hash())
                .isNotEqualTo(Transaction.assemble(body, new byte[63]).hash());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 255})
    void anUnknownTransactionVersionIsRejected(int version) {
        assertThatThrownBy(() -> Transaction.decode(signed(body(version, "c", 2, 0))))
                .isInstanceOf(DecodeException.class).hasMessageContaining("version " + version);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 255})
    void anUnknownSuiteCodeIsRejected(int suite) {
        assertThatThrownBy(() -> Transaction.decode(signed(body(1, "c", suite, 0))))
                .isInstanceOf(DecodeException.class).hasMessageContaining("suite " + suite);
    }

    @Test
    void bothSuiteCodesAreAccepted() throws DecodeException {
        assertThat(Transaction.decode(signed(body(1, "c", 1, 0))).suite()).isEqualTo(SuiteId.SM);
        assertThat(Transaction.decode(signed(body(1, "c", 2, 0))).suite()).isEqualTo(SuiteId.INTL);
    }

    @Test
    void aChainIdOfMoreThan64Utf8BytesIsRejectedEvenWhenItHasFewerCharacters() throws DecodeException {
        assertThat(Transaction.decode(signed(body(1, "x".repeat(64), 2, 0))).chainId()).hasSize(64);
        assertThatThrownBy(() -> Transaction.decode(signed(body(1, "x".repeat(65), 2, 0))))
                .isInstanceOf(DecodeException.class).hasMessageContaining("chainId");
        String euros = "€".repeat(22); // 22 characters, 66 bytes
        assertThat(euros.getBytes(StandardCharsets.UTF_8)).hasSize(66);
        assertThatThrownBy(() -> Transaction.decode(signed(body(1, euros, 2, 0))))
                .isInstanceOf(DecodeException.class).hasMessageContaining("chainId");
    }

    @Test
    void aTransactionOver64KibIsRejectedBeforeItIsParsed() {
        byte[] tooBig = new byte[Limits.MAX_TX_BYTES + 1];
        byte[] valid = signed(body(1, "c", 2, 0));
        System.arraycopy(valid, 0, tooBig, 0, valid.length);
        assertThatThrownBy(() -> Transaction.decode(tooBig))
                .isInstanceOf(DecodeException.class).hasMessageContaining("over the limit of " + Limits.MAX_TX_BYTES);
    }

    @Test
    void argumentsOfExactly48KibAreAcceptedAndOneByteMoreIsNot() throws DecodeException {
        byte[] atLimit = Transaction.encodeBody("c", SuiteId.INTL, KEY, 0, "kv", "set", new byte[Limits.MAX_ARGS_BYTES]);
        assertThat(Transaction.assemble(atLimit, new byte[64]).args()).hasSize(Limits.MAX_ARGS_BYTES);
        byte[] over = Transaction.encodeBody("c", SuiteId.INTL, KEY, 0, "kv", "set", new byte[Limits.MAX_ARGS_BYTES + 1]);
        assertThatThrownBy(() -> Transaction.decode(new ByteWriter().raw(over).bytes(new byte[64]).toByteArray()))
                .isInstanceOf(DecodeException.class).hasMessageContaining("args");
    }

    @Test
    void aNonceAbove2To53Minus1IsRejected() throws DecodeException {
        assertThat(Transaction.decode(signed(body(1, "c", 2, Limits.MAX_NONCE))).nonce()).isEqualTo((1L << 53) - 1);
        assertThatThrownBy(() -> Transaction.decode(signed(body(1, "c", 2, Limits.MAX_NONCE + 1))))
                .isInstanceOf(DecodeException.class).hasMessageContaining("nonce");
        assertThatThrownBy(() -> Transaction.decode(signed(body(1, "c", 2, Long.MAX_VALUE))))
                .isInstanceOf(DecodeException.class).hasMessageContaining("nonce");
        assertThatThrownBy(() -> Transaction.encodeBody("c", SuiteId.INTL, KEY, Limits.MAX_NONCE + 1, "kv", "set",
                Args.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oversizedKeysNamesAndSignaturesAreRejected() {
        byte[] longKey = new ByteWriter().u8(1).string("c").u8(2).bytes(new byte[66]).varint(0)
                .string("kv").string("set").bytes(Args.empty()).bytes(new byte[64]).toByteArray();
        assertThatThrownBy(() -> Transaction.decode(longKey)).isInstanceOf(DecodeException.class);
        byte[] longMethod = new ByteWriter().u8(1).string("c").u8(2).bytes(KEY).varint(0)
                .string("kv").string("m".repeat(65)).bytes(Args.empty()).bytes(new byte[64]).toByteArray();
        assertThatThrownBy(() -> Transaction.decode(longMethod)).isInstanceOf(DecodeException.class);
        byte[] body = Transaction.encodeBody("c", SuiteId.INTL, KEY, 0, "kv", "set", Args.empty());
        assertThatThrownBy(() -> Transaction.assemble(body, new byte[65])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNonceWhoseVarintOverflowsToNegativeIsRejected() {
        byte[] negativeNonce = new ByteWriter().u8(1).string("c").u8(2).bytes(KEY)
                .raw(org.jadechain.core.crypto.Hex.decode("80808080808080808001"))
                .string("kv").string("set").bytes(Args.empty()).bytes(new byte[64]).toByteArray();
        assertThatThrownBy(() -> Transaction.decode(negativeNonce)).isInstanceOf(DecodeException.class);
    }
}
