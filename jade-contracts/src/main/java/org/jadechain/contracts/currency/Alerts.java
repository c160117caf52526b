package org.jadechain.contracts.currency;

import static org.jadechain.contracts.currency.CallScope.attr;

import java.util.Arrays;
import org.jadechain.core.crypto.Address;

/**
 * Regulator alerts, raised by accepted transfers only, as {@code Alert} events of the currency contract and
 * as {@link AlertRecord}s in state ({@link CurrencyQueries#alerts}).
 *
 * <ul>
 *   <li>{@code LARGE_PAYMENT}: one transfer of at least {@code currency.alert.largePayment}. Attributes:
 *       kind, wallet (payer), to, amount, threshold.</li>
 *   <li>{@code STRUCTURING}: the payer has made {@code currency.alert.structuring.count} or more transfers
 *       within the last 24 ledger hours (block time: a transfer at {@code t} is in the window of one at
 *       {@code now} when {@code now - t < 86,400,000 ms}), each at least 90 % of its class's single payment
 *       limit at the time ({@code amount * 10 >= limit * 9}); classes without that limit are never counted.
 *       Raised when the count reaches the threshold and again on every further such transfer. Attributes:
 *       kind, wallet, to, amount, count, class, maxPayment.</li>
 * </ul>
 * The times of a wallet's recent near-limit transfers are kept in state, pruned to the window, at most
 * {@value #MAX_TIMES_KEPT}.
 */
public final class Alerts {
    public static final long WINDOW_MILLIS = 86_400_000L;
    static final int MAX_TIMES_KEPT = 1_000;

    /** The kind of an alert. */
    public enum Kind { LARGE_PAYMENT, STRUCTURING }

    private Alerts() {
    }

    static void afterTransfer(CallScope s, WalletRecord payer, Address to, long amount, ClassLimits limits) {
        long threshold = s.params.largePayment();
        if (threshold != ClassLimits.NO_CAP && amount >= threshold) {
            record(s, Kind.LARGE_PAYMENT, payer.address(), to, amount, 1);
            s.ctx.emit(CurrencyContract.ALERT, attr("kind", Kind.LARGE_PAYMENT.name()),
                    attr("wallet", payer.address().hex()), attr("to", to.hex()), attr("amount", amount),
                    attr("threshold", threshold));
        }
        if (!limits.nearPaymentLimit(amount)) {
            return;
        }
        long now = s.ctx.timestamp();
        long[] times = s.store.nearLimitTimes(payer.address());
        int from = 0;
        while (from < times.length && now - times[from] >= WINDOW_MILLIS) {
            from++;
        }
        int keep = Math.min(times.length - from, MAX_TIMES_KEPT - 1);
        long[] kept = Arrays.copyOfRange(times, times.length - keep, times.length + 1);
        kept[keep] = now;
        s.store.putNearLimitTimes(payer.address(), kept);
        if (kept.length >= s.params.structuringCount()) {
            record(s, Kind.STRUCTURING, payer.address(), to, amount, kept.length);
            s.ctx.emit(CurrencyContract.ALERT, attr("kind", Kind.STRUCTURING.name()),
                    attr("wallet", payer.address().hex()), attr("to", to.hex()), attr("amount", amount),
                    attr("count", kept.length), attr("class", limits.walletClass()),
                    attr("maxPayment", limits.maxPayment()));
        }
    }

    private static void record(CallScope s, Kind kind, Address wallet, Address to, long amount, long count) {
        s.store.addAlert(new AlertRecord(s.store.alertCount(), kind, s.ctx.height(), s.ctx.timestamp(),
                s.ctx.txHash(), wallet, to, amount, count));
    }
}
