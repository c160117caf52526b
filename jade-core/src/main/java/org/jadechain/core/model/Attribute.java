package org.jadechain.core.model;

/** A named text value in an event or a receipt's output; numbers are written in decimal. */
public record Attribute(String name, String value) {
}
