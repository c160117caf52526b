package org.jadechain.contracts.records;

import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jadechain.core.contract.Identities;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.genesis.Organisation;

/**
 * The public keys a collection's readers hold at a given state: every admin key of every reader
 * organisation (as the identity registry lists it now) and every reader key, each once. An encrypted
 * submission must wrap its content key to exactly these keys. An organisation that no longer exists
 * contributes no key. Deterministic: the result is ordered by key bytes (unsigned).
 */
final class ReaderKeys {
    private ReaderKeys() {
    }

    /** Key encoding → who holds it, for messages: the organisation id, or "" for a key listed by itself. */
    static SortedMap<byte[], String> resolve(Identities identities, Principals readers) {
        TreeMap<byte[], String> out = new TreeMap<>(Arrays::compareUnsigned);
        for (String id : readers.organisations()) {
            Organisation o = identities.organisation(id);
            if (o == null) {
                continue;
            }
            for (PublicKey k : o.adminKeys()) {
                out.putIfAbsent(k.encoded(), id);
            }
        }
        for (byte[] k : readers.keys()) {
            out.putIfAbsent(k, "");
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** E.g. {@code regulator (key 04a1b2c3d4e5f607…)} or {@code key 3b6a27bcceb6a42d…}. */
    static String describe(byte[] key, String holder) {
        return holder.isEmpty() ? "key " + Principals.shortHex(key)
                : holder + " (key " + Principals.shortHex(key) + ")";
    }
}
