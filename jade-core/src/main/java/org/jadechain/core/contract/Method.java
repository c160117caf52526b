package org.jadechain.core.contract;

/** A contract method: its name, who may call it, and what it does. */
public record Method(String name, Authorisation authorisation, Handler handler) {

    /** The body of a method. Runs sequentially and deterministically; state changes are kept only if it returns. */
    @FunctionalInterface
    public interface Handler {
        void call(CallContext ctx, Args args) throws ContractException;
    }
}
