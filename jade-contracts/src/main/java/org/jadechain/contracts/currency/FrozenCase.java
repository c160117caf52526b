package org.jadechain.contracts.currency;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.ByteWriter;
import org.jadechain.core.codec.DecodeException;

/**
 * The amount a court's case holds frozen in one wallet. A wallet's cases are stored together, sorted by
 * case id ({@code varint n, n × (string caseId, string court, varint amount)}); their amounts add up to
 * the wallet's frozen total.
 */
public record FrozenCase(String caseId, String court, long amount) {
    public static final int MAX_CASE_ID_BYTES = 64;

    static byte[] encode(SortedMap<String, FrozenCase> cases) {
        ByteWriter w = new ByteWriter(32 * cases.size() + 4);
        w.varint(cases.size());
        for (FrozenCase c : cases.values()) {
            w.string(c.caseId).string(c.court).varint(c.amount);
        }
        return w.toByteArray();
    }

    static SortedMap<String, FrozenCase> decode(byte[] bytes) {
        TreeMap<String, FrozenCase> out = new TreeMap<>();
        if (bytes == null) {
            return out;
        }
        try {
            ByteReader r = new ByteReader(bytes);
            int n = (int) r.varint("case count", CurrencyContract.MAX_CASES_PER_WALLET);
            for (int i = 0; i < n; i++) {
                FrozenCase c = new FrozenCase(r.string("caseId", MAX_CASE_ID_BYTES),
                        r.string("court", CurrencyContract.MAX_ORGANISATION_ID_BYTES), r.varint("amount"));
                out.put(c.caseId, c);
            }
            r.expectEnd("frozen cases");
            return out;
        } catch (DecodeException e) {
            throw new IllegalStateException("corrupt frozen cases: " + e.getMessage(), e);
        }
    }

    static SortedMap<String, FrozenCase> view(SortedMap<String, FrozenCase> cases) {
        return Collections.unmodifiableSortedMap(cases);
    }
}
