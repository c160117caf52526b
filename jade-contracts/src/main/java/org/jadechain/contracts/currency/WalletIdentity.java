package org.jadechain.contracts.currency;

import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;

/**
 * What the ledger knows of a wallet holder: the 32-byte {@link IdentityCommitment} and the identity
 * encrypted to the regulator's key (never the identity in clear). Encoding: {@code raw32 commitment,
 * bytes encryptedIdentity}.
 */
public record WalletIdentity(byte[] commitment, byte[] encryptedIdentity) {
    public static final int MAX_ENCRYPTED_BYTES = 2048;

    public WalletIdentity {
        commitment = commitment.clone();
        encryptedIdentity = encryptedIdentity.clone();
    }

    @Override
    public byte[] commitment() {
        return commitment.clone();
    }

    @Override
    public byte[] encryptedIdentity() {
        return encryptedIdentity.clone();
    }

    byte[] encode() {
        return new ByteWriter(commitment.length + encryptedIdentity.length + 4).raw(commitment)
                .bytes(encryptedIdentity).toByteArray();
    }

    static WalletIdentity decode(byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            WalletIdentity w = new WalletIdentity(r.raw(IdentityCommitment.LENGTH, "commitment"),
                    r.bytes("encryptedIdentity", MAX_ENCRYPTED_BYTES));
            r.expectEnd("wallet identity");
            return w;
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt wallet identity: " + e.getMessage(), e);
        }
    }
}
