package org.jadechain.cli.commands;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --receipt FILE}: where a write command saves the receipt bundle of its committed transaction. */
public final class ReceiptOption {
    @Option(names = "--receipt", paramLabel = "FILE",
            description = "also write the committed transaction's receipt bundle here (check it offline with jade proof verify)")
    Path file;

    Path file() {
        return file;
    }
}
