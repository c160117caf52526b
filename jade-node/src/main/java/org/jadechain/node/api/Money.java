package org.jadechain.node.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jadechain.contracts.currency.Yuan;

/** Amounts in API answers: the integer in fen under {@code field} and its text in yuan under {@code fieldYuan}. */
final class Money {
    private Money() {
    }

    static ObjectNode put(ObjectNode n, String field, long fen) {
        n.put(field, fen);
        n.put(field + "Yuan", Yuan.format(fen));
        return n;
    }
}
