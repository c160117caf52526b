package org.jadechain.contracts.currency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jadechain.core.model.ResultCode;

/**
 * A plain-Java reference model of the currency for the property test: what each call should decide and
 * do, written from the specification without reusing any contract code. Amounts are fen; wallets are
 * named by their owner's test identity.
 */
final class CurrencyModel {
    static final long NO_CAP = -1;
    /** maxBalance, maxPayment, maxDaily of classes 1..4 in fen: the e-CNY defaults. */
    static final long[][] DEFAULT_LIMITS = {
        {NO_CAP, NO_CAP, NO_CAP},
        {50_000_000L, 5_000_000L, 10_000_000L},
        {1_000_000L, 500_000L, 1_000_000L},
        {1_000_000L, 200_000L, 500_000L},
    };
    static final long DAY = 86_400_000L;
    static final long UTC_OFFSET = 8 * 3_600_000L;

    static final Map<String, String> ROLES = new TreeMap<>(Map.of(
            "central-bank", "CENTRAL_BANK", "bank-a", "OPERATOR", "bank-b", "OPERATOR", "court", "COURT",
            "regulator", "REGULATOR", "mediator", "MEDIATOR"));

    /** One call, by the actor that signs it. */
    sealed interface Op {
        String actor();
    }

    record Issue(String actor, String operator, long amount) implements Op { }

    record Redeem(String actor, long amount) implements Op { }

    record Open(String actor, String owner, long walletClass, int commitmentLength, boolean badKey) implements Op { }

    record SetClass(String actor, String target, long walletClass) implements Op { }

    record ExchangeIn(String actor, String target, long amount) implements Op { }

    record ExchangeOut(String actor, long amount) implements Op { }

    record Pay(String actor, String target, long amount, boolean memoTooLong) implements Op { }

    record Freeze(String actor, String target, long amount, String caseId) implements Op { }

    record Unfreeze(String actor, String target, String caseId) implements Op { }

    record Deduct(String actor, String target, String to, long amount, String caseId) implements Op { }

    /** A call with arguments of the wrong shape. */
    record Garbage(String actor, String method) implements Op { }

    record Outcome(ResultCode code, List<String> alerts) {
        static Outcome of(ResultCode code) {
            return new Outcome(code, List.of());
        }
    }

    static final class Wallet {
        final String operator;
        int walletClass;
        long balance;
        long frozen;
        long day = Long.MIN_VALUE;
        long paidThatDay;
        final List<Long> nearLimitTimes = new ArrayList<>();
        final TreeMap<String, Long> cases = new TreeMap<>();

        Wallet(String operator, int walletClass) {
            this.operator = operator;
            this.walletClass = walletClass;
        }
    }

    private final long[][] limitsByClass;
    private final long largePayment;
    private final int structuringCount;
    long issued;
    long redeemed;

    /** A model with the given class limits (index 0 = class 1) and alert settings. */
    CurrencyModel(long[][] limitsByClass, long largePayment, int structuringCount) {
        this.limitsByClass = limitsByClass;
        this.largePayment = largePayment;
        this.structuringCount = structuringCount;
    }
    final TreeMap<String, Long> reserves = new TreeMap<>();
    final TreeMap<String, Wallet> wallets = new TreeMap<>();

    /** maxBalance, maxPayment, maxDaily of a class. */
    long[] limits(int walletClass) {
        return limitsByClass[walletClass - 1].clone();
    }

    long reserve(String operator) {
        return reserves.getOrDefault(operator, 0L);
    }

    private static boolean hasRole(String actor, String role) {
        return role.equals(ROLES.get(actor));
    }

