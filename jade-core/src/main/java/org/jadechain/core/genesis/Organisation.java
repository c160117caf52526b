package org.jadechain.core.genesis;

import java.util.List;
import org.jadechain.core.crypto.PublicKey;

/** A member organisation named by a short id (e.g. {@code bank-a}), with the keys that act for it. */
public record Organisation(String id, String name, Role role, List<PublicKey> adminKeys) {
    public Organisation {
        adminKeys = List.copyOf(adminKeys);
    }
}
