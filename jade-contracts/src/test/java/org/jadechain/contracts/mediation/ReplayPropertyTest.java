package org.jadechain.contracts.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jadechain.contracts.mediation.MediationFixture.MINUTE;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.contracts.court.CaseState;
import org.jadechain.contracts.court.CourtCalls;
import org.jadechain.contracts.court.CourtCase;
import org.jadechain.contracts.court.CourtContract;
import org.jadechain.contracts.court.CourtQueries;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.CheckedTransaction;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.ledger.Ledger;
import org.jadechain.core.ledger.ProposedBlock;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.Transaction;
import org.jadechain.storage.InMemoryLedgerStore;

/**
 * Random agreements with random payment behaviour (on time, partly, late, not at all) and random court
 * reactions: the ledger files a case for exactly the agreements with an installment unpaid at its due time,
 * and replaying the committed blocks on a fresh node (stateless checks, re-execution, commit) reproduces every
 * receipt, every state root, and the same cases under the same ids.
 */
class ReplayPropertyTest {
    private static final String[] DEBTORS = {"citizen-1", "citizen-2", "citizen-3"};

    enum Pay { ON_TIME, PART_ON_TIME, LATE, PART_LATE, NEVER }

    enum Court { IGNORE, ACCEPT, ENFORCE_AND_CLOSE, DISMISS }

    record Step(long amount, long gap, Pay pay, long lateBy) {
    }

    record Plan(List<Step> installments, Court court) {
    }

    /** A payment to make, signed only when its block is made so that each debtor's nonces stay in order. */
    record Payment(String debtor, byte[] args) {
    }

