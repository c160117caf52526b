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
import java.util.function.Supplier;
import org.jadechain.core.ledger.CommitListener;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.model.Receipt;

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

    public NodeMetrics() {
        blocks = Counter.builder("jade_blocks_committed").description("blocks committed").register(registry);
        committedTxs = Counter.builder("jade_transactions_committed").description("transactions committed").register(registry);
        triggers = Counter.builder("jade_triggers_run").description("scheduled triggers run").register(registry);
        submitTimer = Timer.builder("jade_submit").description("time to validate and admit a submission").register(registry);
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
        Counter.builder("jade_transactions_refused").tag("code", code).register(registry).increment();
    }

    public void accepted() {
        Counter.builder("jade_transactions_accepted").register(registry).increment();
    }

    public Timer submitTimer() {
        return submitTimer;
    }

    @Override
    public void committed(CommittedBlock block) {
        blocks.increment();
        committedTxs.increment(block.block().transactions().size());
        long t = 0;
        for (Receipt r : block.receipts()) {
            if (r.kind() == Receipt.Kind.TRIGGER) {
                t++;
            } else {
                Counter.builder("jade_receipts").tag("code", r.code().name()).register(registry).increment();
            }
        }
        triggers.increment(t);
    }

    public String scrape() {
        return registry.scrape();
    }
}
