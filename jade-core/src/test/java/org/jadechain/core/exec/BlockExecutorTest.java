package org.jadechain.core.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.ChainInfo;
import org.jadechain.core.contract.ContractRegistry;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.model.Attribute;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.model.Transaction;
import org.jadechain.core.state.Bytes;
import org.jadechain.core.state.MapStateStore;
import org.jadechain.core.state.StateKeys;

/**
 * {@link BlockExecutor} against a sequential model written in plain Java (STYLE.md principle 7):
 * random blocks of transactions from members and non-members, with replayed and skipped nonces, bad
 * signatures and wrong chains, calling every method of {@link KvContract}.
 */
class BlockExecutorTest {
    private static final TestChain CHAIN = new TestChain();
    private static final BlockExecutor EXECUTOR =
            new BlockExecutor(new ChainInfo(CHAIN.genesis), new ContractRegistry(List.of(new KvContract())));
    /** Signer 0 is the central bank's member, 1 the operator bank's, 2 and 3 belong to no organisation. */
    private static final List<KeyPair> SIGNERS = List.of(CHAIN.centralBank, CHAIN.bankA, CHAIN.alice, CHAIN.bob);

    enum NonceChoice { NEXT, REPLAYED, SKIPPED }

    enum Stateless { VALID, BAD_SIGNATURE, WRONG_CHAIN }

    /** A call; {@code atDelta} is added to the block timestamp for the schedule methods. */
    record Call(String contract, String method, String key, String value, long atDelta, String target,
                boolean malformedArgs) {
        byte[] args(long blockTime) {
            if (malformedArgs) {
                return new byte[] {5}; // five arguments announced, none present
            }
            Args.Builder b = Args.builder();
            if (method.startsWith("schedule")) {
                b.int64(blockTime + atDelta).string(target);
            }
            return b.string(key).string(value).encode();
        }
    }

    record TxSpec(int signer, NonceChoice nonce, Stateless stateless, Call call) {
    }

    record BlockSpec(long timeDelta, List<TxSpec> txs) {
    }

    @Provide
    Arbitrary<List<BlockSpec>> chains() {
        Arbitrary<String> keys = Arbitraries.of("a", "b", "c", "d");
        Arbitrary<String> values = Arbitraries.strings().alpha().ofMaxLength(6);
        Arbitrary<String> kvMethod = Arbitraries.frequency(
                Tuple.of(6, "set"), Tuple.of(2, "mint"), Tuple.of(2, "failAfterWrite"), Tuple.of(1, "crash"),
                Tuple.of(4, "schedule"), Tuple.of(1, "scheduleThenFail"), Tuple.of(2, "tryNested"),
                Tuple.of(1, "fire"), Tuple.of(1, "noSuchMethod"));
        Arbitrary<String> triggerTarget = Arbitraries.frequency(Tuple.of(6, "fire"), Tuple.of(1, "fireAndFail"),
                Tuple.of(1, "set"));
        Arbitrary<Long> atDelta = Arbitraries.longs().between(-3, 25).map(d -> d * 100);
        Arbitrary<Call> call = Combinators.combine(
                        Arbitraries.frequency(Tuple.of(20, KvContract.NAME), Tuple.of(1, "noSuchContract")),
                        kvMethod, keys, values, atDelta, triggerTarget,
                        Arbitraries.frequency(Tuple.of(15, false), Tuple.of(1, true)))
                .as(Call::new);
        Arbitrary<TxSpec> tx = Combinators.combine(
                        Arbitraries.integers().between(0, SIGNERS.size() - 1),
                        Arbitraries.frequency(Tuple.of(8, NonceChoice.NEXT), Tuple.of(1, NonceChoice.REPLAYED),
                                Tuple.of(1, NonceChoice.SKIPPED)),
                        Arbitraries.frequency(Tuple.of(12, Stateless.VALID), Tuple.of(1, Stateless.BAD_SIGNATURE),
                                Tuple.of(1, Stateless.WRONG_CHAIN)),
                        call)
                .as(TxSpec::new);
        Arbitrary<BlockSpec> block = Combinators.combine(
                        Arbitraries.longs().between(1, 12).map(d -> d * 100 - (d % 3)), tx.list().ofMaxSize(8))
                .as(BlockSpec::new);
        return block.list().ofMinSize(1).ofMaxSize(6);
    }

