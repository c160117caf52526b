package org.jadechain.cli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.jadechain.sdk.json.Json;

/**
 * The outcome of one {@code jade bench} run, as the closing table and as JSON. Committed TPS counts every
 * committed transfer (whatever its receipt code) from the start of the load to the last commit seen;
 * latency is from submission (the scheduled moment, open loop) to the moment the block was reported.
 */
public record BenchResult(String target, String suite, int wallets, int transfers, int walletClass, long amount,
                          LoadPlan plan, String startedAt, double seconds, int sent, int committed, int committedOk,
                          Map<String, Long> submitRefusals, Map<String, Long> executionRefusals, int unresolved,
                          double tpsMean, ThroughputBuckets.Summary perSecond, long[] perSecondAll,
                          LatencyStats latencyMicros, Ceiling ceiling, String failure, double storeBytesPerTransfer) {

    /** Builds the result of a finished run. */
    public static BenchResult of(String target, Workload w, int walletClass, LoadPlan plan, String startedAt,
                                 LoadDriver.Run run, Ceiling ceiling) {
        CommitTracker t = run.tracker();
        double seconds = Math.max(1e-9, (run.endNanos() - run.startNanos()) / 1e9);
        ThroughputBuckets buckets = t.perSecond(run.startNanos());
        int unresolved = t.size() - t.committed() - t.refused();
        return new BenchResult(target, w.suite().label(), w.wallets().size(), w.size(), walletClass, w.amount(), plan,
                startedAt, seconds, t.sent(), t.committed(), t.committedOk(), t.submitRefusals(), t.executionRefusals(),
                unresolved, t.committed() / seconds, buckets.summary(), buckets.all(),
                LatencyStats.of(t.latenciesMicros()), ceiling, run.failure(), Double.NaN);
    }

    /** The same result with the ledger's growth on disk per committed transfer. */
    public BenchResult withStoreBytesPerTransfer(double bytes) {
        return new BenchResult(target, suite, wallets, transfers, walletClass, amount, plan, startedAt, seconds, sent,
                committed, committedOk, submitRefusals, executionRefusals, unresolved, tpsMean, perSecond, perSecondAll,
                latencyMicros, ceiling, failure, bytes);
    }

    /** Committed TPS over the all-cores ceiling, or NaN without a ceiling. */
    public double ratioToCeiling() {
        return ceiling == null || ceiling.allCores() <= 0 ? Double.NaN : tpsMean / ceiling.allCores();
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%,.1f ms", micros / 1000.0);
    }

    private static String refusals(Map<String, Long> m) {
        if (m.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%,d", v)));
        return sb.toString();
    }

    /** The closing table. */
    public void print(PrintStream out) {
        String load = plan.openLoop()
                ? String.format(Locale.ROOT, "open loop at %,.0f tx/s", plan.rate())
                : String.format(Locale.ROOT, "as fast as accepted (at most %,d pending)", plan.maxPending());
        row(out, "target", target + ", suite " + suite);
        row(out, "load", String.format(Locale.ROOT, "%,d transfers of %d fen among %,d class-%d wallets; %s; "
                + "%d workers, batches of %,d", transfers, amount, wallets, walletClass, load, plan.concurrency(),
                plan.batchSize()));
        row(out, "committed", String.format(Locale.ROOT, "%,d of %,d (%,d OK) in %.2f s", committed, transfers,
                committedOk, seconds));
        row(out, "refused", "at submission: " + refusals(submitRefusals) + "; in blocks: " + refusals(executionRefusals));
        if (unresolved > 0) {
            row(out, "not committed", String.format(Locale.ROOT, "%,d (still pending when the wait ended)", unresolved));
        }
        row(out, "committed TPS", String.format(Locale.ROOT, "mean %,.0f; per second min %,d, median %,d, max %,d "
                + "(%d whole seconds)", tpsMean, perSecond.min(), perSecond.median(), perSecond.max(), perSecond.seconds()));
        row(out, "latency", String.format(Locale.ROOT, "p50 %s, p90 %s, p99 %s, max %s (submit to commit, %,d transfers)",
                ms(latencyMicros.percentile(50)), ms(latencyMicros.percentile(90)), ms(latencyMicros.percentile(99)),
                ms(latencyMicros.max()), latencyMicros.count()));
        if (ceiling != null) {
            String detail = ceiling.threads() > 0
                    ? String.format(Locale.ROOT, "%,.0f verifications/s on %d threads (%,.0f on one), suite %s",
                            ceiling.allCores(), ceiling.threads(), ceiling.oneThread(), ceiling.suite())
                    : String.format(Locale.ROOT, "%,.0f verifications/s (given)", ceiling.allCores());
            row(out, "ceiling", detail);
            row(out, "of ceiling", String.format(Locale.ROOT, "%.1f %%", 100 * ratioToCeiling()));
        }
        if (!Double.isNaN(storeBytesPerTransfer)) {
            row(out, "ledger growth", String.format(Locale.ROOT, "%,.0f bytes per committed transfer (store directory, "
                    + "not compacted)", storeBytesPerTransfer));
        }
        if (failure != null) {
            row(out, "failure", failure);
        }
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf("%-14s %s%n", name, value);
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("target", target).put("suite", suite).put("startedAt", startedAt);
        n.putObject("load").put("transfers", transfers).put("wallets", wallets).put("walletClass", walletClass)
                .put("amountFen", amount).put("rate", plan.openLoop() ? plan.rate() : 0)
                .put("mode", plan.openLoop() ? "open-loop" : "as-fast-as-accepted").put("concurrency", plan.concurrency())
                .put("batchSize", plan.batchSize()).put("maxPending", plan.maxPending());
        n.put("seconds", seconds).put("sent", sent).put("committed", committed).put("committedOk", committedOk)
                .put("notCommitted", unresolved);
        // The headline figures also at the top level, for scripts: committed TPS (mean) and p99 in milliseconds.
        n.put("committedTps", tpsMean).put("p99Ms", latencyMicros.percentile(99) / 1000.0);
        ObjectNode refused = n.putObject("refused");
        ObjectNode sub = refused.putObject("submission");
        submitRefusals.forEach(sub::put);
        ObjectNode exe = refused.putObject("execution");
        executionRefusals.forEach(exe::put);
        ObjectNode tps = n.putObject("tps");
        tps.put("mean", tpsMean).put("perSecondMin", perSecond.min()).put("perSecondMedian", perSecond.median())
                .put("perSecondMax", perSecond.max()).put("wholeSeconds", perSecond.seconds());
        ArrayNode all = tps.putArray("perSecond");
        for (long c : perSecondAll) {
            all.add(c);
        }
        n.putObject("latencyMillis").put("p50", latencyMicros.percentile(50) / 1000.0)
                .put("p90", latencyMicros.percentile(90) / 1000.0).put("p99", latencyMicros.percentile(99) / 1000.0)
                .put("max", latencyMicros.max() / 1000.0).put("mean", latencyMicros.mean() / 1000.0)
                .put("count", latencyMicros.count());
        if (ceiling != null) {
            n.set("ceiling", ceiling.toJson());
            n.put("ratioToCeiling", ratioToCeiling());
        }
        if (!Double.isNaN(storeBytesPerTransfer)) {
            n.put("storeBytesPerTransfer", storeBytesPerTransfer);
        }
        if (failure != null) {
            n.put("failure", failure);
        }
        return n;
    }
}
