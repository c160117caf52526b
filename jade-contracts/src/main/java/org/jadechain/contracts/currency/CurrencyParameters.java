package org.jadechain.contracts.currency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.genesis.Genesis;

/**
 * The currency's settings, fixed at genesis from the genesis parameters below (amounts in fen as decimal
 * integers, {@code -1} = no cap / disabled). Unknown {@code currency.*} names are rejected, so that a typo
 * cannot silently leave a default in force.
 *
 * <table>
 *   <caption>genesis parameters</caption>
 *   <tr><td>{@code currency.code}</td><td>currency code shown in messages; default {@code CNY}</td></tr>
 *   <tr><td>{@code currency.class.N.maxBalance}, {@code .maxPayment}, {@code .maxDaily}</td>
 *       <td>limits of class N (1..4); defaults from the e-CNY's published tiers, in yuan:
 *       class 1 no caps; class 2 500,000 / 50,000 / 100,000; class 3 10,000 / 5,000 / 10,000;
 *       class 4 10,000 / 2,000 / 5,000</td></tr>
 *   <tr><td>{@code currency.alert.largePayment}</td><td>a transfer of at least this much raises a
 *       LARGE_PAYMENT alert; default 5000000 (50,000.00 yuan); -1 disables</td></tr>
 *   <tr><td>{@code currency.alert.structuring.count}</td><td>this many near-limit transfers from one wallet
 *       within 24 ledger hours raise a STRUCTURING alert; default 3</td></tr>
 * </table>
 *
 * <p>The contract writes the parsed settings into its state at genesis, so readers of committed state
 * ({@link CurrencyQueries}) see the same values without the genesis document. Immutable.
 */
public record CurrencyParameters(String code, List<ClassLimits> classes, long largePayment, int structuringCount) {
    public static final int MIN_CLASS = 1;
    public static final int MAX_CLASS = 4;
    public static final String PREFIX = "currency.";
    public static final String CODE = "currency.code";
    public static final String LARGE_PAYMENT = "currency.alert.largePayment";
    public static final String STRUCTURING_COUNT = "currency.alert.structuring.count";
    public static final String DEFAULT_CODE = "CNY";
    public static final long DEFAULT_LARGE_PAYMENT = 5_000_000L;
    public static final int DEFAULT_STRUCTURING_COUNT = 3;
    public static final int MAX_CODE_BYTES = 16;

    private static final long NO = ClassLimits.NO_CAP;
    private static final long[][] DEFAULT_LIMITS = {
        {NO, NO, NO},
        {50_000_000L, 5_000_000L, 10_000_000L},
        {1_000_000L, 500_000L, 1_000_000L},
        {1_000_000L, 200_000L, 500_000L},
    };
    private static final String[] LIMIT_NAMES = {"maxBalance", "maxPayment", "maxDaily"};

