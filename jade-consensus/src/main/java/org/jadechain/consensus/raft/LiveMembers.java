package org.jadechain.consensus.raft;

import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.genesis.ValidatorInfo;

/**
 * The keys a peer may present on the Raft transport: a fixed part (genesis's validators and the configured
 * observers) and — read again at each handshake — the validators the ledger has in force now, so that a
 * validator added by governance is let in. A read-only view; thread-safe as its supplier.
 */
final class LiveMembers extends AbstractCollection<PublicKey> {
    private final List<PublicKey> fixed;
    private final Supplier<List<ValidatorInfo>> inForce;

    LiveMembers(List<PublicKey> fixed, Supplier<List<ValidatorInfo>> inForce) {
        this.fixed = List.copyOf(fixed);
        this.inForce = inForce;
    }

    private List<PublicKey> now() {
        LinkedHashSet<PublicKey> all = new LinkedHashSet<>(fixed);
        for (ValidatorInfo v : inForce.get()) {
            all.add(v.publicKey());
        }
        return List.copyOf(all);
    }

    @Override
    public Iterator<PublicKey> iterator() {
        return now().iterator();
    }

    @Override
    public int size() {
        return now().size();
    }

    @Override
    public boolean contains(Object o) {
        return now().contains(o);
    }
}
