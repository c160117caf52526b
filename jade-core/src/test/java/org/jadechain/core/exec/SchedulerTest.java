package org.jadechain.core.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jadechain.core.state.MapStateStore;
import org.jadechain.core.state.StateOverlay;
import org.junit.jupiter.api.Test;

/** The trigger heap kept in state against a sorted map keyed by (time, sequence). */
class SchedulerTest {

    record Key(long time, long sequence) implements Comparable<Key> {
        public int compareTo(Key o) {
            return time != o.time ? Long.compare(time, o.time) : Long.compare(sequence, o.sequence);
        }
    }

    private static long time(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> Long.MIN_VALUE + random.nextInt(3);
            case 1 -> Long.MAX_VALUE - random.nextInt(3);
            default -> 100L * random.nextInt(-5, 20); // coarse, so equal times are common
        };
    }

    @Property(tries = 200)
    void popsInTimeThenSequenceOrderExactlyWhenDue(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        MapStateStore committed = new MapStateStore(TestChain.SUITE);
        TreeMap<Key, Trigger> model = new TreeMap<>();
        long nextSequence = 0;
        int blocks = 1 + random.nextInt(6);
        for (int b = 0; b < blocks; b++) {
            StateOverlay block = new StateOverlay(committed);
            int ops = random.nextInt(40);
            for (int i = 0; i < ops; i++) {
                Scheduler scheduler = new Scheduler(block);
                if (random.nextInt(5) < 3) {
                    long t = time(random);
                    byte[] args = new byte[random.nextInt(4)];
                    random.nextBytes(args);
                    String method = "m" + random.nextInt(3);
                    long seq = scheduler.push(t, "kv", method, args);
                    assertThat(seq).isEqualTo(nextSequence);
                    model.put(new Key(t, seq), new Trigger(t, seq, "kv", method, args));
                    nextSequence++;
                } else {
                    long now = time(random);
                    Trigger popped = scheduler.popDue(now);
                    Map.Entry<Key, Trigger> first = model.firstEntry();
                    if (first == null || first.getKey().time() > now) {
                        assertThat(popped).isNull();
                    } else {
                        model.pollFirstEntry();
                        assertThat(popped).isNotNull();
                        assertThat(popped.time()).isEqualTo(first.getValue().time());
                        assertThat(popped.sequence()).isEqualTo(first.getValue().sequence());
                        assertThat(popped.contract()).isEqualTo("kv");
                        assertThat(popped.method()).isEqualTo(first.getValue().method());
                        assertThat(popped.args()).isEqualTo(first.getValue().args());
                    }
                }
                assertThat(Scheduler.pending(block)).isEqualTo(model.size());
                assertThat(Scheduler.earliest(block))
                        .isEqualTo(model.isEmpty() ? Long.MAX_VALUE : model.firstKey().time());
            }
            committed.commit(block.changes(), Map.of());
        }
        StateOverlay end = new StateOverlay(committed);
        Scheduler scheduler = new Scheduler(end);
        while (!model.isEmpty()) {
            Trigger t = scheduler.popDue(Long.MAX_VALUE);
            assertThat(new Key(t.time(), t.sequence())).isEqualTo(model.pollFirstEntry().getKey());
        }
        assertThat(scheduler.popDue(Long.MAX_VALUE)).isNull();
        committed.commit(end.changes(), Map.of());
        assertThat(committed.entries().keySet())
                .extracting(k -> org.jadechain.core.state.StateKeys.namespaceOf(k.unsafeArray()) + ":"
                        + new String(org.jadechain.core.state.StateKeys.localKeyOf(k.unsafeArray()),
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("an emptied heap leaves only its size and sequence counters")
                .allSatisfy(k -> assertThat(k).isIn("sys.sched:size", "sys.sched:seq"));
    }

    @Test
    void sequenceNumbersKeepIncreasingAfterTheQueueEmpties() {
        StateOverlay state = new StateOverlay(new MapStateStore(TestChain.SUITE));
        assertThat(new Scheduler(state).push(10, "kv", "fire", new byte[0])).isZero();
        assertThat(new Scheduler(state).popDue(10)).isNotNull();
        assertThat(Scheduler.pending(state)).isZero();
        assertThat(new Scheduler(state).push(5, "kv", "fire", new byte[0])).isEqualTo(1);
    }

    @Test
    void aTriggerIsNotDueBeforeItsTime() {
        StateOverlay state = new StateOverlay(new MapStateStore(TestChain.SUITE));
        new Scheduler(state).push(1_000, "kv", "fire", new byte[0]);
        assertThat(new Scheduler(state).popDue(999)).isNull();
        assertThat(new Scheduler(state).popDue(1_000).time()).isEqualTo(1_000);
    }
}