    private static String roleOf(Op op) {
        if (op instanceof Garbage g) {
            return switch (g.method()) {
                case "issue" -> "CENTRAL_BANK";
                case "redeem", "openWallet", "setClass", "exchangeIn" -> "OPERATOR";
                case "freeze", "unfreeze", "deduct" -> "COURT";
                default -> null;
            };
        }
        if (op instanceof Issue) {
            return "CENTRAL_BANK";
        }
        if (op instanceof Redeem || op instanceof Open || op instanceof SetClass || op instanceof ExchangeIn) {
            return "OPERATOR";
        }
        if (op instanceof Freeze || op instanceof Unfreeze || op instanceof Deduct) {
            return "COURT";
        }
        return null;
    }

    private static boolean overflows(long a, long b) {
        return a > Long.MAX_VALUE - b;
    }

    private boolean exceedsMaxBalance(Wallet w, long amount) {
        long max = limitsByClass[w.walletClass - 1][0];
        // The amount is money held elsewhere (checked before), so the sum is within the supply: no overflow.
        return max != NO_CAP && w.balance + amount > max;
    }

    /** Applies the call at block time {@code timestamp} if the specification accepts it. */
    Outcome apply(Op op, long timestamp) {
        String role = roleOf(op);
        if (role != null && !hasRole(op.actor(), role)) {
            return Outcome.of(ResultCode.NOT_AUTHORISED);
        }
        if (op instanceof Garbage) {
            return Outcome.of(ResultCode.INVALID_ARGUMENT);
        } else if (op instanceof Issue i) {
            return issue(i);
        } else if (op instanceof Redeem r) {
            return redeem(r);
        } else if (op instanceof Open o) {
            return open(o);
        } else if (op instanceof SetClass s) {
            return setClass(s);
        } else if (op instanceof ExchangeIn e) {
            return exchangeIn(e);
        } else if (op instanceof ExchangeOut e) {
            return exchangeOut(e);
        } else if (op instanceof Pay p) {
            return pay(p, timestamp);
        } else if (op instanceof Freeze f) {
            return freeze(f);
        } else if (op instanceof Unfreeze u) {
            return unfreeze(u);
        } else if (op instanceof Deduct d) {
            return deduct(d);
        }
        throw new IllegalArgumentException("unknown op " + op);
    }

    private Outcome issue(Issue i) {
        if (i.amount() <= 0) {
            return Outcome.of(ResultCode.INVALID_ARGUMENT);
        }
        if (!ROLES.containsKey(i.operator())) {
            return Outcome.of(ResultCode.NOT_FOUND);
        }
        if (!hasRole(i.operator(), "OPERATOR")) {
            return Outcome.of(ResultCode.INVALID_ARGUMENT);
        }
        if (overflows(issued, i.amount()) || overflows(reserve(i.operator()), i.amount())) {
            return Outcome.of(ResultCode.OVERFLOW);
        }
        issued += i.amount();
        reserves.put(i.operator(), reserve(i.operator()) + i.amount());
        return Outcome.of(ResultCode.OK);
    }

    private Outcome redeem(Redeem r) {
        if (r.amount() <= 0) {
            return Outcome.of(ResultCode.INVALID_ARGUMENT);
        }
        if (reserve(r.actor()) < r.amount()) {
            return Outcome.of(ResultCode.INSUFFICIENT_FUNDS);
        }
        reserves.put(r.actor(), reserve(r.actor()) - r.amount());
        redeemed += r.amount();
        return Outcome.of(ResultCode.OK);
    }

    private Outcome open(Open o) {
        if (o.walletClass() < 1 || o.walletClass() > 4 || o.commitmentLength() != 32 || o.badKey()) {
            return Outcome.of(ResultCode.INVALID_ARGUMENT);
        }
        if (wallets.containsKey(o.owner())) {
            return Outcome.of(ResultCode.ALREADY_EXISTS);
        }
        wallets.put(o.owner(), new Wallet(o.actor(), (int) o.walletClass()));
        return Outcome.of(ResultCode.OK);
    }

