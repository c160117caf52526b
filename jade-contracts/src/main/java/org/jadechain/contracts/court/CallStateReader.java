package org.jadechain.contracts.court;

import org.jadechain.core.contract.CallContext;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateReader;

/**
 * A {@link StateReader} over the state a running call sees, in every namespace (its own writes so far
 * included), built on {@link CallContext#read}. Lets a contract use another contract's public queries
 * ({@code CurrencyQueries}, {@link CourtQueries}, ...) from inside a call. Read-only; valid only during
 * the call.
 */
public final class CallStateReader {
    private CallStateReader() {
    }

    public static StateReader of(CallContext ctx) {
        return fullKey -> ctx.read(StateKeys.namespaceOf(fullKey)).get(StateKeys.localKeyOf(fullKey));
    }
}
