package org.jadechain.core.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.Authorisation;
import org.jadechain.core.contract.ChainInfo;
import org.jadechain.core.contract.Contract;
import org.jadechain.core.contract.ContractRegistry;
import org.jadechain.core.contract.Identities;
import org.jadechain.core.contract.Method;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.model.Attribute;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.model.Transaction;
import org.jadechain.core.state.MapStateStore;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateOverlay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockExecutorScenariosTest {
    private final TestChain chain = new TestChain();
    private final BlockExecutor executor =
            new BlockExecutor(new ChainInfo(chain.genesis), new ContractRegistry(List.of(new KvContract())));
    private MapStateStore state;
    private long height;
    private long time;

    @BeforeEach
    void genesis() {
        state = chain.genesisState();
        time = TestChain.GENESIS_TIME;
    }

    private static byte[] kv(String key, String value) {
        return Args.builder().string(key).string(value).encode();
    }

    private static byte[] schedule(long at, String method, String key, String value) {
        return Args.builder().int64(at).string(method).string(key).string(value).encode();
    }

    private long nonce(KeyPair key) {
        return Nonces.next(state, TestChain.address(key));
    }

    private Transaction tx(KeyPair signer, String method, byte[] args) {
        return chain.tx(signer, nonce(signer), KvContract.NAME, method, args);
    }

    /** Executes and commits a block at {@code at}; transactions are checked statelessly first. */
    private List<Receipt> block(long at, Transaction... txs) {
        List<CheckedTransaction> checked = new ArrayList<>();
        for (Transaction t : txs) {
            checked.add(chain.check(t));
        }
        time = at;
        BlockOutcome outcome = executor.execute(state, ++height, at, checked);
        state.commit(outcome.writes().changes(), Map.of());
        return outcome.receipts();
    }

    private String value(String key) {
        byte[] v = state.get(StateKeys.fullKey(KvContract.NAME, key));
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    @Test
    void dueTriggersRunFirstInTimeThenSchedulingOrderAtTheFirstBlockThatReachesThem() {
        long t0 = time;
        Transaction scheduling = tx(chain.alice, "set", kv("x", "0"));
        block(t0 + 10, scheduling);
        long n = nonce(chain.alice);
        Transaction s0 = chain.tx(chain.alice, n, KvContract.NAME, "schedule", schedule(t0 + 100, "fire", "first", "A"));
        Transaction s1 = chain.tx(chain.alice, n + 1, KvContract.NAME, "schedule", schedule(t0 + 50, "fire", "second", "B"));
        Transaction s2 = chain.tx(chain.alice, n + 2, KvContract.NAME, "schedule", schedule(t0 + 100, "fire", "third", "C"));
        Transaction s3 = chain.tx(chain.alice, n + 3, KvContract.NAME, "schedule", schedule(t0 + 1_000, "fire", "later", "D"));
        List<Receipt> scheduled = block(t0 + 20, s0, s1, s2, s3);
        assertThat(scheduled).extracting(r -> r.outputValue("trigger")).containsExactly("0", "1", "2", "3");

        assertThat(block(t0 + 49)).as("nothing is due before its time").isEmpty();

        Transaction after = tx(chain.bob, "set", kv("x", "1"));
        List<Receipt> receipts = block(t0 + 100, after);
        assertThat(receipts).extracting(Receipt::kind).containsExactly(
                Receipt.Kind.TRIGGER, Receipt.Kind.TRIGGER, Receipt.Kind.TRIGGER, Receipt.Kind.TRANSACTION);
        assertThat(receipts.subList(0, 3)).extracting(r -> r.events().get(0).get("key"))
                .containsExactly("second", "first", "third");
        assertThat(receipts.get(0).txHash()).isEqualTo(executor.triggerId(new Trigger(t0 + 50, 1, "kv", "fire", new byte[0])));
        assertThat(receipts.subList(0, 3)).extracting(r -> r.events().get(0).get("at"))
                .containsOnly(Long.toString(t0 + 100));
        assertThat(receipts.get(3).txHash()).isEqualTo(after.hash());
        assertThat(value("first")).isEqualTo("A");
        assertThat(Scheduler.pending(state)).isEqualTo(1);

        assertThat(block(t0 + 5_000)).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Receipt.Kind.TRIGGER);
            assertThat(r.events().get(0).get("key")).isEqualTo("later");
        });
        assertThat(Scheduler.pending(state)).isZero();
    }

    @Test
    void aRefusedTransactionConsumesItsNonceButLeavesNoWritesEventsOrOutput() {
        long before = nonce(chain.alice);
        Receipt r = block(time + 1, tx(chain.alice, "failAfterWrite", kv("k", "v"))).get(0);
        assertThat(r.code()).isEqualTo(ResultCode.INSUFFICIENT_FUNDS);
        assertThat(r.message()).contains("refused after writing k");
        assertThat(r.events()).isEmpty();
        assertThat(r.output()).isEmpty();
        assertThat(value("k")).isNull();
        assertThat(nonce(chain.alice)).isEqualTo(before + 1);
    }

    @Test
    void aTransactionWithABadSignatureDoesNotRunAndDoesNotConsumeItsNonce() {
        Transaction forged = TestChain.withBrokenSignature(tx(chain.alice, "set", kv("k", "v")));
        Receipt r = block(time + 1, forged).get(0);
        assertThat(r.code()).isEqualTo(ResultCode.BAD_SIGNATURE);
        assertThat(value("k")).isNull();
        assertThat(nonce(chain.alice)).isZero();
        assertThat(block(time + 1, tx(chain.alice, "set", kv("k", "v"))).get(0).ok()).isTrue();
    }

    @Test
    void aReplayedTransactionIsRefusedWithBadNonce() {
        Transaction once = tx(chain.alice, "set", kv("k", "1"));
        List<Receipt> receipts = block(time + 1, once, once);
        assertThat(receipts).extracting(Receipt::code).containsExactly(ResultCode.OK, ResultCode.BAD_NONCE);
        assertThat(block(time + 1, once).get(0).code()).isEqualTo(ResultCode.BAD_NONCE);
        assertThat(nonce(chain.alice)).isEqualTo(1);
    }

    @Test
    void onlyTheCentralBankMayMint() {
        List<Receipt> receipts = block(time + 1,
                tx(chain.centralBank, "mint", kv("coin", "100")),
                tx(chain.bankA, "mint", kv("coin", "999")),
                tx(chain.alice, "mint", kv("coin", "999")));
        assertThat(receipts).extracting(Receipt::code)
                .containsExactly(ResultCode.OK, ResultCode.NOT_AUTHORISED, ResultCode.NOT_AUTHORISED);
        assertThat(receipts.get(1).message()).contains("CENTRAL_BANK").contains("bank-a");
        assertThat(value("minted/coin")).isEqualTo("100");
        assertThat(nonce(chain.bankA)).as("an unauthorised call still uses its nonce").isEqualTo(1);
    }

    @Test
    void aCaughtNestedFailureIsUndoneWhileTheOuterCallSucceeds() {
        Receipt r = block(time + 1, tx(chain.bob, "tryNested", kv("outer", "v"))).get(0);
        assertThat(r.ok()).isTrue();
        assertThat(value("outer")).isEqualTo("v");
        assertThat(value("outer!")).as("the nested call's write").isNull();
        assertThat(r.events()).extracting(e -> e.type()).containsExactly("Nested");
        assertThat(r.output()).containsExactly(new Attribute("caught", "INSUFFICIENT_FUNDS"));
    }

    @Test
    void aCrashingContractIsRecordedAsAnInternalErrorAndUndone() {
        Receipt r = block(time + 1, tx(chain.alice, "crash", kv("k", "v"))).get(0);
        assertThat(r.code()).isEqualTo(ResultCode.INTERNAL_ERROR);
        assertThat(r.message()).contains("a bug in the contract");
        assertThat(value("k")).isNull();
        assertThat(nonce(chain.alice)).isEqualTo(1);
    }

    @Test
    void aTriggerScheduledByARefusedTransactionNeverRuns() {
        Receipt r = block(time + 1, tx(chain.alice, "scheduleThenFail", schedule(time + 2, "fire", "k", "v"))).get(0);
        assertThat(r.code()).isEqualTo(ResultCode.INVALID_STATE);
        assertThat(Scheduler.pending(state)).isZero();
        assertThat(block(time + 1_000)).isEmpty();
        assertThat(value("k")).isNull();
    }

    @Test
    void aTriggerMayOnlyCallTheLedgersOwnMethodsAndAFailingTriggerIsUndone() {
        block(time + 1,
                tx(chain.alice, "schedule", schedule(time + 5, "set", "a", "1")),
                chain.tx(chain.alice, 1, KvContract.NAME, "schedule", schedule(time + 5, "fireAndFail", "b", "2")));
        List<Receipt> receipts = block(time + 5);
        assertThat(receipts).extracting(Receipt::code).containsExactly(ResultCode.NOT_AUTHORISED, ResultCode.INVALID_STATE);
        assertThat(receipts).allSatisfy(rc -> assertThat(rc.events()).isEmpty());
        assertThat(value("a")).isNull();
        assertThat(value("b")).isNull();
        assertThat(block(time + 1_000, tx(chain.alice, "fire", kv("c", "3"))).get(0).code())
                .as("a key holder cannot call a ledger-only method").isEqualTo(ResultCode.NOT_AUTHORISED);
    }

    /** A contract that announces one event per item: a batch payment, say. */
    static final class Chatty implements Contract {
        public String name() {
            return "chatty";
        }

        public SortedMap<String, Method> methods() {
            TreeMap<String, Method> m = new TreeMap<>();
            m.put("announce", new Method("announce", Authorisation.anyKeyHolder(), (ctx, args) -> {
                for (long i = 0; i < args.int64(0); i++) {
                    ctx.emit("Paid", new Attribute("item", Long.toString(i)));
                }
            }));
            return m;
        }
    }

    @Test
    void everyReceiptTheExecutorWritesCanBeReadBack() throws DecodeException {
        BlockExecutor withChatty = new BlockExecutor(new ChainInfo(chain.genesis),
                new ContractRegistry(List.of(new KvContract(), new Chatty())));
        Transaction tx = chain.tx(chain.alice, 0, "chatty", "announce",
                Args.builder().int64(Limits.MAX_EVENTS_PER_RECEIPT + 1).encode());
        Receipt r = withChatty.execute(state, 1, time + 1, List.of(chain.check(tx))).receipts().get(0);
        assertThat(Receipt.decode(r.encode())).isEqualTo(r);
    }

    /**
     * Runs one {@code kv.set} by the first admin key of an organisation, on a chain whose genesis names
     * it; a genesis that refuses the organisation outright is an acceptable outcome too.
     */
    private void assertAMemberCanTransact(String orgName, int adminKeys) {
        List<PublicKey> keys = new ArrayList<>();
        for (int i = 0; i < adminKeys; i++) {
            keys.add(TestChain.key(1_000 + i).publicKey());
        }
        Genesis genesis;
        try {
            genesis = new Genesis(TestChain.CHAIN_ID, chain.genesis.suite(), 0,
                    TestChain.GENESIS_TIME, List.of(new Organisation("ministry", orgName,
                    Role.AGENCY, keys)), chain.genesis.validators(), new TreeMap<>());
        } catch (IllegalArgumentException refusedAtGenesis) {
            return;
        }
        MapStateStore genesisState = new MapStateStore(TestChain.SUITE);
        StateOverlay writes = new StateOverlay(genesisState);
        Identities.initialise(genesis, writes);
        genesisState.commit(writes.changes(), Map.of());
        BlockExecutor onThatChain = new BlockExecutor(new ChainInfo(genesis),
                new ContractRegistry(List.of(new KvContract())));
        Transaction tx = chain.tx(new KeyPair(TestChain.key(1_000).privateKey(), keys.get(0)), 0, KvContract.NAME,
                "set", kv("k", "v"));
        List<Receipt> receipts = onThatChain.execute(genesisState, 1, TestChain.GENESIS_TIME + 1,
                List.of(chain.check(tx))).receipts();
        assertThat(receipts.get(0).code()).isEqualTo(ResultCode.OK);
    }

    @Test
    void aMemberOfAnOrganisationWithALongNameCanTransact() {
        assertAMemberCanTransact("国家市场监督管理总局".repeat(9), 1); // 90 characters, 270 bytes
    }

    @Test
    void aMemberOfAnOrganisationWithManyKeysCanTransact() {
        assertAMemberCanTransact("Ministry", 65);
    }
}
