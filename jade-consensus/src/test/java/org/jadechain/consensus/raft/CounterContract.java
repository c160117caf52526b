package org.jadechain.consensus.raft;

import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.Authorisation;
import org.jadechain.core.contract.Contract;
import org.jadechain.core.contract.Method;

/**
 * A test contract: {@code add(n)} adds n to a running total and to the caller's own total. {@code step}
 * is what one unit adds, so a deliberately "buggy" node can compute a different state root.
 */
final class CounterContract implements Contract {
    static final String NAME = "counter";
    private static final byte[] TOTAL = "total".getBytes(StandardCharsets.UTF_8);
    private final long step;

    CounterContract(long step) {
        this.step = step;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SortedMap<String, Method> methods() {
        SortedMap<String, Method> m = new TreeMap<>();
        m.put("add", new Method("add", Authorisation.anyKeyHolder(), (ctx, args) -> {
            args.expectCount(1);
            long n = args.int64(0) * step;
            ctx.state().putLong(TOTAL, ctx.state().getLong(TOTAL, 0) + n);
            byte[] mine = ctx.caller().address().bytes();
            ctx.state().putLong(mine, ctx.state().getLong(mine, 0) + n);
        }));
        return m;
    }

    static byte[] addArgs(long n) {
        return Args.builder().int64(n).encode();
    }
}