    private Outcome setClass(SetClass s) {
        if (s.walletClass() < 1 || s.walletClass() > 4) {
            return Outcome.of(ResultCode.INVALID_ARGUMENT);
        }
        Wallet w = wallets.get(s.target());
        if (w == null) {
            return Outcome.of(ResultCode.NOT_FOUND);
        }
        if (!w.operator.equals(s.actor())) {
            return Outcome.of(ResultCode.NOT_AUTHORISED);
        }
        long max = limitsByClass[(int) s.walletClass() - 1][0];
        if (max != NO_CAP && w.balance > max) {
            return Outcome.of(ResultCode.LIMIT_EXCEEDED);
        }
        w.walletClass = (int) s.walletClass();
        return Outcome.of(ResultCode.OK);
    }

    private Outcome exchangeIn(ExchangeIn e) {
        if (e.amount() <= 0) {
            return Outcome.of(ResultCode.INVALID_ARGUMENT);
        }
        Wallet w = wallets.get(e.target());
        if (w == null) {
            return Outcome.of(ResultCode.NOT_FOUND);
        }
        if (!w.operator.equals(e.actor())) {
            return Outcome.of(ResultCode.NOT_AUTHORISED);
        }
        if (reserve(e.actor()) < e.amount()) {
            return Outcome.of(ResultCode.INSUFFICIENT_FUNDS);
        }
        if (exceedsMaxBalance(w, e.amount())) {
            return Outcome.of(ResultCode.LIMIT_EXCEEDED);
        }
        if (overflows(w.balance, e.amount())) {
            return Outcome.of(ResultCode.OVERFLOW);
        }
        reserves.put(e.actor(), reserve(e.actor()) - e.amount());
        w.balance += e.amount();
        return Outcome.of(ResultCode.OK);
    }

    /** INSUFFICIENT_FUNDS, FROZEN or null when the wallet can spend the amount. */
    private static ResultCode spendable(Wallet w, long amount) {
        if (w.balance < amount) {
            return ResultCode.INSUFFICIENT_FUNDS;
        }
        if (w.balance - w.frozen < amount) {
            return ResultCode.FROZEN;
        }
        return null;
    }

    private Outcome exchangeOut(ExchangeOut e) {
        if (e.amount() <= 0) {
            return Outcome.of(ResultCode.INVALID_ARGUMENT);
        }
        Wallet w = wallets.get(e.actor());
        if (w == null) {
            return Outcome.of(ResultCode.NOT_FOUND);
        }
        ResultCode funds = spendable(w, e.amount());
        if (funds != null) {
            return Outcome.of(funds);
        }
        if (overflows(reserve(w.operator), e.amount())) {
            return Outcome.of(ResultCode.OVERFLOW);
        }
        w.balance -= e.amount();
        reserves.put(w.operator, reserve(w.operator) + e.amount());
        return Outcome.of(ResultCode.OK);
    }

