package org.jadechain.sdk;

/** A contract call to put in a transaction: contract name, method name and encoded {@code Args}. */
public record Call(String contract, String method, byte[] args) {
    public Call {
        args = args.clone();
    }

    @Override
    public byte[] args() {
        return args.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Call c && contract.equals(c.contract) && method.equals(c.method)
                && java.util.Arrays.equals(args, c.args);
    }

    @Override
    public int hashCode() {
        return (contract.hashCode() * 31 + method.hashCode()) * 31 + java.util.Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return contract + "." + method + " (" + args.length + " argument bytes)";
    }
}
