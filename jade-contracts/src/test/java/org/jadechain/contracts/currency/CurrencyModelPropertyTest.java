package org.jadechain.contracts.currency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.contracts.currency.CurrencyModel.Deduct;
import org.jadechain.contracts.currency.CurrencyModel.ExchangeIn;
import org.jadechain.contracts.currency.CurrencyModel.ExchangeOut;
import org.jadechain.contracts.currency.CurrencyModel.Freeze;
import org.jadechain.contracts.currency.CurrencyModel.Garbage;
import org.jadechain.contracts.currency.CurrencyModel.Issue;
import org.jadechain.contracts.currency.CurrencyModel.Op;
import org.jadechain.contracts.currency.CurrencyModel.Open;
import org.jadechain.contracts.currency.CurrencyModel.Outcome;
import org.jadechain.contracts.currency.CurrencyModel.Pay;
import org.jadechain.contracts.currency.CurrencyModel.Redeem;
import org.jadechain.contracts.currency.CurrencyModel.SetClass;
import org.jadechain.contracts.currency.CurrencyModel.Unfreeze;
import org.jadechain.core.contract.Args;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.Transaction;
import org.jadechain.core.state.StateReader;
import org.jadechain.testkit.TestChain;

/**
 * Random sequences of currency calls by random actors — the right ones and unauthorised ones, with good,
 * edge and bad amounts, across ledger days — give, block after block, the same decisions, alerts,
 * balances, frozen amounts, cases, reserves and totals as {@link CurrencyModel}, and the invariants hold.
 *
 * <p>Some amounts are planned relative to the state (e.g. "the payer's available funds + 1"): the driver
 * resolves them from the model before the block, as a client that reads its balance would, so that
 * refusals at the exact edges (FROZEN, limits, a case's amount) happen often.
 */
class CurrencyModelPropertyTest {
    private static final List<String> ACTORS = List.of("central-bank", "bank-a", "bank-b", "court", "regulator",
            "mediator", "citizen-1", "citizen-2", "citizen-3", "shop-1");
    private static final List<String> OWNERS = List.of("citizen-1", "citizen-2", "citizen-3", "shop-1");
    /** Owners plus a key that never gets a wallet. */
    private static final List<String> TARGETS = List.of("citizen-1", "citizen-2", "citizen-3", "shop-1", "ghost");
    private static final List<String> METHODS = List.of("issue", "redeem", "openWallet", "setClass", "exchangeIn",
            "exchangeOut", "transfer", "freeze", "unfreeze", "deduct");

    /**
     * Genesis settings that make every rule reachable in short runs: class 2 without a daily cap (so three
     * near-limit payments fit in one day) and a lower large-payment threshold; the rest are the defaults.
     */
    private static final Map<String, String> PARAMETERS = Map.of(
            "currency.class.2.maxDaily", "-1", "currency.alert.largePayment", "1000000");

    private static CurrencyModel model() {
        long[][] limits = new long[4][];
        for (int i = 0; i < 4; i++) {
            limits[i] = CurrencyModel.DEFAULT_LIMITS[i].clone();
        }
        limits[1][2] = CurrencyModel.NO_CAP;
        return new CurrencyModel(limits, 1_000_000L, 3);
    }

    /** How a step's amount is meant: as given, or as an offset from a quantity of the state. */
    enum Rel {
        ABSOLUTE, AVAILABLE, BALANCE, HALF_AVAILABLE, CASE, ROOM, CREDITOR_ROOM, PAYMENT_LIMIT, NEAR_PAYMENT_LIMIT,
        RESERVE
    }

    record Step(Op op, Rel rel) {
    }

    record BlockSpec(long advanceMillis, List<Step> steps) {
    }

    private static Step plain(Op op) {
        return new Step(op, Rel.ABSOLUTE);
    }

    /** Funds both operators and opens three wallets (classes 4, 2, 1), checked like any other block. */
    private static final List<BlockSpec> SETUP = List.of(
            new BlockSpec(0, List.of(plain(new Issue("central-bank", "bank-a", 100_000_000L)),
                    plain(new Issue("central-bank", "bank-b", 100_000_000L)),
                    plain(new Open("bank-a", "citizen-1", 4, 32, false)), plain(new Open("bank-a", "shop-1", 2, 32, false)),
                    plain(new Open("bank-b", "citizen-2", 1, 32, false)))),
            new BlockSpec(1_000, List.of(plain(new ExchangeIn("bank-a", "citizen-1", 500_000L)),
                    plain(new ExchangeIn("bank-a", "shop-1", 20_000_000L)),
                    plain(new ExchangeIn("bank-b", "citizen-2", 500_000L)))));

