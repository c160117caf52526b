package org.jadechain.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.SuiteId;
import org.junit.jupiter.api.Test;

class StateOverlayTest {
    private static final byte[] ALICE = StateKeys.fullKey("currency", "alice");
    private static final byte[] BOB = StateKeys.fullKey("currency", "bob");

    private static MapStateStore base(byte[]... keyValues) {
        MapStateStore store = new MapStateStore(CryptoSuites.of(SuiteId.INTL));
        TreeMap<Bytes, byte[]> writes = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            writes.put(Bytes.copyOf(keyValues[i]), keyValues[i + 1]);
        }
        store.commit(writes, Map.of());
        return store;
    }

    @Test
    void aDeletionShadowsTheBaseValueAndShowsAsNullInTheChanges() {
        StateOverlay overlay = new StateOverlay(base(ALICE, new byte[] {5}));
        assertThat(overlay.get(ALICE)).containsExactly(5);
        overlay.delete(ALICE);
        assertThat(overlay.get(ALICE)).isNull();
        assertThat(overlay.changes()).containsOnlyKeys(Bytes.copyOf(ALICE));
        assertThat(overlay.changes().get(Bytes.copyOf(ALICE))).isNull();
        overlay.put(ALICE, new byte[] {6});
        assertThat(overlay.get(ALICE)).containsExactly(6);
    }

    @Test
    void anEmptyValueIsAValueNotADeletion() {
        StateOverlay overlay = new StateOverlay(base(ALICE, new byte[] {5}));
        overlay.put(ALICE, new byte[0]);
        assertThat(overlay.get(ALICE)).isNotNull().isEmpty();
        assertThat(overlay.changes().get(Bytes.copyOf(ALICE))).isNotNull().isEmpty();
        StateOverlay child = new StateOverlay(overlay);
        assertThat(child.get(ALICE)).isNotNull().isEmpty();
    }

    @Test
    void absorbingAChildKeepsItsWritesAndItsDeletions() {
        StateOverlay parent = new StateOverlay(base(ALICE, new byte[] {5}, BOB, new byte[] {7}));
        parent.put(BOB, new byte[] {8});
        StateOverlay child = new StateOverlay(parent);
        child.delete(BOB);
        child.delete(ALICE);
        byte[] carol = StateKeys.fullKey("currency", "carol");
        child.put(carol, new byte[] {1});
        assertThat(parent.get(BOB)).as("the parent does not see the child's writes yet").containsExactly(8);
        parent.absorb(child);
        assertThat(parent.get(BOB)).isNull();
        assertThat(parent.get(ALICE)).isNull();
        assertThat(parent.get(carol)).containsExactly(1);
        assertThat(parent.size()).isEqualTo(3);
    }

    @Test
    void aDiscardedChildChangesNothing() {
        StateOverlay parent = new StateOverlay(base(ALICE, new byte[] {5}));
        StateOverlay child = new StateOverlay(parent);
        child.delete(ALICE);
        child.put(BOB, new byte[] {1});
        assertThat(parent.get(ALICE)).containsExactly(5);
        assertThat(parent.get(BOB)).isNull();
        assertThat(parent.isEmpty()).isTrue();
    }

    @Test
    void theOverlayKeepsItsOwnCopyOfKeysAndValues() {
        StateOverlay overlay = new StateOverlay(base());
        byte[] key = ALICE.clone();
        byte[] value = {1, 2};
        overlay.put(key, value);
        value[0] = 9;
        key[key.length - 1] = 'X';
        assertThat(overlay.get(ALICE)).containsExactly(1, 2);
    }

    @Test
    void changesAreInUnsignedKeyOrder() {
        StateOverlay overlay = new StateOverlay(base());
        overlay.put(new byte[] {(byte) 0x80}, new byte[] {1});
        overlay.put(new byte[] {0x7f}, new byte[] {2});
        overlay.put(new byte[] {0x7f, 0}, new byte[] {3});
        assertThat(overlay.changes().keySet()).extracting(Bytes::toArray)
                .containsExactly(new byte[] {0x7f}, new byte[] {0x7f, 0}, new byte[] {(byte) 0x80});
    }

    @Test
    void valuesOverTheLimitAreRefused() {
        StateOverlay overlay = new StateOverlay(base());
        overlay.put(ALICE, new byte[StateKeys.MAX_VALUE_BYTES]);
        assertThatThrownBy(() -> overlay.put(ALICE, new byte[StateKeys.MAX_VALUE_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Random puts and deletes on a base, on an overlay and on nested children that are absorbed or
     * discarded, against a plain map: reads always agree, and the overlay's changes are exactly the
     * difference it makes.
     */
    @Property(tries = 200)
    void nestedOverlaysBehaveLikeCopiesOfAMapThatAreKeptOrDropped(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            keys.add(StateKeys.fullKey("kv", new byte[] {(byte) i}));
        }
        byte[][] baseEntries = new byte[0][];
        TreeMap<Bytes, byte[]> baseModel = new TreeMap<>();
        List<byte[]> kv = new ArrayList<>();
        for (byte[] k : keys) {
            if (random.nextBoolean()) {
                byte[] v = {(byte) random.nextInt(256)};
                kv.add(k);
                kv.add(v);
                baseModel.put(Bytes.copyOf(k), v);
            }
        }
        MapStateStore base = base(kv.toArray(baseEntries));
        StateOverlay top = new StateOverlay(base);
        TreeMap<Bytes, byte[]> topModel = new TreeMap<>(baseModel);
        for (int round = 0; round < 6; round++) {
            StateOverlay child = new StateOverlay(top);
            TreeMap<Bytes, byte[]> childModel = new TreeMap<>(topModel);
            StateOverlay target = random.nextBoolean() ? top : child;
            for (int op = 0; op < 10; op++) {
                byte[] k = keys.get(random.nextInt(keys.size()));
                boolean onChild = target == child || random.nextBoolean();
                StateOverlay o = onChild ? child : top;
                if (random.nextInt(3) == 0) {
                    o.delete(k);
                    childModel.remove(Bytes.copyOf(k));
                    if (!onChild) {
                        topModel.remove(Bytes.copyOf(k));
                    }
                } else {
                    byte[] v = random.nextInt(4) == 0 ? new byte[0] : new byte[] {(byte) random.nextInt(256)};
                    o.put(k, v);
                    childModel.put(Bytes.copyOf(k), v);
                    if (!onChild) {
                        topModel.put(Bytes.copyOf(k), v);
                    }
                }
                if (!onChild) {
                    // a parent write after the child forked shows through unless the child wrote the key
                    if (child.changes().containsKey(Bytes.copyOf(k))) {
                        byte[] cv = child.changes().get(Bytes.copyOf(k));
                        if (cv == null) {
                            childModel.remove(Bytes.copyOf(k));
                        } else {
                            childModel.put(Bytes.copyOf(k), cv);
                        }
                    }
                }
            }
            for (byte[] k : keys) {
                assertThat(child.get(k)).isEqualTo(childModel.get(Bytes.copyOf(k)));
                assertThat(top.get(k)).isEqualTo(topModel.get(Bytes.copyOf(k)));
            }
            if (random.nextBoolean()) {
                top.absorb(child);
                topModel = childModel;
            }
            for (byte[] k : keys) {
                assertThat(top.get(k)).isEqualTo(topModel.get(Bytes.copyOf(k)));
            }
        }
        for (Map.Entry<Bytes, byte[]> c : top.changes().entrySet()) {
            assertThat(c.getValue()).isEqualTo(topModel.get(c.getKey()));
        }
        for (byte[] k : keys) {
            Bytes key = Bytes.copyOf(k);
            if (!top.changes().containsKey(key)) {
                assertThat(topModel.get(key)).isEqualTo(baseModel.get(key));
            }
        }
    }
}
