package org.jadechain.cli.commands;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A due time typed on the command line, as ledger time (ms since the epoch): relative to now ({@code +30s},
 * {@code +5m}, {@code +2h}, {@code +7d}), an ISO-8601 time with offset ({@code 2026-12-01T09:00:00+08:00} or
 * {@code …Z}), or plain epoch milliseconds. On devnet the ledger's clock is the wall clock, so "+30s" is
 * thirty seconds of ledger time from now.
 */
final class DueTime {
    private static final Pattern RELATIVE = Pattern.compile("\\+(\\d{1,9})([smhd])");

    private DueTime() {
    }

    static long parse(String text, long nowMillis) {
        String t = text.trim();
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            long unit = switch (m.group(2)) {
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            return Math.addExact(nowMillis, Math.multiplyExact(n, unit));
        }
        if (t.matches("\\d{1,18}")) {
            return Long.parseLong(t);
        }
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(t).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("'" + text + "' is not a due time: use +30s, +5m, +2h, +7d, an "
                        + "ISO-8601 time such as 2026-12-01T09:00:00+08:00, or epoch milliseconds");
            }
        }
    }
}
