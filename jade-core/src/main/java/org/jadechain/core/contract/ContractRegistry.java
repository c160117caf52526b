package org.jadechain.core.contract;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/** The contracts of a chain by name; fixed when the node starts. */
public final class ContractRegistry {
    private final TreeMap<String, Contract> contracts = new TreeMap<>();

    public ContractRegistry(List<Contract> contracts) {
        for (Contract c : contracts) {
            if (this.contracts.put(c.name(), c) != null) {
                throw new IllegalArgumentException("two contracts named " + c.name());
            }
        }
    }

    public Contract get(String name) {
        return contracts.get(name);
    }

    /** Every contract's derived index ({@link Contract#indexer()}), run in name order. */
    public BlockIndexer indexer() {
        java.util.List<BlockIndexer> out = new java.util.ArrayList<>();
        for (Contract c : contracts.values()) {
            if (c.indexer() != BlockIndexer.NONE) {
                out.add(c.indexer());
            }
        }
        return out.isEmpty() ? BlockIndexer.NONE : out.size() == 1 ? out.get(0) : BlockIndexer.all(out);
    }

    /** In name order. */
    public Collection<Contract> all() {
        return Collections.unmodifiableCollection(contracts.values());
    }
}