    /** Outcomes the generators must reach in a run of the property, so that it keeps testing what matters. */
    private static final String[][] MUST_HAPPEN = {
        {"Issue", "OK"}, {"Issue", "OVERFLOW"}, {"Issue", "NOT_AUTHORISED"}, {"Issue", "NOT_FOUND"},
        {"Redeem", "OK"}, {"Redeem", "INSUFFICIENT_FUNDS"}, {"Open", "OK"}, {"Open", "ALREADY_EXISTS"},
        {"SetClass", "OK"}, {"SetClass", "LIMIT_EXCEEDED"}, {"SetClass", "NOT_AUTHORISED"},
        {"ExchangeIn", "OK"}, {"ExchangeIn", "LIMIT_EXCEEDED"}, {"ExchangeIn", "NOT_AUTHORISED"},
        {"ExchangeIn", "INSUFFICIENT_FUNDS"}, {"ExchangeOut", "OK"}, {"ExchangeOut", "FROZEN"},
        {"ExchangeOut", "INSUFFICIENT_FUNDS"}, {"Pay", "OK"}, {"Pay", "LIMIT_EXCEEDED"},
        {"Pay", "INSUFFICIENT_FUNDS"}, {"Pay", "FROZEN"}, {"Pay", "NOT_FOUND"}, {"Pay", "INVALID_ARGUMENT"},
        {"Freeze", "OK"}, {"Freeze", "INSUFFICIENT_FUNDS"}, {"Freeze", "NOT_AUTHORISED"}, {"Unfreeze", "OK"},
        {"Unfreeze", "NOT_FOUND"}, {"Deduct", "OK"}, {"Deduct", "INSUFFICIENT_FUNDS"}, {"Deduct", "LIMIT_EXCEEDED"},
        {"Garbage", "INVALID_ARGUMENT"},
    };

    @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
    void contractAgreesWithTheReferenceModel(@ForAll("runs") List<BlockSpec> run) {
        TestChain chain = TestChain.create(SuiteId.INTL, SystemContracts.registry(), PARAMETERS);
        CurrencyModel model = model();
        List<BlockSpec> all = new ArrayList<>(SETUP);
        all.addAll(run);
        for (BlockSpec spec : all) {
            chain.clock().advance(spec.advanceMillis());
            long timestamp = Math.max(chain.clock().getAsLong(), chain.ledger().minimumNextTimestamp());
            List<Op> ops = new ArrayList<>();
            List<Outcome> expected = new ArrayList<>();
            List<Transaction> txs = new ArrayList<>();
            for (Step step : spec.steps()) {
                Op op = resolve(model, step);
                ops.add(op);
                expected.add(model.apply(op, timestamp));
                txs.add(chain.tx(op.actor(), CurrencyContract.NAME, method(op), args(chain, op)));
            }
            CommittedBlock block = chain.block(txs.toArray(new Transaction[0]));
            assertThat(block.block().header().timestamp()).isEqualTo(timestamp);
            List<Receipt> receipts = block.receipts().subList(block.receipts().size() - txs.size(),
                    block.receipts().size());
            for (int i = 0; i < txs.size(); i++) {
                Receipt r = receipts.get(i);
                Outcome e = expected.get(i);
                Statistics.label("outcomes").collect(ops.get(i).getClass().getSimpleName(), e.code().name());
                e.alerts().forEach(a -> Statistics.label("alerts").collect(a));
                assertThat(r.code()).as("%s at %d: %s", ops.get(i), timestamp, r.message()).isEqualTo(e.code());
                assertThat(alertKinds(r)).as("alerts of %s", ops.get(i)).isEqualTo(e.alerts());
            }
            assertSameState(chain, model);
        }
        Statistics.label("outcomes").coverage(c -> {
            for (String[] must : MUST_HAPPEN) {
                c.check(must[0], must[1]).count(n -> n > 0);
            }
        });
        Statistics.label("alerts").coverage(c -> {
            c.check("LARGE_PAYMENT").count(n -> n > 0);
            c.check("STRUCTURING").count(n -> n > 0);
        });
    }