    /** The sequential model: state of the kv namespace, nonces, pending triggers. */
    static final class Model {
        final TreeMap<String, String> kv = new TreeMap<>();
        final Map<Integer, Long> nonces = new HashMap<>();
        final TreeMap<SchedulerTest.Key, Call> pending = new TreeMap<>();
        long nextSequence;

        long nonce(int signer) {
            return nonces.getOrDefault(signer, 0L);
        }

        /** Runs every due trigger, as the ledger; returns their receipts. */
        List<Receipt> runTriggers(long time) {
            List<Receipt> out = new ArrayList<>();
            while (!pending.isEmpty() && pending.firstKey().time() <= time) {
                Map.Entry<SchedulerTest.Key, Call> e = pending.pollFirstEntry();
                Call c = e.getValue();
                Hash id = TestChain.SUITE.hash("trigger".getBytes(StandardCharsets.US_ASCII),
                        ByteBuffer.allocate(16).putLong(e.getKey().sequence()).putLong(e.getKey().time()).array());
                ResultCode code;
                List<Event> events = List.of();
                switch (c.target()) {
                    case "fire" -> {
                        kv.put(c.key(), c.value());
                        code = ResultCode.OK;
                        events = List.of(event("Fired", "key", c.key(), "at", Long.toString(time)));
                    }
                    case "fireAndFail" -> code = ResultCode.INVALID_STATE;
                    default -> code = ResultCode.NOT_AUTHORISED; // a key holder's method, not the ledger's
                }
                out.add(new Receipt(id, Receipt.Kind.TRIGGER, code, "", events, List.of()));
            }
            return out;
        }

        /** Executes a statelessly valid transaction with the right nonce. */
        Receipt execute(Hash txHash, int signer, Call c, long time) {
            nonces.put(signer, nonce(signer) + 1);
            List<Event> events = new ArrayList<>();
            List<Attribute> output = new ArrayList<>();
            ResultCode code = ResultCode.OK;
            if (!c.contract().equals(KvContract.NAME)) {
                code = ResultCode.UNKNOWN_CONTRACT;
            } else if (!List.of("set", "mint", "failAfterWrite", "crash", "schedule", "scheduleThenFail", "fire",
                    "fireAndFail", "tryNested").contains(c.method())) {
                code = ResultCode.UNKNOWN_METHOD;
            } else if (c.method().startsWith("fire") || (c.method().equals("mint") && signer != 0)) {
                code = ResultCode.NOT_AUTHORISED;
            } else if (c.malformedArgs()) {
                code = ResultCode.INVALID_ARGUMENT;
            } else {
                switch (c.method()) {
                    case "set" -> {
                        kv.put(c.key(), c.value());
                        events.add(event("Set", "key", c.key(), "value", c.value()));
                    }
                    case "mint" -> {
                        kv.put("minted/" + c.key(), c.value());
                        events.add(event("Minted", "key", c.key()));
                    }
                    case "failAfterWrite" -> code = ResultCode.INSUFFICIENT_FUNDS;
                    case "crash" -> code = ResultCode.INTERNAL_ERROR;
                    case "schedule" -> {
                        pending.put(new SchedulerTest.Key(time + c.atDelta(), nextSequence), c);
                        output.add(new Attribute("trigger", Long.toString(nextSequence)));
                        nextSequence++;
                    }
                    case "scheduleThenFail" -> code = ResultCode.INVALID_STATE;
                    case "tryNested" -> {
                        kv.put(c.key(), c.value());
                        output.add(new Attribute("caught", ResultCode.INSUFFICIENT_FUNDS.name()));
                        events.add(event("Nested", "key", c.key()));
                    }
                    default -> throw new AssertionError(c.method());
                }
            }
            if (code != ResultCode.OK) {
                events.clear();
                output.clear();
            }
            return new Receipt(txHash, Receipt.Kind.TRANSACTION, code, "", events, output);
        }
    }

