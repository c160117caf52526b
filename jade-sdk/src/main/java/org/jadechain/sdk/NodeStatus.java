package org.jadechain.sdk;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.sdk.json.JsonFields;

/** A node's {@code GET /v1/status}: its chain, head block, mempool and validators. */
public record NodeStatus(String chainId, String suite, long height, String headHash, String stateRoot, long timestamp,
                         String consensus, long mempoolSize, long mempoolCapacity, List<Validator> validators) {
    public NodeStatus {
        validators = List.copyOf(validators);
    }

    public record Validator(String id, String organisation, String publicKey, String address) {
    }

    static NodeStatus from(JsonFields f) {
        List<Validator> validators = new ArrayList<>();
        if (f.has("validators")) {
            for (JsonFields v : f.objects("validators")) {
                validators.add(new Validator(v.string("id"), v.optionalString("organisation"),
                        v.optionalString("publicKey"), v.optionalString("address")));
            }
        }
        long size = -1;
        long capacity = -1;
        if (f.has("mempool")) {
            JsonFields m = f.object("mempool");
            size = m.optionalInteger("size", 0, Long.MAX_VALUE, -1);
            capacity = m.optionalInteger("capacity", 0, Long.MAX_VALUE, -1);
        }
        return new NodeStatus(f.string("chainId"), f.string("suite"), f.nonNegative("height"),
                f.optionalString("headHash"), f.optionalString("stateRoot"),
                f.optionalInteger("timestamp", 0, Long.MAX_VALUE, 0), f.optionalString("consensus"),
                size, capacity, validators);
    }
}
