package org.jadechain.core.contract;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.jadechain.core.genesis.Role;

/** Who may call a method; checked by the executor before the method runs. */
public interface Authorisation {
    boolean permits(Caller caller);

    /** For the NOT_AUTHORISED message, e.g. "only CENTRAL_BANK". */
    String describe();

    /** Any holder of a key (not the ledger's own triggers). */
    static Authorisation anyKeyHolder() {
        return new Authorisation() {
            public boolean permits(Caller c) {
                return !c.system();
            }

            public String describe() {
                return "any key holder";
            }
        };
    }

    /** Members of organisations with one of the roles. */
    static Authorisation roles(Role... roles) {
        Set<Role> set = EnumSet.copyOf(Arrays.asList(roles));
        return new Authorisation() {
            public boolean permits(Caller c) {
                return !c.system() && c.role() != null && set.contains(c.role());
            }

            public String describe() {
                return "only " + set;
            }
        };
    }

    /** Only the ledger itself, through a scheduled trigger. */
    static Authorisation ledgerOnly() {
        return new Authorisation() {
            public boolean permits(Caller c) {
                return c.system();
            }

            public String describe() {
                return "only the ledger's scheduled triggers";
            }
        };
    }
}