    private static List<String> alertKinds(Receipt r) {
        return r.events().stream().filter(e -> e.type().equals(CurrencyContract.ALERT)).map(e -> e.get("kind"))
                .toList();
    }

    private static void assertSameState(TestChain chain, CurrencyModel model) {
        StateReader state = chain.store();
        for (String owner : TARGETS) {
            WalletRecord w = CurrencyQueries.wallet(state, chain.address(owner));
            CurrencyModel.Wallet m = model.wallets.get(owner);
            if (m == null) {
                assertThat(w).as("wallet of %s", owner).isNull();
                continue;
            }
            assertThat(w).as("wallet of %s", owner).isNotNull();
            assertThat(List.of(w.operator(), w.walletClass(), w.balance(), w.frozen())).as("wallet of %s", owner)
                    .isEqualTo(List.of(m.operator, m.walletClass, m.balance, m.frozen));
            Map<String, Long> cases = new TreeMap<>();
            CurrencyQueries.frozenCases(state, chain.address(owner)).forEach((k, v) -> cases.put(k, v.amount()));
            assertThat(cases).as("cases of %s", owner).isEqualTo(m.cases);
        }
        for (String org : List.of("bank-a", "bank-b", "court", "central-bank")) {
            assertThat(CurrencyQueries.reserve(state, org)).as("reserve of %s", org).isEqualTo(model.reserve(org));
        }
        assertThat(CurrencyQueries.issued(state)).isEqualTo(model.issued);
        assertThat(CurrencyQueries.redeemed(state)).isEqualTo(model.redeemed);
        assertThat(CurrencyQueries.totalSupply(state)).isEqualTo(model.issued - model.redeemed);
        assertThat(CurrencyQueries.checkInvariants(state)).isEmpty();
    }

    // --- planning amounts from the state, as a client would ---

    private static Op resolve(CurrencyModel model, Step step) {
        if (step.rel() == Rel.ABSOLUTE) {
            return step.op();
        }
        Op op = step.op();
        if (op instanceof Redeem r) {
            return new Redeem(r.actor(), model.reserve(r.actor()) + r.amount());
        }
        if (step.rel() == Rel.CREDITOR_ROOM) {
            Deduct d = (Deduct) op;
            CurrencyModel.Wallet creditor = model.wallets.get(d.to());
            long max = creditor == null ? 0 : model.limits(creditor.walletClass)[0];
            long room = creditor == null || max == CurrencyModel.NO_CAP ? 0 : max - creditor.balance;
            return withAmount(op, room + d.amount());
        }
        String walletOwner = op instanceof Pay || op instanceof ExchangeOut ? op.actor() : target(op);
        CurrencyModel.Wallet w = model.wallets.get(walletOwner);
        long offset = amount(op);
        if (w == null) {
            return withAmount(op, offset);
        }
        long[] limits = model.limits(w.walletClass);
        long base = switch (step.rel()) {
            case AVAILABLE -> w.balance - w.frozen;
            case BALANCE -> w.balance;
            case HALF_AVAILABLE -> (w.balance - w.frozen) / 2;
            case CASE -> op instanceof Deduct d ? w.cases.getOrDefault(d.caseId(), 0L) : 0;
            case ROOM -> limits[0] == CurrencyModel.NO_CAP ? 1_000_000 : limits[0] - w.balance;
            case PAYMENT_LIMIT -> limits[1] == CurrencyModel.NO_CAP ? 1_000_000 : limits[1];
            case NEAR_PAYMENT_LIMIT -> limits[1] == CurrencyModel.NO_CAP ? 1_000_000 : limits[1] - limits[1] / 10;
            case ABSOLUTE, CREDITOR_ROOM, RESERVE -> 0;
        };
        return withAmount(op, base + offset);
    }

    private static String target(Op op) {
        if (op instanceof ExchangeIn e) {
            return e.target();
        }
        if (op instanceof Freeze f) {
            return f.target();
        }
        if (op instanceof Deduct d) {
            return d.target();
        }
        return op.actor();
    }

    private static long amount(Op op) {
        if (op instanceof Pay p) {
            return p.amount();
        }
        if (op instanceof ExchangeOut e) {
            return e.amount();
        }
        if (op instanceof ExchangeIn e) {
            return e.amount();
        }
        if (op instanceof Freeze f) {
            return f.amount();
        }
        if (op instanceof Deduct d) {
            return d.amount();
        }
        throw new IllegalArgumentException("no amount in " + op);
    }

