package org.jadechain.core.contract;

import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.genesis.Genesis;

/** The fixed facts of the chain a contract runs on, from genesis. */
public record ChainInfo(Genesis genesis) {
    public String chainId() {
        return genesis.chainId();
    }

    public CryptoSuite suite() {
        return genesis.cryptoSuite();
    }

    public int utcOffsetMinutes() {
        return genesis.utcOffsetMinutes();
    }

    public String parameter(String name, String defaultValue) {
        return genesis.parameter(name, defaultValue);
    }

    /** The ledger day (days since 1970-01-01 in the chain's time zone) of a ledger timestamp. */
    public long ledgerDay(long timestampMillis) {
        return Math.floorDiv(timestampMillis + utcOffsetMinutes() * 60_000L, 86_400_000L);
    }
}
