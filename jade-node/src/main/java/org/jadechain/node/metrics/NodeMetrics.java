package org.jadechain.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jadechain.core.ledger.CommitListener;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;

/**
 * The node's Prometheus metrics, served at {@code /metrics}: the ledger's own ({@code jade_*}) and the JVM's
 * (heap and other memory pools, garbage collection, threads, CPU). {@link #close()} detaches the collector
 * listeners. Thread-safe.
 */
public final class NodeMetrics implements CommitListener, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final Counter blocks;
    private final Counter committedTxs;
    private final Counter triggers;
    private final Timer submitTimer;
    private final Counter accepted;
    // counters looked up once per code, not built and registered again for every transaction
    private final Map<String, Counter> refusedByCode = new ConcurrentHashMap<>();
    private final Map<ResultCode, Counter> receiptsByCode = new ConcurrentHashMap<>();

    public NodeMetrics() {
        blocks = Counter.builder("jade_blocks_committed").description("blocks committed").register(registry);
        committedTxs = Counter.builder("jade_transactions_committed").description("transactions committed").register(registry);
        triggers = Counter.builder("jade_triggers_run").description("scheduled triggers run").register(registry);
        submitTimer = Timer.builder("jade_submit").description("time to validate and admit a submission").register(registry);
        accepted = Counter.builder("jade_transactions_accepted").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    @Override
    public void close() {
        gcMetrics.close();
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    public void refused(String code) {
        refusedByCode.computeIfAbsent(code,
                c -> Counter.builder("jade_transactions_refused").tag("code", c).register(registry)).increment();
    }

    public void accepted() {
        accepted.increment();
    }

    public Timer submitTimer() {
        return submitTimer;
    }

    @Override
    public void committed(CommittedBlock block) {
        blocks.increment();
        committedTxs.increment(block.block().transactions().size());
        long t = 0;
        long[] byCode = new long[ResultCode.values().length];
        for (Receipt r : block.receipts()) {
            if (r.kind() == Receipt.Kind.TRIGGER) {
                t++;
            } else {
                byCode[r.code().ordinal()]++;
            }
        }
        for (ResultCode code : ResultCode.values()) {
            if (byCode[code.ordinal()] > 0) {
                receiptsByCode.computeIfAbsent(code, c -> Counter.builder("jade_receipts").tag("code", c.name())
                        .register(registry)).increment(byCode[code.ordinal()]);
            }
        }
        triggers.increment(t);
    }

    public String scrape() {
        return registry.scrape();
    }
}
