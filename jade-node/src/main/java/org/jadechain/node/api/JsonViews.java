package org.jadechain.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.model.Attribute;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.Transaction;

/** Turns ledger objects into the JSON shapes of docs/API.md. Stateless. */
public final class JsonViews {
    private final ObjectMapper json;
    private final CryptoSuite suite;

    public JsonViews(ObjectMapper json, CryptoSuite suite) {
        this.json = json;
        this.suite = suite;
    }

    public ObjectNode transaction(Transaction tx) {
        ObjectNode n = json.createObjectNode();
        n.put("chainId", tx.chainId());
        n.put("suite", tx.suite().label());
        n.put("sender", sender(tx));
        n.put("senderPublicKey", Hex.encode(tx.senderPublicKey()));
        n.put("nonce", tx.nonce());
        n.put("contract", tx.contract());
        n.put("method", tx.method());
        n.set("args", args(tx.args()));
        n.put("signature", Hex.encode(tx.signature()));
        n.put("encoded", Hex.encode(tx.unsafeEncoded()));
        return n;
    }

    /** The sender's address, or "" when the key does not decode (only in a refused transaction). */
    public String sender(Transaction tx) {
        try {
            return suite.address(suite.decodePublicKey(tx.senderPublicKey())).hex();
        } catch (CryptoException e) {
            return "";
        }
    }

    private ArrayNode args(byte[] encoded) {
        ArrayNode a = json.createArrayNode();
        try {
            for (Object v : Args.decode(encoded).values()) {
                ObjectNode o = a.addObject();
                if (v instanceof Long l) {
                    o.put("type", "int").put("value", l);
                } else if (v instanceof byte[] b) {
                    o.put("type", "bytes").put("value", Hex.encode(b));
                } else if (v instanceof String s) {
                    o.put("type", "string").put("value", s);
                } else if (v instanceof Boolean b) {
                    o.put("type", "bool").put("value", b);
                }
            }
        } catch (ContractException e) {
            a.addObject().put("type", "malformed").put("value", Hex.encode(encoded));
        }
        return a;
    }

    public ObjectNode receipt(Receipt r) {
        ObjectNode n = json.createObjectNode();
        n.put("code", r.code().name());
        n.put("message", r.message());
        n.put("kind", r.kind().name());
        ArrayNode events = n.putArray("events");
        for (Event e : r.events()) {
            ObjectNode en = events.addObject();
            en.put("contract", e.contract());
            en.put("type", e.type());
            ObjectNode attrs = en.putObject("attributes");
            for (Attribute at : e.attributes()) {
                attrs.put(at.name(), at.value());
            }
        }
        ObjectNode out = n.putObject("output");
        for (Attribute at : r.output()) {
            out.put(at.name(), at.value());
        }
        return n;
    }
}