    public CurrencyParameters {
        classes = List.copyOf(classes);
        if (classes.size() != MAX_CLASS) {
            throw new IllegalArgumentException("expected limits for classes " + MIN_CLASS + ".." + MAX_CLASS);
        }
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).walletClass() != i + 1) {
                throw new IllegalArgumentException("class limits out of order");
            }
        }
        if (code.isEmpty() || code.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_CODE_BYTES) {
            throw new IllegalArgumentException(CODE + " must be 1.." + MAX_CODE_BYTES + " bytes");
        }
        if (largePayment < NO || largePayment == 0) {
            throw new IllegalArgumentException(LARGE_PAYMENT + " must be -1 (disabled) or at least 1 fen");
        }
        if (structuringCount < 1) {
            throw new IllegalArgumentException(STRUCTURING_COUNT + " must be at least 1");
        }
    }

    public static CurrencyParameters defaults() {
        return from(new java.util.TreeMap<>());
    }

    public static CurrencyParameters fromGenesis(Genesis genesis) {
        return from(genesis.parameters());
    }

    /**
     * Parses the {@code currency.*} entries of genesis parameters; other names are ignored.
     *
     * @throws IllegalArgumentException naming the parameter that is unknown or malformed
     */
    public static CurrencyParameters from(SortedMap<String, String> parameters) {
        TreeSet<String> known = new TreeSet<>(List.of(CODE, LARGE_PAYMENT, STRUCTURING_COUNT));
        List<ClassLimits> classes = new ArrayList<>();
        for (int c = MIN_CLASS; c <= MAX_CLASS; c++) {
            long[] v = new long[3];
            for (int i = 0; i < 3; i++) {
                String name = limitName(c, LIMIT_NAMES[i]);
                known.add(name);
                v[i] = number(parameters, name, DEFAULT_LIMITS[c - 1][i], NO);
            }
            classes.add(new ClassLimits(c, v[0], v[1], v[2]));
        }
        for (Map.Entry<String, String> e : parameters.tailMap(PREFIX).entrySet()) {
            if (!e.getKey().startsWith(PREFIX)) {
                break;
            }
            if (!known.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown currency parameter " + e.getKey() + "; known: " + known);
            }
        }
        String code = parameters.getOrDefault(CODE, DEFAULT_CODE);
        long large = number(parameters, LARGE_PAYMENT, DEFAULT_LARGE_PAYMENT, NO);
        long count = number(parameters, STRUCTURING_COUNT, DEFAULT_STRUCTURING_COUNT, 1);
        if (count > 1_000) {
            throw new IllegalArgumentException(STRUCTURING_COUNT + " must be at most 1000");
        }
        return new CurrencyParameters(code, classes, large, (int) count);
    }

    /** The genesis parameter name of a class limit, e.g. {@code currency.class.4.maxPayment}. */
    public static String limitName(int walletClass, String limit) {
        return PREFIX + "class." + walletClass + "." + limit;
    }

    private static long number(SortedMap<String, String> parameters, String name, long defaultValue, long min) {
        String text = parameters.get(name);
        if (text == null) {
            return defaultValue;
        }
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of fen: \"" + text + "\"");
        }
        if (v < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ": " + text);
        }
        return v;
    }

    public static boolean validClass(long walletClass) {
        return walletClass >= MIN_CLASS && walletClass <= MAX_CLASS;
    }

    /** @throws IllegalArgumentException when the class is not 1..4 */
    public ClassLimits limits(int walletClass) {
        if (!validClass(walletClass)) {
            throw new IllegalArgumentException("no wallet class " + walletClass);
        }
        return classes.get(walletClass - 1);
    }

    /** An amount in yuan with the currency code, for messages: {@code "2,000.00 CNY"}. */
    public String show(long fen) {
        return Yuan.format(fen) + " " + code;
    }

    byte[] encode() {
        ByteWriter w = new ByteWriter(128);
        w.u8(1).string(code);
        for (ClassLimits l : classes) {
            w.i64(l.maxBalance()).i64(l.maxPayment()).i64(l.maxDaily());
        }
        w.i64(largePayment).varint(structuringCount);
        return w.toByteArray();
    }

    static CurrencyParameters decode(byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes);
            if (r.u8("version") != 1) {
                throw new DecodeException("unknown currency parameters version");
            }
            String code = r.string("code", MAX_CODE_BYTES);
            List<ClassLimits> classes = new ArrayList<>();
            for (int c = MIN_CLASS; c <= MAX_CLASS; c++) {
                classes.add(new ClassLimits(c, r.i64("maxBalance"), r.i64("maxPayment"), r.i64("maxDaily")));
            }
            long large = r.i64("largePayment");
            int count = (int) r.varint("structuringCount", 1_000);
            r.expectEnd("currency parameters");
            return new CurrencyParameters(code, classes, large, count);
        } catch (DecodeException | IllegalArgumentException e) {
            throw new IllegalStateException("corrupt currency parameters: " + e.getMessage(), e);
        }
    }
}
