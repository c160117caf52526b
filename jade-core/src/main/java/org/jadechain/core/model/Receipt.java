package org.jadechain.core.model;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.crypto.Hash;

/**
 * The outcome of one transaction, or of one scheduled trigger (whose {@code txHash} is then the
 * trigger's id). A block's receipts are its triggers' receipts, in execution order, then one per
 * transaction in block order.
 *
 * <pre>
 * u8 version (1), raw32 txHash, u8 kind (0 transaction, 1 trigger), string code, string message,
 * varint events, each: string contract, string type, attributes;
 * attributes output
 * attributes = varint n, n × (string name, string value)
 * </pre>
 */
public record Receipt(Hash txHash, Kind kind, ResultCode code, String message, List<Event> events,
                      List<Attribute> output) {
    public static final int VERSION = 1;

    public enum Kind { TRANSACTION, TRIGGER }

    public Receipt {
        events = List.copyOf(events);
        output = List.copyOf(output);
    }

    public boolean ok() {
        return code == ResultCode.OK;
    }

    /** The value of the first output attribute with that name, or null. */
    public String outputValue(String name) {
        for (Attribute a : output) {
            if (a.name().equals(name)) {
                return a.value();
            }
        }
        return null;
    }

    public byte[] encode() {
        ByteWriter w = new ByteWriter(128);
        w.u8(VERSION).raw(txHash.unsafeBytes()).u8(kind.ordinal()).string(code.name()).string(message);
        w.varint(events.size());
        for (Event e : events) {
            w.string(e.contract()).string(e.type());
            writeAttributes(w, e.attributes());
        }
        writeAttributes(w, output);
        return w.toByteArray();
    }

    private static void writeAttributes(ByteWriter w, List<Attribute> attributes) {
        w.varint(attributes.size());
        for (Attribute a : attributes) {
            w.string(a.name()).string(a.value());
        }
    }

    public static Receipt decode(byte[] bytes) throws DecodeException {
        ByteReader r = new ByteReader(bytes);
        int version = r.u8("receipt version");
        if (version != VERSION) {
            throw new DecodeException("unknown receipt version " + version);
        }
        Hash txHash = Hash.wrap(r.raw(Hash.LENGTH, "txHash"));
        int kind = r.u8("kind");
        if (kind > 1) {
            throw new DecodeException("unknown receipt kind " + kind);
        }
        String codeName = r.string("code", Limits.MAX_NAME_BYTES);
        ResultCode code;
        try {
            code = ResultCode.parse(codeName);
        } catch (IllegalArgumentException e) {
            throw new DecodeException("unknown result code " + codeName);
        }
        String message = r.string("message", Limits.MAX_MESSAGE_BYTES);
        int n = (int) r.varint("event count", Limits.MAX_EVENTS_PER_RECEIPT);
        List<Event> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String contract = r.string("event contract", Limits.MAX_NAME_BYTES);
            String type = r.string("event type", Limits.MAX_NAME_BYTES);
            events.add(new Event(contract, type, readAttributes(r)));
        }
        List<Attribute> output = readAttributes(r);
        r.expectEnd("receipt");
        return new Receipt(txHash, Kind.values()[kind], code, message, events, output);
    }

    private static List<Attribute> readAttributes(ByteReader r) throws DecodeException {
        int n = (int) r.varint("attribute count", Limits.MAX_ATTRIBUTES);
        List<Attribute> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Attribute(r.string("attribute name", Limits.MAX_NAME_BYTES),
                    r.string("attribute value", Limits.MAX_ATTRIBUTE_VALUE_BYTES)));
        }
        return out;
    }
}
