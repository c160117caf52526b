package org.jadechain.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ForkedTest {
    @Test
    void withoutAPoolTheWorkRunsInJoin() {
        AtomicInteger runs = new AtomicInteger();
        Forked<String> f = Forked.fork(() -> "r" + runs.incrementAndGet(), null);
        assertThat(runs).hasValue(0);
        assertThat(f.join()).isEqualTo("r1");
        assertThat(f.join()).isEqualTo("r1");
        assertThat(runs).hasValue(1);
    }

    @Test
    void whenThePoolHasNotStartedItTheCallerComputesItAndThePoolsTurnDoesNothing() {
        List<Runnable> queued = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        Forked<Integer> f = Forked.fork(runs::incrementAndGet, queued::add);
        assertThat(f.join()).isEqualTo(1);
        queued.forEach(Runnable::run);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRefusingPoolLeavesTheWorkToTheCaller() {
        Forked<String> f = Forked.fork(() -> Thread.currentThread().getName(), task -> {
            throw new RejectedExecutionException("shut down");
        });
        assertThat(f.join()).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void aPoolThreadComputesItAndJoinWaitsForItsResult() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "forked-test"));
        try {
            Forked<String> f = Forked.fork(() -> Thread.currentThread().getName(), pool);
            pool.submit(() -> { }).get();
            assertThat(f.join()).isEqualTo("forked-test");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whatTheWorkThrowsIsThrownByJoin() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Forked<String> f = Forked.fork(() -> {
                throw new IllegalStateException("broken");
            }, pool);
            assertThatThrownBy(f::join).isInstanceOf(IllegalStateException.class).hasMessage("broken");
        } finally {
            pool.shutdownNow();
        }
    }
}
