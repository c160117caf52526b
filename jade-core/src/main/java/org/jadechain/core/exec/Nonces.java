package org.jadechain.core.exec;

import org.jadechain.core.crypto.Address;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateOverlay;
import org.jadechain.core.state.StateReader;

/**
 * Per-account replay protection (namespace {@value #NAMESPACE}): the next nonce each address must use.
 * A transaction with any other nonce is refused with BAD_NONCE; an executed one (accepted or refused
 * by its contract) consumes its nonce.
 */
public final class Nonces {
    public static final String NAMESPACE = "sys.nonce";

    private Nonces() {
    }

    public static long next(StateReader state, Address account) {
        byte[] v = state.get(StateKeys.fullKey(NAMESPACE, account.bytes()));
        return v == null ? 0 : java.nio.ByteBuffer.wrap(v).getLong();
    }

    static void set(StateOverlay state, Address account, long next) {
        state.put(StateKeys.fullKey(NAMESPACE, account.bytes()), java.nio.ByteBuffer.allocate(8).putLong(next).array());
    }
}