    static Event event(String type, String... nameValues) {
        List<Attribute> attributes = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            attributes.add(new Attribute(nameValues[i], nameValues[i + 1]));
        }
        return new Event(KvContract.NAME, type, attributes);
    }

    /** Receipts compared on everything but the human message (which must be empty when OK). */
    static void assertSameReceipts(List<Receipt> actual, List<Receipt> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Receipt a = actual.get(i);
            Receipt e = expected.get(i);
            String where = "receipt " + i + " (" + a.code() + ": " + a.message() + ")";
            assertThat(a.txHash()).as(where).isEqualTo(e.txHash());
            assertThat(a.kind()).as(where).isEqualTo(e.kind());
            assertThat(a.code()).as(where).isEqualTo(e.code());
            assertThat(a.events()).as(where).isEqualTo(e.events());
            assertThat(a.output()).as(where).isEqualTo(e.output());
            if (a.ok()) {
                assertThat(a.message()).as(where).isEmpty();
            } else {
                assertThat(a.message()).as(where).isNotBlank();
            }
        }
    }

    @Property(tries = 100)
    void blocksExecuteLikeTheSequentialModel(@ForAll("chains") List<BlockSpec> blocks) throws Exception {
        MapStateStore committed = CHAIN.genesisState();
        Model model = new Model();
        long time = TestChain.GENESIS_TIME;
        long height = 0;
        for (BlockSpec block : blocks) {
            time += block.timeDelta();
            height++;
            List<Receipt> expected = new ArrayList<>(model.runTriggers(time));
            List<CheckedTransaction> checked = new ArrayList<>();
            for (TxSpec spec : block.txs()) {
                long next = model.nonce(spec.signer());
                long nonce = switch (spec.nonce()) {
                    case NEXT -> next;
                    case REPLAYED -> next > 0 ? next - 1 : next + 1;
                    case SKIPPED -> next + 2;
                };
                KeyPair signer = SIGNERS.get(spec.signer());
                byte[] args = spec.call().args(time);
                Transaction tx = switch (spec.stateless()) {
                    case VALID -> CHAIN.tx(signer, nonce, spec.call().contract(), spec.call().method(), args);
                    case BAD_SIGNATURE -> TestChain.withBrokenSignature(
                            CHAIN.tx(signer, nonce, spec.call().contract(), spec.call().method(), args));
                    case WRONG_CHAIN -> CHAIN.tx("another-chain", signer, nonce, spec.call().contract(),
                            spec.call().method(), args);
                };
                CheckedTransaction c = CHAIN.check(tx);
                checked.add(c);
                if (spec.stateless() != Stateless.VALID) {
                    assertThat(c.valid()).isFalse();
                    ResultCode code = spec.stateless() == Stateless.BAD_SIGNATURE
                            ? ResultCode.BAD_SIGNATURE : ResultCode.WRONG_CHAIN;
                    assertThat(c.result()).isEqualTo(code);
                    expected.add(new Receipt(tx.hash(), Receipt.Kind.TRANSACTION, code, "", List.of(), List.of()));
                } else if (nonce != next) {
                    expected.add(new Receipt(tx.hash(), Receipt.Kind.TRANSACTION, ResultCode.BAD_NONCE, "",
                            List.of(), List.of()));
                } else {
                    expected.add(model.execute(tx.hash(), spec.signer(), spec.call(), time));
                }
            }

            BlockOutcome outcome = EXECUTOR.execute(committed, height, time, checked);

            assertSameReceipts(outcome.receipts(), expected);
            for (Bytes key : outcome.writes().changes().keySet()) {
                assertThat(StateKeys.namespaceOf(key.unsafeArray())).isIn(KvContract.NAME, Nonces.NAMESPACE,
                        Scheduler.NAMESPACE);
            }
            committed.commit(outcome.writes().changes(), Map.of());
            assertThat(kvNamespace(committed)).isEqualTo(model.kv);
            for (int s = 0; s < SIGNERS.size(); s++) {
                assertThat(Nonces.next(committed, TestChain.address(SIGNERS.get(s))))
                        .as("next nonce of signer %d", s).isEqualTo(model.nonce(s));
            }
            assertThat(Scheduler.pending(committed)).isEqualTo(model.pending.size());
            assertThat(Scheduler.earliest(committed))
                    .isEqualTo(model.pending.isEmpty() ? Long.MAX_VALUE : model.pending.firstKey().time());
        }
    }

    static TreeMap<String, String> kvNamespace(MapStateStore state) {
        TreeMap<String, String> out = new TreeMap<>();
        for (Map.Entry<Bytes, byte[]> e : state.entries().entrySet()) {
            byte[] k = e.getKey().unsafeArray();
            if (StateKeys.namespaceOf(k).equals(KvContract.NAME)) {
                out.put(new String(StateKeys.localKeyOf(k), StandardCharsets.UTF_8),
                        new String(e.getValue(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
