package org.jadechain.cli.commands;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jadechain.cli.JadeCli;
import org.jadechain.cli.bench.BenchResult;
import org.jadechain.cli.bench.BenchTarget;
import org.jadechain.cli.bench.Ceiling;
import org.jadechain.cli.bench.CeilingMeter;
import org.jadechain.cli.bench.CeilingProcess;
import org.jadechain.cli.bench.HttpTarget;
import org.jadechain.cli.bench.InProcessTarget;
import org.jadechain.cli.bench.LoadDriver;
import org.jadechain.cli.bench.LoadPlan;
import org.jadechain.cli.bench.WalletSetup;
import org.jadechain.cli.bench.Workload;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.Signer;
import org.jadechain.sdk.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jade bench}: an end-to-end load of currency transfers against a running node (REST batch endpoint,
 * block event stream) or a ledger in this process, ending with committed TPS, latency, refusals and the
 * ratio to this machine's signature-verification ceiling ({@code jade bench ceiling}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load a network with pre-signed transfers and report committed TPS, latency and the ratio to "
                + "the signature-verification ceiling.",
        subcommands = {BenchCommand.CeilingCommand.class})
public final class BenchCommand implements Callable<Integer> {
    /** Measures the ceiling in a fresh JVM with a node's JIT setting (this JVM may be a C1-only client). */
    private static final CeilingProcess CEILING = new CeilingProcess(JadeCli.class.getName());

    @Option(names = "--node", description = "node API URL; default $JADE_NODE or " + ClientOptions.DEFAULT_NODE)
    String node;

    @Option(names = "--in-process", description = "no HTTP: a solo devnet ledger in this process, fed through the "
            + "node's verifier, mempool and block producer")
    boolean inProcess;

    @Option(names = "--memory", description = "with --in-process: keep the ledger in memory instead of RocksDB")
    boolean memory;

    @Option(names = "--suite", description = "with --in-process: sm (default) or intl")
    String suite;

    @Option(names = "--wallets", defaultValue = "1000", description = "wallets to open and fund; default ${DEFAULT-VALUE}")
    int wallets;

    @Option(names = "--transfers", defaultValue = "100000", description = "transfers to send; default ${DEFAULT-VALUE}")
    int transfers;

    @Option(names = "--amount", defaultValue = "1", description = "fen per transfer; default ${DEFAULT-VALUE}")
    long amount;

    @Option(names = "--wallet-class", defaultValue = "1",
            description = "class of the new wallets (1 has no caps); default ${DEFAULT-VALUE}")
    int walletClass;

    @Option(names = "--rate", defaultValue = "0",
            description = "transfers per second on a fixed schedule (open loop); 0 = as fast as accepted (default)")
    double rate;

    @Option(names = "--concurrency", defaultValue = "4", description = "parallel submitters; default ${DEFAULT-VALUE}")
    int concurrency;

    @Option(names = "--batch", defaultValue = "500", description = "transfers per batch request; default ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--max-pending", defaultValue = "20000",
            description = "as fast as accepted: most transfers waiting for a block at once; default ${DEFAULT-VALUE}")
    int maxPending;

    @Option(names = "--drain-timeout", defaultValue = "120",
            description = "seconds to wait for the last commits; default ${DEFAULT-VALUE}")
    long drainSeconds;

    @Option(names = "--keys", defaultValue = "devnet-data/keys",
            description = "directory with OPERATOR.pem and (optionally) central-bank.pem; default ${DEFAULT-VALUE}")
    Path keys;

    @Option(names = "--operator", defaultValue = "bank-a",
            description = "operator that opens and funds the wallets (its key: KEYS/ID.pem); default ${DEFAULT-VALUE}")
    String operator;

    @Option(names = "--ceiling", description = "all-cores verifications per second, or a file saved by "
            + "'jade bench ceiling --json'; default: measure it before and after the load and use the higher")
    String ceiling;

    @Option(names = "--no-ceiling", description = "neither measure nor report the ceiling")
    boolean noCeiling;

    @Option(names = "--json", arity = "0..1", fallbackValue = "-", paramLabel = "FILE",
            description = "also write the result as JSON to FILE; with no FILE, print the JSON on standard output "
                    + "and the table on standard error")
    Path json;

    @Option(names = "--progress", description = "draw the progress bar even when not on a terminal")
    boolean progress;