    private static Op withAmount(Op op, long amount) {
        if (op instanceof Pay p) {
            return new Pay(p.actor(), p.target(), amount, p.memoTooLong());
        }
        if (op instanceof ExchangeOut e) {
            return new ExchangeOut(e.actor(), amount);
        }
        if (op instanceof ExchangeIn e) {
            return new ExchangeIn(e.actor(), e.target(), amount);
        }
        if (op instanceof Freeze f) {
            return new Freeze(f.actor(), f.target(), amount, f.caseId());
        }
        Deduct d = (Deduct) op;
        return new Deduct(d.actor(), d.target(), d.to(), amount, d.caseId());
    }

    // --- turning an op into a transaction ---

    private static String method(Op op) {
        if (op instanceof Garbage g) {
            return g.method();
        }
        if (op instanceof Issue) {
            return CurrencyContract.ISSUE;
        }
        if (op instanceof Redeem) {
            return CurrencyContract.REDEEM;
        }
        if (op instanceof Open) {
            return CurrencyContract.OPEN_WALLET;
        }
        if (op instanceof SetClass) {
            return CurrencyContract.SET_CLASS;
        }
        if (op instanceof ExchangeIn) {
            return CurrencyContract.EXCHANGE_IN;
        }
        if (op instanceof ExchangeOut) {
            return CurrencyContract.EXCHANGE_OUT;
        }
        if (op instanceof Pay) {
            return CurrencyContract.TRANSFER;
        }
        if (op instanceof Freeze) {
            return CurrencyContract.FREEZE;
        }
        if (op instanceof Unfreeze) {
            return CurrencyContract.UNFREEZE;
        }
        return CurrencyContract.DEDUCT;
    }

    private static byte[] args(TestChain chain, Op op) {
        if (op instanceof Garbage) {
            return Args.builder().string("garbage").encode();
        }
        if (op instanceof Issue i) {
            return CurrencyCalls.issue(i.operator(), i.amount());
        }
        if (op instanceof Redeem r) {
            return CurrencyCalls.redeem(r.amount());
        }
        if (op instanceof Open o) {
            byte[] key = o.badKey() ? new byte[] {1, 2, 3} : chain.key(o.owner()).publicKey().encoded();
            return Args.builder().bytes(key).int64(o.walletClass()).bytes(new byte[o.commitmentLength()])
                    .bytes(new byte[] {9, 9, 9}).encode();
        }
        if (op instanceof SetClass s) {
            return Args.builder().bytes(chain.address(s.target()).bytes()).int64(s.walletClass()).encode();
        }
        if (op instanceof ExchangeIn e) {
            return CurrencyCalls.exchangeIn(chain.address(e.target()), e.amount());
        }
        if (op instanceof ExchangeOut e) {
            return CurrencyCalls.exchangeOut(e.amount());
        }
        if (op instanceof Pay p) {
            return CurrencyCalls.transfer(chain.address(p.target()), p.amount(), p.memoTooLong() ? "m".repeat(257) : "");
        }
        if (op instanceof Freeze f) {
            return CurrencyCalls.freeze(chain.address(f.target()), f.amount(), f.caseId());
        }
        if (op instanceof Unfreeze u) {
            return CurrencyCalls.unfreeze(chain.address(u.target()), u.caseId());
        }
        Deduct d = (Deduct) op;
        return CurrencyCalls.deduct(chain.address(d.target()), chain.address(d.to()), d.amount(), d.caseId());
    }

    // --- generators ---

