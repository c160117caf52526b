package org.jadechain.core.model;

import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.SuiteId;

/**
 * A signed transaction, held as the exact bytes it was received as (never re-encoded).
 *
 * <pre>
 * u8      version (1)
 * string  chainId          (&le; 64 bytes UTF-8)
 * u8      suite            (1 = sm, 2 = intl)
 * bytes   senderPublicKey  (&le; 65)
 * varint  nonce            (&lt; 2^53)
 * string  contract         (&le; 64)
 * string  method           (&le; 64)
 * bytes   args             (&le; 48 KiB, the contract's {@code Args} encoding)
 * bytes   signature        (&le; 64) over every byte before this field
 * </pre>
 *
 * The transaction hash is the chain hash of all the bytes (signature included). Immutable and thread-safe.
 */
public final class Transaction {
    public static final int VERSION = 1;

    private final byte[] encoded;
    private final int bodyLength;
    private final String chainId;
    private final SuiteId suite;
    private final byte[] senderPublicKey;
    private final long nonce;
    private final String contract;
    private final String method;
    private final byte[] args;
    private final byte[] signature;
    private volatile Hash hash;

    private Transaction(byte[] encoded, int bodyLength, String chainId, SuiteId suite, byte[] senderPublicKey,
                        long nonce, String contract, String method, byte[] args, byte[] signature) {
        this.encoded = encoded;
        this.bodyLength = bodyLength;
        this.chainId = chainId;
        this.suite = suite;
        this.senderPublicKey = senderPublicKey;
        this.nonce = nonce;
        this.contract = contract;
        this.method = method;
        this.args = args;
        this.signature = signature;
    }

    /** The unsigned body: what the sender signs. */
    public static byte[] encodeBody(String chainId, SuiteId suite, byte[] senderPublicKey, long nonce,
                                    String contract, String method, byte[] args) {
        if (nonce < 0 || nonce > Limits.MAX_NONCE) {
            throw new IllegalArgumentException("nonce out of range: " + nonce);
        }
        ByteWriter w = new ByteWriter(64 + senderPublicKey.length + args.length + contract.length() + method.length());
        w.u8(VERSION).string(chainId).u8(suite.code()).bytes(senderPublicKey).varint(nonce)
                .string(contract).string(method).bytes(args);
        return w.toByteArray();
    }

    /** Appends the signature to a body made by {@link #encodeBody} and decodes the result. */
    public static Transaction assemble(byte[] body, byte[] signature) {
        ByteWriter w = new ByteWriter(body.length + signature.length + 2);
        w.raw(body).bytes(signature);
        try {
            return decode(w.toByteArray());
        } catch (DecodeException e) {
            throw new IllegalArgumentException("cannot assemble transaction: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes and checks the structure (not the signature, which needs {@link CryptoSuite#verify}).
     *
     * @throws DecodeException for anything that is not exactly one canonical transaction
     */
    public static Transaction decode(byte[] bytes) throws DecodeException {
        if (bytes.length > Limits.MAX_TX_BYTES) {
            throw new DecodeException("transaction is " + bytes.length + " bytes, over the limit of " + Limits.MAX_TX_BYTES);
        }
        ByteReader r = new ByteReader(bytes);
        int version = r.u8("version");
        if (version != VERSION) {
            throw new DecodeException("unknown transaction version " + version);
        }
        String chainId = r.string("chainId", Limits.MAX_CHAIN_ID_BYTES);
        int suiteCode = r.u8("suite");
        SuiteId suite;
        try {
            suite = SuiteId.fromCode(suiteCode);
        } catch (IllegalArgumentException e) {
            throw new DecodeException("unknown crypto suite " + suiteCode);
        }
        byte[] pub = r.bytes("senderPublicKey", Limits.MAX_PUBLIC_KEY_BYTES);
        long nonce = r.varint("nonce", Limits.MAX_NONCE);
        String contract = r.string("contract", Limits.MAX_NAME_BYTES);
        String method = r.string("method", Limits.MAX_NAME_BYTES);
        byte[] args = r.bytes("args", Limits.MAX_ARGS_BYTES);
        int bodyLength = r.position();
        byte[] sig = r.bytes("signature", Limits.MAX_SIGNATURE_BYTES);
        r.expectEnd("transaction");
        return new Transaction(bytes.clone(), bodyLength, chainId, suite, pub, nonce, contract, method, args, sig);
    }

    /** The chain hash of the encoded bytes; computed once. */
    public Hash hash() {
        Hash h = hash;
        if (h == null) {
            h = CryptoSuites.of(suite).hash(encoded);
            hash = h;
        }
        return h;
    }

    public byte[] encoded() {
        return encoded.clone();
    }

    /** The backing array, not to be modified. */
    public byte[] unsafeEncoded() {
        return encoded;
    }

    public byte[] signedBody() {
        return java.util.Arrays.copyOf(encoded, bodyLength);
    }

    public String chainId() {
        return chainId;
    }

    public SuiteId suite() {
        return suite;
    }

    public byte[] senderPublicKey() {
        return senderPublicKey.clone();
    }

    byte[] unsafeSenderPublicKey() {
        return senderPublicKey;
    }

    public long nonce() {
        return nonce;
    }

    public String contract() {
        return contract;
    }

    public String method() {
        return method;
    }

    public byte[] args() {
        return args.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    public int size() {
        return encoded.length;
    }

    @Override
    public String toString() {
        return "tx " + hash().hex() + " " + contract + "." + method + " nonce " + nonce;
    }
}
