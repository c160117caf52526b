package org.jadechain.core.exec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.model.Attribute;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.ResultCode;

/**
 * Keeps every receipt the executor writes decodable: a call whose events or output break the receipt
 * limits of {@link Limits} is refused with LIMIT_EXCEEDED (its writes discarded) instead of committing a
 * receipt that no one could read back.
 */
final class ReceiptLimits {
    private ReceiptLimits() {
    }

    static void check(List<Event> events, List<Attribute> output) throws ContractException {
        if (events.size() > Limits.MAX_EVENTS_PER_RECEIPT) {
            throw refuse("emitted " + events.size() + " events, over " + Limits.MAX_EVENTS_PER_RECEIPT);
        }
        for (Event e : events) {
            name(e.contract());
            name(e.type());
            attributes(e.attributes());
        }
        attributes(output);
    }

    private static void attributes(List<Attribute> attributes) throws ContractException {
        if (attributes.size() > Limits.MAX_ATTRIBUTES) {
            throw refuse(attributes.size() + " attributes, over " + Limits.MAX_ATTRIBUTES);
        }
        for (Attribute a : attributes) {
            name(a.name());
            if (a.value().getBytes(StandardCharsets.UTF_8).length > Limits.MAX_ATTRIBUTE_VALUE_BYTES) {
                throw refuse("attribute " + a.name() + " is over " + Limits.MAX_ATTRIBUTE_VALUE_BYTES + " bytes");
            }
        }
    }

    private static void name(String name) throws ContractException {
        if (name.getBytes(StandardCharsets.UTF_8).length > Limits.MAX_NAME_BYTES) {
            throw refuse("name over " + Limits.MAX_NAME_BYTES + " bytes");
        }
    }

    private static ContractException refuse(String why) {
        return new ContractException(ResultCode.LIMIT_EXCEEDED, "the call's receipt would break its limits: " + why);
    }
}
