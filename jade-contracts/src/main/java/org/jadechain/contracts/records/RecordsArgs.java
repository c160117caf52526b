package org.jadechain.contracts.records;

import java.nio.charset.StandardCharsets;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.ContractException;

/** Decoding and bounds of the records methods' arguments; every failure is INVALID_ARGUMENT. Stateless. */
final class RecordsArgs {
    private RecordsArgs() {
    }

    static String name(Args args, int i) throws ContractException {
        String s = args.string(i);
        int n = s.getBytes(StandardCharsets.UTF_8).length;
        if (n == 0 || n > RecordsContract.MAX_NAME_BYTES) {
            throw ContractException.invalid("a collection name is 1.." + RecordsContract.MAX_NAME_BYTES
                    + " bytes, got " + n);
        }
        return s;
    }

    static Principals principals(Args args, int i, String what) throws ContractException {
        try {
            return Principals.decode(args.bytes(i));
        } catch (DecodeException e) {
            throw ContractException.invalid(what + " are not a canonical list of organisations and keys: "
                    + e.getMessage());
        }
    }

    /** A collection or record id: 1..64 bytes; {@code optional} allows the empty string. */
    static String id(Args args, int i, String what, boolean optional) throws ContractException {
        String s = args.string(i);
        int n = s.getBytes(StandardCharsets.UTF_8).length;
        if ((n == 0 && !optional) || n > RecordsContract.MAX_ID_BYTES) {
            throw ContractException.invalid(what + " must be " + (optional ? "0" : "1") + ".."
                    + RecordsContract.MAX_ID_BYTES + " bytes, got " + n);
        }
        return s;
    }

    static int mode(Args args, int i) throws ContractException {
        long m = args.int64(i);
        if (m != RecordsContract.MODE_HASH_ONLY && m != RecordsContract.MODE_ENCRYPTED) {
            throw ContractException.invalid("mode must be " + RecordsContract.MODE_HASH_ONLY + " (hash only) or "
                    + RecordsContract.MODE_ENCRYPTED + " (encrypted), got " + m);
        }
        return (int) m;
    }

    static byte[] documentHash(Args args, int i) throws ContractException {
        byte[] b = args.bytes(i);
        if (b.length < RecordsContract.MIN_HASH_BYTES || b.length > RecordsContract.MAX_HASH_BYTES) {
            throw ContractException.invalid("the document hash must be " + RecordsContract.MIN_HASH_BYTES + ".."
                    + RecordsContract.MAX_HASH_BYTES + " bytes, got " + b.length);
        }
        return b;
    }
}
