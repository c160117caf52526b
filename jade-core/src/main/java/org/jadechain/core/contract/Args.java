package org.jadechain.core.contract;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.model.ResultCode;

/**
 * The arguments of a contract call: a list of typed values, so that any call can be shown without
 * knowing the contract. Encoding: {@code varint n}, then per value a type tag and the value:
 * {@code 1} int64 (8 bytes big-endian), {@code 2} bytes, {@code 3} UTF-8 string, {@code 4} bool.
 */
public final class Args {
    public static final int INT = 1;
    public static final int BYTES = 2;
    public static final int STRING = 3;
    public static final int BOOL = 4;

    private final List<Object> values;

    private Args(List<Object> values) {
        this.values = values;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static byte[] empty() {
        return builder().encode();
    }

    /** @throws ContractException with INVALID_ARGUMENT when the bytes are not a canonical argument list */
    public static Args decode(byte[] bytes) throws ContractException {
        try {
            ByteReader r = new ByteReader(bytes);
            int n = (int) r.varint("argument count", Limits.MAX_ARGS_COUNT);
            List<Object> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int tag = r.u8("argument type");
                switch (tag) {
                    case INT -> values.add(r.i64("int argument"));
                    case BYTES -> values.add(r.bytes("bytes argument", Limits.MAX_ARGS_BYTES));
                    case STRING -> values.add(r.string("string argument", Limits.MAX_ARGS_BYTES));
                    case BOOL -> values.add(r.bool("bool argument"));
                    default -> throw new DecodeException("unknown argument type " + tag);
                }
            }
            r.expectEnd("arguments");
            return new Args(values);
        } catch (DecodeException e) {
            throw ContractException.invalid("malformed arguments: " + e.getMessage());
        }
    }

    public int size() {
        return values.size();
    }

    /** The values, for display: Long, byte[], String or Boolean. */
    public List<Object> values() {
        return List.copyOf(values);
    }

    public void expectCount(int n) throws ContractException {
        if (values.size() != n) {
            throw ContractException.invalid("expected " + n + " arguments, got " + values.size());
        }
    }

    private Object at(int i) throws ContractException {
        if (i >= values.size()) {
            throw ContractException.invalid("missing argument " + i);
        }
        return values.get(i);
    }

    public long int64(int i) throws ContractException {
        if (at(i) instanceof Long l) {
            return l;
        }
        throw ContractException.invalid("argument " + i + " must be an integer");
    }

    public byte[] bytes(int i) throws ContractException {
        if (at(i) instanceof byte[] b) {
            return b.clone();
        }
        throw ContractException.invalid("argument " + i + " must be bytes");
    }

    public String string(int i) throws ContractException {
        if (at(i) instanceof String s) {
            return s;
        }
        throw ContractException.invalid("argument " + i + " must be a string");
    }

    public boolean bool(int i) throws ContractException {
        if (at(i) instanceof Boolean b) {
            return b;
        }
        throw ContractException.invalid("argument " + i + " must be a boolean");
    }

    /** Builds an encoded argument list. */
    public static final class Builder {
        private final ByteWriter w = new ByteWriter();
        private int count;
        private final ByteWriter body = new ByteWriter();

        public Builder int64(long v) {
            body.u8(INT).i64(v);
            count++;
            return this;
        }

        public Builder bytes(byte[] v) {
            body.u8(BYTES).bytes(v);
            count++;
            return this;
        }

        public Builder string(String v) {
            body.u8(STRING).string(v);
            count++;
            return this;
        }

        public Builder bool(boolean v) {
            body.u8(BOOL).bool(v);
            count++;
            return this;
        }

        public byte[] encode() {
            w.reset();
            w.varint(count).raw(body.toByteArray());
            return w.toByteArray();
        }
    }

}
