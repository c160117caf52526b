package org.jadechain.contracts.currency;

/**
 * Shows a ledger day (days since 1970-01-01 in the chain's time zone) as an ISO date, with integer
 * arithmetic only (H. Hinnant's civil-from-days), so no date-time library is touched by the contract.
 */
final class LedgerDate {
    private LedgerDate() {
    }

    static String iso(long day) {
        long z = day + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        return y + "-" + two(m) + "-" + two(d);
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }
}
