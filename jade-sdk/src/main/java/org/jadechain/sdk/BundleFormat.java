package org.jadechain.sdk;

import java.util.List;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hash;

/**
 * The {@code format} check of a bundle already shaped by {@link ReceiptBundle#fromJson}: the format tag,
 * no missing parts, and every binary field in lower-case hex of the right length. Stateless.
 */
final class BundleFormat {
    private static final int ANY = -1;

    private BundleFormat() {
    }

    static void check(ReceiptBundle b) throws CheckFailure {
        present("format", b.format());
        if (!b.format().equals(ReceiptBundle.FORMAT)) {
            throw new CheckFailure("format is '" + b.format() + "', expected '" + ReceiptBundle.FORMAT + "'");
        }
        if (b.documentHash() != null) {
            hex("documentHash", b.documentHash(), ANY);
        }
        present("chainId", b.chainId());
        present("suite", b.suite());
        hex("txHash", b.txHash(), Hash.LENGTH);
        if (b.transaction() != null || b.txProof() != null) {
            hex("transaction", b.transaction(), ANY);
            proof("txProof", b.txProof());
        }
        hex("receipt", b.receipt(), ANY);
        proof("receiptProof", b.receiptProof());
        header(b.header());
        hex("headerHash", b.headerHash(), Hash.LENGTH);
        certificate(b.certificate());
        if (b.caseEvidence() != null) {
            if (!b.trigger()) {
                throw new CheckFailure("caseEvidence belongs only in a case filing's (trigger's) bundle");
            }
            hex("caseEvidence", b.caseEvidence(), ANY);
        }
        if (b.documentHash() != null && b.trigger()) {
            throw new CheckFailure("documentHash belongs only in a transaction's bundle");
        }
    }

    private static void header(ReceiptBundle.Header h) throws CheckFailure {
        present("header", h);
        present("header.chainId", h.chainId());
        hex("header.previousHash", h.previousHash(), Hash.LENGTH);
        hex("header.txRoot", h.txRoot(), Hash.LENGTH);
        hex("header.receiptRoot", h.receiptRoot(), Hash.LENGTH);
        hex("header.stateRoot", h.stateRoot(), Hash.LENGTH);
        hex("header.proposer", h.proposer(), Address.LENGTH);
        hex("header.encoded", h.encoded(), ANY);
    }

    private static void certificate(ReceiptBundle.Certificate c) throws CheckFailure {
        present("certificate", c);
        hex("certificate.headerHash", c.headerHash(), Hash.LENGTH);
        present("certificate.signatures", c.signatures());
        List<ReceiptBundle.CertificateSignature> sigs = c.signatures();
        for (int i = 0; i < sigs.size(); i++) {
            String at = "certificate.signatures[" + i + "]";
            present(at, sigs.get(i));
            hex(at + ".publicKey", sigs.get(i).publicKey(), ANY);
            hex(at + ".signature", sigs.get(i).signature(), ANY);
        }
        hex("certificate.encoded", c.encoded(), ANY);
    }

    private static void proof(String name, ReceiptBundle.Proof p) throws CheckFailure {
        present(name, p);
        present(name + ".path", p.path());
        for (int i = 0; i < p.path().size(); i++) {
            hex(name + ".path[" + i + "]", p.path().get(i), Hash.LENGTH);
        }
    }

    private static void present(String field, Object value) throws CheckFailure {
        if (value == null) {
            throw new CheckFailure(field + " is missing");
        }
    }

    /** Lower-case hex digits, an even number of them, and exactly {@code bytes} bytes unless {@link #ANY}. */
    private static void hex(String field, String value, int bytes) throws CheckFailure {
        present(field, value);
        if (value.isEmpty()) {
            throw new CheckFailure(field + " is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw new CheckFailure(field + " is not lower-case hex: '" + printable(c) + "' at position " + i);
            }
        }
        if (value.length() % 2 != 0) {
            throw new CheckFailure(field + " has an odd number of hex digits");
        }
        if (bytes != ANY && value.length() != 2 * bytes) {
            throw new CheckFailure(field + " must be " + bytes + " bytes (" + 2 * bytes + " hex digits), got "
                    + value.length() + " digits");
        }
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
