package org.jadechain.core.exec;

/** A scheduled call: at ledger time {@code time}, run {@code contract.method(args)} as the ledger. */
public record Trigger(long time, long sequence, String contract, String method, byte[] args) {
}
