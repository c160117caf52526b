package org.jadechain.cli.commands;

import picocli.CommandLine.Option;

/** {@code --offset N --limit N} of a listing command, as the API's {@code offset} and {@code limit} query parameters. */
public final class PageOptions {
    @Option(names = "--offset", defaultValue = "0", description = "entries to skip; default ${DEFAULT-VALUE}")
    long offset;

    @Option(names = "--limit", defaultValue = "50", description = "at most this many entries; default ${DEFAULT-VALUE}")
    int limit;

    /** {@code offset=…&limit=…}, to follow a {@code ?} or {@code &}. */
    String query() {
        return "offset=" + offset + "&limit=" + limit;
    }
}
