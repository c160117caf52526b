package org.jadechain.core.merkle;

import java.util.List;
import org.jadechain.core.crypto.Hash;

/** An RFC 9162 audit path: the sibling hashes from the leaf up to the root. */
public record InclusionProof(long leafIndex, long treeSize, List<Hash> path) {
    public InclusionProof {
        path = List.copyOf(path);
    }
}
