package org.jadechain.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.sdk.json.Json;

/**
 * Measures the ceiling ({@code jade bench ceiling}) in a fresh JVM with a node's JIT setting, C2 only (ADR 0012),
 * rather than inside {@code jade bench}. The load generator's own JVM shares the cores with the node it loads, so
 * the {@code jade} launcher runs it as a light client (C1 only), whose verification code would be far slower
 * than a node's; and a fresh JVM measures the same way every time, whatever ran in the load generator before.
 */
public final class CeilingProcess {
    /** A node's JIT setting, as the {@code jade} launcher starts nodes. */
    static final List<String> NODE_JIT = List.of("-XX:-TieredCompilation");

    private final String mainClass;

    /** @param mainClass the CLI's main class, whose {@code bench ceiling --suite S --json FILE} does the measuring */
    public CeilingProcess(String mainClass) {
        this.mainClass = mainClass;
    }

    /**
     * Runs the measurement and returns its result; the child's messages go to this process's standard error.
     *
     * @throws IOException when the child cannot start, fails, or writes no result
     */
    public Ceiling measure(SuiteId suite) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jade-ceiling-", ".json");
        try {
            List<String> command = command(suite, out);
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            int code = p.waitFor();
            if (code != 0) {
                throw new IOException("the ceiling measurement (" + String.join(" ", command) + ") exited with " + code);
            }
            return Ceiling.fromJson(Json.read(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The child's command line: this JVM's java and class path, a node's JIT setting. */
    List<String> command(SuiteId suite, Path out) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(NODE_JIT);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of("bench", "ceiling", "--suite", suite.label(), "--json", out.toString()));
        return cmd;
    }
}
