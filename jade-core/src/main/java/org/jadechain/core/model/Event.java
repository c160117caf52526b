package org.jadechain.core.model;

import java.util.List;

/** Something a contract announces, recorded in the receipt: e.g. {@code currency.Transferred}. */
public record Event(String contract, String type, List<Attribute> attributes) {
    public Event {
        attributes = List.copyOf(attributes);
    }

    /** The value of the first attribute with that name, or null. */
    public String get(String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return a.value();
            }
        }
        return null;
    }
}