    @Provide
    Arbitrary<List<Plan>> plans() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.longs().between(1, 20_000),
                Arbitraries.longs().between(1, 90).map(m -> m * MINUTE), Arbitraries.of(Pay.class),
                Arbitraries.longs().between(1, 180).map(m -> m * MINUTE - 30_000)).as(Step::new);
        Arbitrary<Plan> plan = Combinators.combine(step.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(Court.class))
                .as(Plan::new);
        return plan.list().ofMinSize(1).ofMaxSize(DEBTORS.length);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
    void replayingTheBlocksFilesTheSameCasesWithTheSameIds(@ForAll("plans") List<Plan> plans) throws Exception {
        MediationFixture f = MediationFixture.create(SuiteId.INTL);
        f.wallet("shop-1", "0");
        for (int i = 0; i < plans.size(); i++) {
            f.wallet(DEBTORS[i], "2,000.00");
        }
        // agreements and their payment moments
        TreeMap<Long, List<Payment>> payments = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        long start = f.now() + 10 * MINUTE;
        for (int i = 0; i < plans.size(); i++) {
            List<Installment> schedule = new ArrayList<>();
            long due = start;
            for (Step s : plans.get(i).installments()) {
                due += s.gap();
                schedule.add(new Installment(s.amount(), due));
            }
            String id = f.ok("mediator", MediationContract.NAME, MediationContract.PROPOSE, MediationCalls.propose(
                    f.wallet("shop-1"), f.wallet(DEBTORS[i]), "court", schedule, MediationFixture.TERMS))
                    .outputValue("agreement");
            f.sign("shop-1", id);
            f.sign(DEBTORS[i], id);
            ids.add(id);
            for (int n = 1; n <= schedule.size(); n++) {
                Step s = plans.get(i).installments().get(n - 1);
                long at = switch (s.pay()) {
                    case ON_TIME, PART_ON_TIME -> schedule.get(n - 1).due() - 30_000 - i - n * 100;
                    case LATE, PART_LATE -> schedule.get(n - 1).due() + s.lateBy() + i + n * 100;
                    case NEVER -> -1;
                };
                if (at < 0) {
                    continue;
                }
                // half of it, for a partial payment (all of it when it is 1 fen)
                byte[] args = s.pay() == Pay.PART_ON_TIME || s.pay() == Pay.PART_LATE
                        ? MediationCalls.payInstallment(id, n, Math.max(1, s.amount() / 2))
                        : MediationCalls.payInstallment(id, n);
                payments.computeIfAbsent(at, k -> new ArrayList<>()).add(new Payment(DEBTORS[i], args));
            }
        }
        // run: payments at their moments, the court reacting after each block, then well past every deadline
        long handled = 0;
        for (var e : payments.entrySet()) {
            f.chain.clock().set(Math.max(e.getKey(), f.now() + 1));
            CommittedBlock b = f.block(e.getValue().stream().map(p -> f.chain.tx(p.debtor(), MediationContract.NAME,
                    MediationContract.PAY_INSTALLMENT, p.args())).toArray(Transaction[]::new));
            b.receipts().stream().filter(r -> r.kind() == Receipt.Kind.TRANSACTION)
                    .forEach(r -> Statistics.label("payments").collect(r.code()));
            handled = courtReacts(f, plans, ids, handled);
        }
        f.emptyBlockAt(f.now() + 24 * 60 * MINUTE);
        courtReacts(f, plans, ids, handled);
        f.emptyBlockAt(f.now() + MediationContract.RECHECK_INTERVAL_MS + MINUTE);
        f.assertInvariants();

        // the oracle: a case exactly for agreements with an installment not fully paid at its due time
        for (int i = 0; i < plans.size(); i++) {
            boolean expected = !paidInFullOnTime(plans.get(i));
            assertThat(!f.agreement(ids.get(i)).cases().isEmpty()).as("agreement %s with %s", ids.get(i), plans.get(i))
                    .isEqualTo(expected);
        }

        // a fresh node replays the same blocks
        InMemoryLedgerStore store = new InMemoryLedgerStore(f.chain.suite());
        Ledger replica = new Ledger(f.chain.genesis(), SystemContracts.registry(), store);
        TransactionValidator validator = new TransactionValidator(f.chain.genesis().chainId(), f.chain.suite());
        for (CommittedBlock b : f.blocks) {
            List<CheckedTransaction> checked = b.block().transactions().stream().map(validator::check).toList();
            ProposedBlock p = replica.replay(b.block(), checked);
            assertThat(p.headerHash()).isEqualTo(b.headerHash());
            assertThat(p.receipts()).isEqualTo(b.receipts());
            replica.commit(p, b.certificate());
        }
        assertThat(replica.head().stateRoot()).isEqualTo(f.chain.ledger().head().stateRoot());
        long cases = CourtQueries.caseCount(f.state());
        Statistics.label("cases filed").collect(Math.min(cases, 4));
        assertThat(CourtQueries.caseCount(store)).isEqualTo(cases);
        for (long n = 1; n <= cases; n++) {
            String id = CourtCase.idOf(n);
            assertThat(CourtQueries.courtCase(store, id)).isEqualTo(CourtQueries.courtCase(f.state(), id));
            assertThat(CourtQueries.evidence(store, id)).isEqualTo(CourtQueries.evidence(f.state(), id));
            assertThat(CourtQueries.timeline(store, id)).isEqualTo(CourtQueries.timeline(f.state(), id));
        }
        for (String id : ids) {
            assertThat(MediationQueries.agreement(store, id)).isEqualTo(f.agreement(id));
        }
    }

    /** Every installment paid in full before its due time (a "partial" payment of 1 fen pays it all). */
    private static boolean paidInFullOnTime(Plan p) {
        return p.installments().stream().allMatch(s -> s.pay() == Pay.ON_TIME
                || (s.pay() == Pay.PART_ON_TIME && s.amount() == 1));
    }

    /** The court takes up each case filed since the last call, as the agreement's plan says. */
    private static long courtReacts(MediationFixture f, List<Plan> plans, List<String> ids, long handled) {
        long count = CourtQueries.caseCount(f.state());
        for (long n = handled + 1; n <= count; n++) {
            CourtCase c = f.courtCase(CourtCase.idOf(n));
            Court how = plans.get(ids.indexOf(c.agreement())).court();
            String id = c.id();
            switch (how) {
                case IGNORE -> { }
                case ACCEPT -> f.submit("court", CourtContract.NAME, CourtContract.ACCEPT, CourtCalls.accept(id, "ok"));
                case DISMISS -> f.submit("court", CourtContract.NAME, CourtContract.DISMISS,
                        CourtCalls.dismiss(id, "no"));
                case ENFORCE_AND_CLOSE -> {
                    f.submit("court", CourtContract.NAME, CourtContract.ACCEPT, CourtCalls.accept(id, "ok"));
                    f.submit("court", CourtContract.NAME, CourtContract.ENFORCE, CourtCalls.enforce(id, "freeze"));
                    long frozen = CourtQueries.frozen(f.state(), id);
                    if (frozen > 0) {
                        f.submit("court", CourtContract.NAME, CourtContract.DEDUCT,
                                CourtCalls.deduct(id, frozen, "pay"));
                    }
                    f.submit("court", CourtContract.NAME, CourtContract.CLOSE, CourtCalls.close(id, "done"));
                    assertThat(f.courtCase(id).state()).isEqualTo(CaseState.CLOSED);
                }
            }
        }
        return count;
    }
}