    @Override
    public Integer call() throws Exception {
        if (transfers < 1) {
            throw new IllegalArgumentException("--transfers must be at least 1");
        }
        LoadPlan plan = new LoadPlan(rate, concurrency, batch, maxPending, drainSeconds * 1000);
        PrintStream err = System.err;
        try (BenchTarget target = inProcess ? InProcessTarget.start(suiteOr(SuiteId.SM), memory)
                : new HttpTarget(nodeUrl())) {
            boolean measureCeiling = !noCeiling && ceiling == null;
            Ceiling c = noCeiling ? null : ceiling(target.suite(), err);
            Path keyDir = target instanceof InProcessTarget p ? p.keys() : keys;
            Signer op = Signer.load(requireKey(keyDir.resolve(operator + ".pem")));
            Path cbKey = keyDir.resolve("central-bank.pem");
            Signer cb = Files.isRegularFile(cbKey) ? Signer.load(cbKey) : null;

            err.printf(Locale.ROOT, "bench: opening and funding %,d class-%d wallets through %s...%n", wallets,
                    walletClass, operator);
            List<Signer> ws = Workload.newWallets(target.suite(), wallets, new java.security.SecureRandom());
            int perWallet = (transfers + wallets - 1) / wallets;
            new WalletSetup(target, op, operator, cb).run(ws, walletClass, Math.multiplyExact(amount, (long) perWallet),
                    amount, perWallet);
            err.printf(Locale.ROOT, "bench: signing %,d transfers...%n", transfers);
            Workload w = Workload.create(target.chainId(), target.suite(), ws, transfers, amount, 0);
            long storeBefore = target instanceof InProcessTarget p && !memory ? p.storeBytes() : -1;
            err.printf(Locale.ROOT, "bench: running against %s%n", target.describe());
            String startedAt = Instant.now().toString();
            LoadDriver.Run run = new LoadDriver(target, w, plan).run(progress || System.console() != null ? err : null);
            if (measureCeiling) {
                // a node that has just started may still be compiling or compacting beside the first measurement,
                // which would lower the ceiling and flatter the ratio; after the load it is warm and idle
                err.printf(Locale.ROOT, "bench: measuring the ceiling again after the load (first: %,.0f/s)...%n",
                        c.allCores());
                Ceiling again = CEILING.measure(target.suite());
                err.printf(Locale.ROOT, "bench: ceiling after the load: %,.0f/s; the higher one is used%n",
                        again.allCores());
                c = Ceiling.higher(c, again);
            }
            BenchResult result = BenchResult.of(target.describe(), w, walletClass, plan, startedAt, run, c);
            if (storeBefore >= 0 && run.tracker().committed() > 0) {
                long grown = ((InProcessTarget) target).storeBytes() - storeBefore;
                result = result.withStoreBytesPerTransfer((double) grown / run.tracker().committed());
            }
            if (target instanceof HttpTarget h && h.followFailure() != null) {
                err.println("bench: warning: " + h.followFailure());
            }
            boolean jsonOut = json != null && json.toString().equals("-");
            result.print(jsonOut ? System.err : System.out);
            if (jsonOut) {
                System.out.println(Json.pretty(result.toJson()));
            } else if (json != null) {
                Json.write(result.toJson(), json);
            }
            return run.tracker().committed() == transfers ? 0 : 1;
        }
    }

    private SuiteId suiteOr(SuiteId fallback) {
        return suite == null ? fallback : SuiteId.fromLabel(suite);
    }

    private String nodeUrl() {
        if (node != null) {
            return node;
        }
        String env = System.getenv("JADE_NODE");
        return env == null || env.isBlank() ? ClientOptions.DEFAULT_NODE : env;
    }

    private static Path requireKey(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no operator key at " + p + " (give --keys DIR and --operator ID)");
        }
        return p;
    }

    private Ceiling ceiling(SuiteId chainSuite, PrintStream err) throws Exception {
        if (ceiling != null) {
            if (ceiling.matches("[0-9]+(\\.[0-9]+)?")) {
                return Ceiling.given(chainSuite.label(), Double.parseDouble(ceiling));
            }
            Ceiling saved = Ceiling.fromJson(Json.read(Path.of(ceiling)));
            if (!saved.suite().equals(chainSuite.label())) {
                throw new IllegalArgumentException(ceiling + " holds the ceiling of suite " + saved.suite()
                        + "; the chain uses " + chainSuite.label());
            }
            return saved;
        }
        err.println("bench: measuring the signature-verification ceiling for " + chainSuite.label()
                + " in a fresh JVM (about 15 s, and again after the load; --ceiling N to skip)...");
        return CEILING.measure(chainSuite);
    }

    /** {@code jade bench ceiling}: this machine's verification rate for a suite. */
    @Command(name = "ceiling", mixinStandardHelpOptions = true,
            description = "Measure signature verifications per second (the node's check of a transfer) on one thread "
                    + "and on all cores: " + CeilingMeter.SENDERS + " senders, " + CeilingMeter.SIGNATURES
                    + " distinct signatures, " + CeilingMeter.WARMUP_MILLIS / 1000 + " s warm-up, "
                    + CeilingMeter.DURATION_MILLIS / 1000 + " s each.")
    static final class CeilingCommand implements Callable<Integer> {
        @Option(names = "--suite", description = "sm or intl; default: the suite of the node at --node if one "
                + "answers, else sm")
        String suite;

        @Option(names = "--node", description = "node whose suite to use; default $JADE_NODE or " + ClientOptions.DEFAULT_NODE)
        String node;

        @Option(names = "--json", description = "also write the result as JSON to this file (for jade bench --ceiling FILE)")
        Path json;

        @Override
        public Integer call() throws Exception {
            SuiteId s = suite != null ? SuiteId.fromLabel(suite) : runningSuite();
            Ceiling c = new CeilingMeter().measure(s);
            System.out.printf(Locale.ROOT, "%-26s %s%n", "suite", c.suite());
            System.out.printf(Locale.ROOT, "%-26s %,.0f verifications/s%n", "one thread", c.oneThread());
            System.out.printf(Locale.ROOT, "%-26s %,.0f verifications/s%n", "all cores (" + c.threads() + " threads)",
                    c.allCores());
            System.out.printf(Locale.ROOT, "%-26s %,.0f verifications/s (x %d cores = %,.0f)%n", "per CPU-second",
                    c.perCpuSecond(), c.threads(), c.perCpuSecond() * c.threads());
            System.out.printf(Locale.ROOT, "%-26s %,d senders, %,d signatures, %.1f s warm-up, best of %d rounds of %.1f s%n",
                    "method", c.senders(), c.signatures(), c.warmupMillis() / 1000.0, CeilingMeter.ROUNDS,
                    c.durationMillis() / 1000.0);
            if (json != null) {
                Json.write(c.toJson(), json);
            }
            return 0;
        }

        private SuiteId runningSuite() {
            String url = node != null ? node : System.getenv().getOrDefault("JADE_NODE", ClientOptions.DEFAULT_NODE);
            try {
                return SuiteId.fromLabel(new JadeClient(url).status().suite());
            } catch (RuntimeException e) {
                return SuiteId.SM;
            }
        }
    }
}
