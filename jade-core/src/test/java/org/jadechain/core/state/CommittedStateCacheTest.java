package org.jadechain.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CommittedStateCacheTest {
    /** A store that counts its reads and can be changed behind the cache's back. */
    private static final class CountingStore implements StateReader {
        final Map<Bytes, byte[]> values = new HashMap<>();
        int reads;

        @Override
        public byte[] get(byte[] fullKey) {
            reads++;
            return values.get(Bytes.wrap(fullKey));
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheStoreOnceAndRemembersAbsentKeysToo() {
        CountingStore store = new CountingStore();
        store.values.put(Bytes.wrap(b("a")), b("1"));
        CommittedStateCache cache = new CommittedStateCache(store);

        assertThat(cache.get(b("a"))).isEqualTo(b("1"));
        assertThat(cache.get(b("a"))).isEqualTo(b("1"));
        assertThat(cache.get(b("missing"))).isNull();
        assertThat(cache.get(b("missing"))).isNull();

        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void committedWritesAndDeletesReplaceWhatWasRead() {
        CountingStore store = new CountingStore();
        store.values.put(Bytes.wrap(b("a")), b("1"));
        store.values.put(Bytes.wrap(b("b")), b("2"));
        CommittedStateCache cache = new CommittedStateCache(store);
        cache.get(b("a"));
        cache.get(b("b"));

        TreeMap<Bytes, byte[]> changes = new TreeMap<>();
        changes.put(Bytes.wrap(b("a")), b("10"));
        changes.put(Bytes.wrap(b("b")), null);
        changes.put(Bytes.wrap(b("c")), new byte[0]);
        store.values.put(Bytes.wrap(b("a")), b("10"));
        store.values.remove(Bytes.wrap(b("b")));
        store.values.put(Bytes.wrap(b("c")), new byte[0]);
        cache.committed(changes);
        int readsBefore = store.reads;

        assertThat(cache.get(b("a"))).isEqualTo(b("10"));
        assertThat(cache.get(b("b"))).isNull();
        assertThat(cache.get(b("c"))).isNotNull().isEmpty();
        assertThat(store.reads).isEqualTo(readsBefore);
    }

    @Test
    void clearForgetsValuesReplacedBehindItsBack() {
        CountingStore store = new CountingStore();
        store.values.put(Bytes.wrap(b("a")), b("1"));
        CommittedStateCache cache = new CommittedStateCache(store);
        cache.get(b("a"));
        store.values.put(Bytes.wrap(b("a")), b("2"));

        cache.clear();

        assertThat(cache.get(b("a"))).isEqualTo(b("2"));
    }

    @Test
    void staysBoundedAndCorrectPastItsLimit() {
        CountingStore store = new CountingStore();
        CommittedStateCache cache = new CommittedStateCache(store);
        int n = CommittedStateCache.MAX_ENTRIES + 10;
        for (int i = 0; i < n; i++) {
            store.values.put(Bytes.wrap(b("k" + i)), b("v" + i));
        }
        for (int i = 0; i < n; i++) {
            assertThat(cache.get(b("k" + i))).isEqualTo(b("v" + i));
        }
        assertThat(cache.get(b("k0"))).isEqualTo(b("v0"));
    }
}