    @Provide
    Arbitrary<List<BlockSpec>> runs() {
        Arbitrary<Long> advance = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.longs().between(1, 600_000)),
                Tuple.of(2, Arbitraries.longs().between(3_600_000, 6 * 3_600_000)),
                Tuple.of(1, Arbitraries.longs().between(13 * 3_600_000, 30 * 3_600_000)));
        Arbitrary<Step> step = step().withoutEdgeCases();
        Arbitrary<BlockSpec> block = Combinators.combine(advance, step.list().ofMinSize(1).ofMaxSize(4)
                .withSizeDistribution(RandomDistribution.uniform())).as(BlockSpec::new);
        // The same step several times in one block: bursts of payments (structuring) or of court orders.
        Arbitrary<BlockSpec> burst = Combinators.combine(advance, step, Arbitraries.integers().between(2, 4))
                .as((a, s, n) -> new BlockSpec(a, java.util.Collections.nCopies(n, s)));
        // Payments at 90 % of the payer's limit in a row: what structuring looks like.
        Arbitrary<BlockSpec> nearLimit = Combinators.combine(advance, twoWallets(), offset(),
                Arbitraries.integers().between(2, 4)).as((a, w, o, n) -> new BlockSpec(a, java.util.Collections.nCopies(
                        n, new Step(new Pay(w.get(0), w.get(1), o, false), Rel.NEAR_PAYMENT_LIMIT))));
        return Arbitraries.frequencyOf(Tuple.of(12, block), Tuple.of(2, burst), Tuple.of(1, nearLimit)).list()
                .ofMinSize(20).ofMaxSize(55)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    private static <T> Arbitrary<T> mostly(Arbitrary<T> usual, Arbitrary<T> other) {
        return Arbitraries.frequencyOf(Tuple.of(4, usual), Tuple.of(1, other));
    }

    private static Arbitrary<String> anyActor() {
        return Arbitraries.of(ACTORS);
    }

    private static Arbitrary<String> operatorActor() {
        return mostly(Arbitraries.of("bank-a", "bank-b"), anyActor());
    }

    /** Owners whose wallets the setup opens, more often than the others. */
    private static Arbitrary<String> wallet() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("citizen-1", "citizen-2", "shop-1")),
                Tuple.of(1, Arbitraries.just("citizen-3")), Tuple.of(1, Arbitraries.just("ghost")));
    }

    private static Arbitrary<String> payer() {
        return mostly(Arbitraries.of("citizen-1", "citizen-2", "citizen-3", "shop-1", "shop-1"), anyActor());
    }

    /** Two different wallets of the setup, mostly; else any two targets (maybe equal, maybe missing). */
    private static Arbitrary<List<String>> twoWallets() {
        List<String> main = List.of("citizen-1", "citizen-2", "shop-1");
        Arbitrary<List<String>> distinct = Arbitraries.of(main).list().ofSize(2).uniqueElements();
        return mostly(distinct, Arbitraries.of(TARGETS).list().ofSize(2));
    }

    private static Arbitrary<String> caseId() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("case-1")), Tuple.of(2, Arbitraries.just("case-2")),
                Tuple.of(1, Arbitraries.just("")));
    }

    private static Arbitrary<Long> walletClass() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.longs().between(1, 4)),
                Tuple.of(1, Arbitraries.of(0L, 5L, -1L, Long.MAX_VALUE)));
    }

    /** Just below, at and above the limits of the classes, and 90 % of the single-payment limits. */
    private static final List<Long> EDGES = List.of(179_999L, 180_000L, 200_000L, 200_001L, 449_999L, 450_000L,
            500_000L, 500_001L, 999_999L, 1_000_000L, 1_000_001L, 4_500_000L, 5_000_000L, 5_000_001L, 10_000_000L,
            50_000_000L);

    private static Arbitrary<Long> badAmount() {
        return Arbitraries.of(0L, -1L, -500L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 1,
                Long.MAX_VALUE / 2 + 1);
    }

    private static Arbitrary<Long> amount(long typicalMax) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(1, typicalMax)),
                Tuple.of(3, Arbitraries.of(EDGES)),
                Tuple.of(1, Arbitraries.longs().between(1, 60_000_000)),
                Tuple.of(1, badAmount()));
    }

    private static Arbitrary<Long> issueAmount() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.longs().between(1_000_000, 10_000_000_000L)),
                Tuple.of(1, Arbitraries.of(Long.MAX_VALUE, Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE - 100_000_000L)),
                Tuple.of(1, Arbitraries.of(0L, -1L, Long.MIN_VALUE)));
    }

    /** An amount step: absolute, or an offset of -1, 0 or 1 from one of the given quantities. */
    private static Arbitrary<Step> withAmount(Arbitrary<Op> absolute, Arbitrary<Op> offset, Rel... rels) {
        Arbitrary<Step> relative = Combinators.combine(offset, Arbitraries.of(rels)).as(Step::new);
        return Arbitraries.frequencyOf(Tuple.of(1, absolute.map(CurrencyModelPropertyTest::plain)),
                Tuple.of(1, relative));
    }

    private static Arbitrary<Long> offset() {
        return Arbitraries.of(-1L, 0L, 0L, 1L);
    }

    private static Arbitrary<Step> step() {
        Arbitrary<Op> issue = Combinators.combine(mostly(Arbitraries.just("central-bank"), anyActor()),
                mostly(Arbitraries.of("bank-a", "bank-b"), Arbitraries.of("court", "nobody", "citizen-1")),
                issueAmount()).as(Issue::new);
        Arbitrary<Step> redeem = withAmount(Combinators.combine(operatorActor(), amount(100_000_000)).as(Redeem::new),
                Combinators.combine(operatorActor(), offset()).as(Redeem::new), Rel.RESERVE);
        Arbitrary<Op> open = Combinators.combine(operatorActor(), Arbitraries.of(OWNERS), walletClass(),
                mostly(Arbitraries.just(32), Arbitraries.just(31)),
                Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(false)), Tuple.of(1, Arbitraries.just(true))))
                .as(Open::new);
        Arbitrary<Op> setClass = Combinators.combine(operatorActor(), wallet(), walletClass()).as(SetClass::new);
        Arbitrary<Step> exchangeIn = withAmount(
                Combinators.combine(operatorActor(), wallet(), amount(2_000_000)).as(ExchangeIn::new),
                Combinators.combine(operatorActor(), wallet(), offset()).as(ExchangeIn::new),
                Rel.ROOM, Rel.ROOM, Rel.HALF_AVAILABLE);
        Arbitrary<Step> exchangeOut = withAmount(
                Combinators.combine(payer(), amount(300_000)).as(ExchangeOut::new),
                Combinators.combine(payer(), offset()).as(ExchangeOut::new),
                Rel.AVAILABLE, Rel.BALANCE, Rel.HALF_AVAILABLE);
        Arbitrary<Boolean> longMemo = Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just(false)),
                Tuple.of(1, Arbitraries.just(true)));
        Arbitrary<Step> pay = withAmount(
                Combinators.combine(twoWallets(), amount(300_000), longMemo)
                        .as((w, a, m) -> (Op) new Pay(w.get(0), w.get(1), a, m)),
                Combinators.combine(twoWallets(), offset(), longMemo)
                        .as((w, a, m) -> (Op) new Pay(w.get(0), w.get(1), a, m)),
                Rel.AVAILABLE, Rel.BALANCE, Rel.HALF_AVAILABLE, Rel.PAYMENT_LIMIT, Rel.NEAR_PAYMENT_LIMIT,
                Rel.NEAR_PAYMENT_LIMIT);
        Arbitrary<Step> strangerPays = Combinators.combine(anyActor(), wallet(), amount(300_000), longMemo)
                .as(Pay::new).map(CurrencyModelPropertyTest::plain);
        Arbitrary<String> court = mostly(Arbitraries.just("court"), anyActor());
        Arbitrary<Step> freeze = withAmount(
                Combinators.combine(court, wallet(), amount(300_000), caseId()).as(Freeze::new),
                Combinators.combine(court, wallet(), offset(), caseId()).as(Freeze::new),
                Rel.AVAILABLE, Rel.HALF_AVAILABLE, Rel.HALF_AVAILABLE);
        Arbitrary<Op> unfreeze = Combinators.combine(court, wallet(), caseId()).as(Unfreeze::new);
        Arbitrary<Step> deduct = withAmount(
                Combinators.combine(court, twoWallets(), amount(200_000), caseId())
                        .as((c, w, a, k) -> (Op) new Deduct(c, w.get(0), w.get(1), a, k)),
                Combinators.combine(court, twoWallets(), offset(), caseId())
                        .as((c, w, a, k) -> (Op) new Deduct(c, w.get(0), w.get(1), a, k)),
                Rel.CASE, Rel.CASE, Rel.CREDITOR_ROOM);
        Arbitrary<Op> garbage = Combinators.combine(anyActor(), Arbitraries.of(METHODS)).as(Garbage::new);
        return Arbitraries.frequencyOf(Tuple.of(2, issue.map(CurrencyModelPropertyTest::plain)),
                Tuple.of(1, redeem),
                Tuple.of(2, open.map(CurrencyModelPropertyTest::plain)),
                Tuple.of(2, setClass.map(CurrencyModelPropertyTest::plain)), Tuple.of(6, exchangeIn),
                Tuple.of(2, exchangeOut), Tuple.of(10, pay), Tuple.of(2, strangerPays), Tuple.of(4, freeze),
                Tuple.of(1, unfreeze.map(CurrencyModelPropertyTest::plain)), Tuple.of(4, deduct),
                Tuple.of(1, garbage.map(CurrencyModelPropertyTest::plain)));
    }
}
