package org.jadechain.contracts.currency;

/**
 * The limits of one wallet class, in fen; {@link #NO_CAP} (-1) means unlimited. {@code maxBalance} caps
 * what the wallet may hold, {@code maxPayment} a single transfer it makes, {@code maxDaily} the sum of its
 * transfers on one ledger day (in the chain's time zone). Immutable.
 */
public record ClassLimits(int walletClass, long maxBalance, long maxPayment, long maxDaily) {
    public static final long NO_CAP = -1;

    public ClassLimits {
        if (walletClass < CurrencyParameters.MIN_CLASS || walletClass > CurrencyParameters.MAX_CLASS) {
            throw new IllegalArgumentException("wallet class must be " + CurrencyParameters.MIN_CLASS + ".."
                    + CurrencyParameters.MAX_CLASS + ": " + walletClass);
        }
        check("maxBalance", maxBalance);
        check("maxPayment", maxPayment);
        check("maxDaily", maxDaily);
    }

    private static void check(String name, long v) {
        if (v < NO_CAP) {
            throw new IllegalArgumentException(name + " must be -1 (no cap) or at least 0 fen: " + v);
        }
    }

    /** Whether a wallet of this class may hold {@code balance} fen. */
    public boolean allowsBalance(long balance) {
        return maxBalance == NO_CAP || balance <= maxBalance;
    }

    /** Whether receiving {@code amount} on top of {@code balance} stays within the maximum balance. */
    public boolean allowsCredit(long balance, long amount) {
        return maxBalance == NO_CAP || (balance <= maxBalance && amount <= maxBalance - balance);
    }

    /** Whether one payment of {@code amount} is allowed. */
    public boolean allowsPayment(long amount) {
        return maxPayment == NO_CAP || amount <= maxPayment;
    }

    /** Whether paying {@code amount} after {@code paidToday} on the same ledger day is allowed. */
    public boolean allowsDaily(long paidToday, long amount) {
        return maxDaily == NO_CAP || (paidToday <= maxDaily && amount <= maxDaily - paidToday);
    }

    /**
     * Whether {@code amount} is at least 90 % of the single-payment limit ({@code amount * 10 >= limit * 9},
     * computed without overflow as {@code amount >= limit - floor(limit / 10)}); false when uncapped.
     */
    public boolean nearPaymentLimit(long amount) {
        return maxPayment != NO_CAP && amount >= maxPayment - maxPayment / 10;
    }

    static String show(long fen, String code) {
        return fen == NO_CAP ? "no cap" : Yuan.format(fen) + " " + code;
    }
}
