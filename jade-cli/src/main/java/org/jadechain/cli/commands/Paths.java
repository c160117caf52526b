package org.jadechain.cli.commands;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** API path pieces from user input. */
final class Paths {
    private Paths() {
    }

    /** {@code text} as one URL path segment (so an id typed with a slash or space cannot change the path). */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
