package org.jadechain.core.contract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.codec.Limits;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateOverlay;
import org.jadechain.core.state.StateReader;

/**
 * The identity registry in state (namespace {@value #NAMESPACE}): organisations by id
 * ({@code org/<id>}) and the organisation of each member key ({@code member/<address>}).
 * Written at genesis; read by the executor to resolve callers and by contracts to find organisations.
 */
public final class Identities {
    public static final String NAMESPACE = "identity";

    private final StateReader state;
    private final CryptoSuite suite;

    public Identities(StateReader state, CryptoSuite suite) {
        this.state = state;
        this.suite = suite;
    }

    public static void initialise(Genesis genesis, StateOverlay state) {
        CryptoSuite suite = genesis.cryptoSuite();
        for (Organisation o : genesis.organisations()) {
            ByteWriter w = new ByteWriter();
            w.string(o.name()).string(o.role().name()).varint(o.adminKeys().size());
            for (PublicKey k : o.adminKeys()) {
                w.bytes(k.unsafeEncoded());
            }
            state.put(StateKeys.fullKey(NAMESPACE, "org/" + o.id()), w.toByteArray());
            for (PublicKey k : o.adminKeys()) {
                state.put(memberKey(suite.address(k)), o.id().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] memberKey(Address a) {
        byte[] prefix = "member/".getBytes(StandardCharsets.UTF_8);
        byte[] k = new byte[prefix.length + Address.LENGTH];
        System.arraycopy(prefix, 0, k, 0, prefix.length);
        System.arraycopy(a.bytes(), 0, k, prefix.length, Address.LENGTH);
        return StateKeys.fullKey(NAMESPACE, k);
    }

    /** The organisation id a key address acts for, or null. */
    public String organisationOf(Address address) {
        byte[] v = state.get(memberKey(address));
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    /** The organisation with that id, or null. */
    public Organisation organisation(String id) {
        byte[] v = state.get(StateKeys.fullKey(NAMESPACE, "org/" + id));
        if (v == null) {
            return null;
        }
        try {
            ByteReader r = new ByteReader(v);
            String name = r.string("name", Limits.MAX_ORGANISATION_NAME_BYTES);
            Role role = Role.valueOf(r.string("role", Limits.MAX_NAME_BYTES));
            int n = (int) r.varint("keys", Limits.MAX_ADMIN_KEYS);
            List<PublicKey> keys = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                keys.add(suite.decodePublicKey(r.bytes("key", Limits.MAX_PUBLIC_KEY_BYTES)));
            }
            return new Organisation(id, name, role, keys);
        } catch (DecodeException | CryptoException | IllegalArgumentException e) {
            throw new IllegalStateException("corrupt identity record for " + id + ": " + e.getMessage(), e);
        }
    }

    /** Resolves a signer to a caller with its organisation and role (both null for a plain account). */
    public Caller caller(PublicKey key) {
        Address a = suite.address(key);
        String org = organisationOf(a);
        Role role = null;
        if (org != null) {
            Organisation o = organisation(org);
            role = o == null ? null : o.role();
        }
        return new Caller(a, key, org, role, false);
    }
}
