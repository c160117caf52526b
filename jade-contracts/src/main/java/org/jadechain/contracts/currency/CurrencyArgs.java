package org.jadechain.contracts.currency;

import java.nio.charset.StandardCharsets;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.model.ResultCode;

/**
 * Decoding and bounds of the currency methods' arguments; every failure is INVALID_ARGUMENT. Checked
 * arithmetic on fen (overflow is OVERFLOW) lives here too. Stateless.
 */
final class CurrencyArgs {
    private CurrencyArgs() {
    }

    /** A strictly positive amount of fen. */
    static long amount(Args args, int i) throws ContractException {
        long v = args.int64(i);
        if (v <= 0) {
            throw ContractException.invalid("the amount must be a positive number of fen, got " + v);
        }
        return v;
    }

    static Address wallet(Args args, int i, String what) throws ContractException {
        byte[] b = args.bytes(i);
        if (b.length != Address.LENGTH) {
            throw ContractException.invalid(what + " must be a " + Address.LENGTH + "-byte address, got "
                    + b.length + " bytes");
        }
        return Address.of(b);
    }

    static int walletClass(Args args, int i) throws ContractException {
        long c = args.int64(i);
        if (!CurrencyParameters.validClass(c)) {
            throw ContractException.invalid("wallet class must be " + CurrencyParameters.MIN_CLASS + ".."
                    + CurrencyParameters.MAX_CLASS + ", got " + c);
        }
        return (int) c;
    }

    static String organisationId(Args args, int i) throws ContractException {
        String s = args.string(i);
        int n = s.getBytes(StandardCharsets.UTF_8).length;
        if (n == 0 || n > CurrencyContract.MAX_ORGANISATION_ID_BYTES) {
            throw ContractException.invalid("an organisation id is 1.." + CurrencyContract.MAX_ORGANISATION_ID_BYTES
                    + " bytes");
        }
        return s;
    }

    static String caseId(Args args, int i) throws ContractException {
        String s = args.string(i);
        int n = s.getBytes(StandardCharsets.UTF_8).length;
        if (n == 0 || n > FrozenCase.MAX_CASE_ID_BYTES) {
            throw ContractException.invalid("a case id is 1.." + FrozenCase.MAX_CASE_ID_BYTES + " bytes, got " + n);
        }
        return s;
    }

    static String memo(Args args, int i) throws ContractException {
        String s = args.string(i);
        int n = s.getBytes(StandardCharsets.UTF_8).length;
        if (n > CurrencyContract.MAX_MEMO_BYTES) {
            throw ContractException.invalid("the memo is " + n + " bytes; at most " + CurrencyContract.MAX_MEMO_BYTES);
        }
        return s;
    }

    static byte[] bytesBetween(Args args, int i, String what, int min, int max) throws ContractException {
        byte[] b = args.bytes(i);
        if (b.length < min || b.length > max) {
            throw ContractException.invalid(what + " must be " + (min == max ? min : min + ".." + max)
                    + " bytes, got " + b.length);
        }
        return b;
    }

    /** {@code a + b} in fen, refused with OVERFLOW when it exceeds a long. */
    static long add(long a, long b, String what) throws ContractException {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new ContractException(ResultCode.OVERFLOW, what + " would exceed " + Long.MAX_VALUE + " fen");
        }
    }
}
