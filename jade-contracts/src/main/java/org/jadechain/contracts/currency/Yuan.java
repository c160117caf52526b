package org.jadechain.contracts.currency;

/**
 * Exact conversion between yuan text and whole fen (1 yuan = 100 fen), with no floating point.
 *
 * <p>{@link #parse} accepts a non-negative decimal with at most two fraction digits, optionally grouped by
 * commas in threes: {@code "12"}, {@code "0.5"}, {@code "1000000.00"}, {@code "1,000,000.00"}. It rejects
 * signs, spaces, other separators, a bare or trailing point, misplaced commas, three or more fraction
 * digits and values above {@link Long#MAX_VALUE} fen, with {@link IllegalArgumentException}.
 * {@link #format} writes {@code "1,000,000.00"}, {@link #formatPlain} {@code "1000000.00"}; both accept
 * negative amounts (for signed history entries) and print a leading {@code -}. Thread-safe (stateless).
 */
public final class Yuan {
    private static final long FEN_PER_YUAN = 100;

    private Yuan() {
    }

    /** Parses yuan text into fen. @throws IllegalArgumentException when the text is not an exact amount */
    public static long parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an amount is required, e.g. 1,000.00");
        }
        int point = text.indexOf('.');
        String whole = point < 0 ? text : text.substring(0, point);
        String fraction = point < 0 ? "" : text.substring(point + 1);
        if (whole.isEmpty()) {
            throw bad(text, "digits are required before the decimal point");
        }
        if (point >= 0 && (fraction.isEmpty() || fraction.length() > 2)) {
            throw bad(text, "one or two digits are required after the decimal point (whole fen)");
        }
        long yuan = parseWhole(text, whole);
        long fen = 0;
        for (int i = 0; i < 2; i++) {
            int d = i < fraction.length() ? digit(text, fraction.charAt(i)) : 0;
            fen = fen * 10 + d;
        }
        try {
            return Math.addExact(Math.multiplyExact(yuan, FEN_PER_YUAN), fen);
        } catch (ArithmeticException e) {
            throw bad(text, "too large");
        }
    }

    private static long parseWhole(String text, String whole) {
        boolean grouped = whole.indexOf(',') >= 0;
        if (grouped) {
            String[] groups = whole.split(",", -1);
            if (groups[0].isEmpty() || groups[0].length() > 3) {
                throw bad(text, "commas must separate groups of three digits");
            }
            for (int i = 1; i < groups.length; i++) {
                if (groups[i].length() != 3) {
                    throw bad(text, "commas must separate groups of three digits");
                }
            }
        }
        long v = 0;
        for (int i = 0; i < whole.length(); i++) {
            char c = whole.charAt(i);
            if (c == ',') {
                continue;
            }
            try {
                v = Math.addExact(Math.multiplyExact(v, 10), digit(text, c));
            } catch (ArithmeticException e) {
                throw bad(text, "too large");
            }
        }
        return v;
    }

    private static int digit(String text, char c) {
        if (c < '0' || c > '9') {
            throw bad(text, "unexpected character '" + c + "'");
        }
        return c - '0';
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("not an amount of yuan: \"" + text + "\" (" + why + ")");
    }

    /** Fen as yuan with thousands separators and two decimals: {@code 100000000 -> "1,000,000.00"}. */
    public static String format(long fen) {
        return render(fen, true);
    }

    /** Fen as yuan with two decimals and no separators: {@code 100000000 -> "1000000.00"}. */
    public static String formatPlain(long fen) {
        return render(fen, false);
    }

    private static String render(long fen, boolean grouped) {
        boolean negative = fen < 0;
        // Work on the negated value so that Long.MIN_VALUE needs no special case.
        long neg = negative ? fen : -fen;
        long yuan = -(neg / FEN_PER_YUAN);
        int cents = (int) -(neg % FEN_PER_YUAN);
        String digits = Long.toString(yuan);
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (negative) {
            out.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (grouped && i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        out.append('.').append((char) ('0' + cents / 10)).append((char) ('0' + cents % 10));
        return out.toString();
    }
}
