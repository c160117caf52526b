package org.jadechain.core.exec;

import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.Authorisation;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.Contract;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.contract.Method;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.model.Attribute;
import org.jadechain.core.model.ResultCode;

/**
 * A key-value contract whose methods exercise everything the executor promises: role checks, writes
 * undone by a refusal or a crash, triggers, and a failed nested call that is caught. Every method takes
 * string arguments {@code key, value} (schedule methods first take {@code int64 at, string method}).
 */
public final class KvContract implements Contract {
    public static final String NAME = "kv";

    private final TreeMap<String, Method> methods = new TreeMap<>();

    public KvContract() {
        add("set", Authorisation.anyKeyHolder(), (ctx, args) -> {
            args.expectCount(2);
            write(ctx, args.string(0), args.string(1));
            ctx.emit("Set", new Attribute("key", args.string(0)), new Attribute("value", args.string(1)));
        });
        add("mint", Authorisation.roles(Role.CENTRAL_BANK), (ctx, args) -> {
            args.expectCount(2);
            write(ctx, "minted/" + args.string(0), args.string(1));
            ctx.emit("Minted", new Attribute("key", args.string(0)));
        });
        add("failAfterWrite", Authorisation.anyKeyHolder(), (ctx, args) -> {
            args.expectCount(2);
            write(ctx, args.string(0), args.string(1));
            ctx.emit("Wrote", new Attribute("key", args.string(0)));
            ctx.output("wrote", args.string(0));
            throw new ContractException(ResultCode.INSUFFICIENT_FUNDS, "refused after writing " + args.string(0));
        });
        add("crash", Authorisation.anyKeyHolder(), (ctx, args) -> {
            args.expectCount(2);
            write(ctx, args.string(0), args.string(1));
            throw new IllegalStateException("a bug in the contract");
        });
        add("schedule", Authorisation.anyKeyHolder(), (ctx, args) -> {
            args.expectCount(4);
            long seq = ctx.schedule(args.int64(0), args.string(1),
                    Args.builder().string(args.string(2)).string(args.string(3)).encode());
            ctx.output("trigger", Long.toString(seq));
        });
        add("scheduleThenFail", Authorisation.anyKeyHolder(), (ctx, args) -> {
            args.expectCount(4);
            ctx.schedule(args.int64(0), args.string(1), Args.builder().string(args.string(2)).string(args.string(3)).encode());
            throw new ContractException(ResultCode.INVALID_STATE, "changed its mind");
        });
        add("fire", Authorisation.ledgerOnly(), (ctx, args) -> {
            args.expectCount(2);
            write(ctx, args.string(0), args.string(1));
            ctx.emit("Fired", new Attribute("key", args.string(0)), new Attribute("at", Long.toString(ctx.timestamp())));
        });
        add("fireAndFail", Authorisation.ledgerOnly(), (ctx, args) -> {
            write(ctx, args.string(0), args.string(1));
            ctx.emit("Fired", new Attribute("key", args.string(0)));
            throw new ContractException(ResultCode.INVALID_STATE, "trigger refused");
        });
        add("tryNested", Authorisation.anyKeyHolder(), (ctx, args) -> {
            args.expectCount(2);
            write(ctx, args.string(0), args.string(1));
            try {
                ctx.invoke(NAME, "failAfterWrite", Args.builder().string(args.string(0) + "!").string(args.string(1)).encode());
            } catch (ContractException e) {
                ctx.output("caught", e.code().name());
            }
            ctx.emit("Nested", new Attribute("key", args.string(0)));
        });
    }

    private void add(String name, Authorisation auth, Method.Handler handler) {
        methods.put(name, new Method(name, auth, handler));
    }

    private static void write(CallContext ctx, String key, String value) {
        ctx.state().put(key, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SortedMap<String, Method> methods() {
        return methods;
    }
}