    private Outcome pay(Pay p, long timestamp) {
        if (p.amount() <= 0 || p.memoTooLong()) {
            return Outcome.of(ResultCode.INVALID_ARGUMENT);
        }
        Wallet payer = wallets.get(p.actor());
        if (payer == null) {
            return Outcome.of(ResultCode.NOT_FOUND);
        }
        if (p.target().equals(p.actor())) {
            return Outcome.of(ResultCode.INVALID_ARGUMENT);
        }
        Wallet payee = wallets.get(p.target());
        if (payee == null) {
            return Outcome.of(ResultCode.NOT_FOUND);
        }
        long[] limits = limitsByClass[payer.walletClass - 1];
        if (limits[1] != NO_CAP && p.amount() > limits[1]) {
            return Outcome.of(ResultCode.LIMIT_EXCEEDED);
        }
        long day = Math.floorDiv(timestamp + UTC_OFFSET, DAY);
        long paidToday = payer.day == day ? payer.paidThatDay : 0;
        if (limits[2] != NO_CAP && (overflows(paidToday, p.amount()) || paidToday + p.amount() > limits[2])) {
            return Outcome.of(ResultCode.LIMIT_EXCEEDED);
        }
        ResultCode funds = spendable(payer, p.amount());
        if (funds != null) {
            return Outcome.of(funds);
        }
        if (exceedsMaxBalance(payee, p.amount())) {
            return Outcome.of(ResultCode.LIMIT_EXCEEDED);
        }
        if (overflows(payee.balance, p.amount())) {
            return Outcome.of(ResultCode.OVERFLOW);
        }
        payer.balance -= p.amount();
        payee.balance += p.amount();
        payer.day = day;
        payer.paidThatDay = overflows(paidToday, p.amount()) ? Long.MAX_VALUE : paidToday + p.amount();

        List<String> alerts = new ArrayList<>();
        if (largePayment != NO_CAP && p.amount() >= largePayment) {
            alerts.add("LARGE_PAYMENT");
        }
        if (limits[1] != NO_CAP && java.math.BigInteger.valueOf(p.amount()).multiply(java.math.BigInteger.TEN)
                .compareTo(java.math.BigInteger.valueOf(limits[1]).multiply(java.math.BigInteger.valueOf(9))) >= 0) {
            payer.nearLimitTimes.removeIf(t -> timestamp - t >= DAY);
            payer.nearLimitTimes.add(timestamp);
            if (payer.nearLimitTimes.size() >= structuringCount) {
                alerts.add("STRUCTURING");
            }
        }
        return new Outcome(ResultCode.OK, alerts);
    }

    private Outcome freeze(Freeze f) {
        if (f.amount() <= 0 || f.caseId().isEmpty()) {
            return Outcome.of(ResultCode.INVALID_ARGUMENT);
        }
        Wallet w = wallets.get(f.target());
        if (w == null) {
            return Outcome.of(ResultCode.NOT_FOUND);
        }
        if (f.amount() > w.balance - w.frozen) {
            return Outcome.of(ResultCode.INSUFFICIENT_FUNDS);
        }
        w.frozen += f.amount();
        w.cases.merge(f.caseId(), f.amount(), Long::sum);
        return Outcome.of(ResultCode.OK);
    }

    private Outcome unfreeze(Unfreeze u) {
        if (u.caseId().isEmpty()) {
            return Outcome.of(ResultCode.INVALID_ARGUMENT);
        }
        Wallet w = wallets.get(u.target());
        if (w == null || !w.cases.containsKey(u.caseId())) {
            return Outcome.of(ResultCode.NOT_FOUND);
        }
        w.frozen -= w.cases.remove(u.caseId());
        return Outcome.of(ResultCode.OK);
    }

    private Outcome deduct(Deduct d) {
        if (d.amount() <= 0 || d.caseId().isEmpty()) {
            return Outcome.of(ResultCode.INVALID_ARGUMENT);
        }
        Wallet debtor = wallets.get(d.target());
        if (debtor == null) {
            return Outcome.of(ResultCode.NOT_FOUND);
        }
        if (d.to().equals(d.target())) {
            return Outcome.of(ResultCode.INVALID_ARGUMENT);
        }
        Wallet creditor = wallets.get(d.to());
        if (creditor == null || !debtor.cases.containsKey(d.caseId())) {
            return Outcome.of(ResultCode.NOT_FOUND);
        }
        long held = debtor.cases.get(d.caseId());
        if (d.amount() > held) {
            return Outcome.of(ResultCode.INSUFFICIENT_FUNDS);
        }
        if (exceedsMaxBalance(creditor, d.amount())) {
            return Outcome.of(ResultCode.LIMIT_EXCEEDED);
        }
        if (overflows(creditor.balance, d.amount())) {
            return Outcome.of(ResultCode.OVERFLOW);
        }
        if (held == d.amount()) {
            debtor.cases.remove(d.caseId());
        } else {
            debtor.cases.put(d.caseId(), held - d.amount());
        }
        debtor.frozen -= d.amount();
        debtor.balance -= d.amount();
        creditor.balance += d.amount();
        return Outcome.of(ResultCode.OK);
    }
}
