package org.jadechain.contracts.evidence;

import java.util.SortedMap;
import java.util.TreeMap;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.Authorisation;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.Contract;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.contract.ContractState;
import org.jadechain.core.contract.Method;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.model.Attribute;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateReader;

/**
 * Tamper-evident evidence: {@code recordEvidence(documentHash, metadata)} stores a document's hash
 * once, with its recorder, block and transaction, so that a receipt (inclusion proof + commit
 * certificate) can later prove the document existed at that time. Any key holder may record; a hash
 * already recorded is refused with ALREADY_EXISTS naming the original transaction.
 */
public final class EvidenceContract implements Contract {
    public static final String NAME = "evidence";
    public static final String RECORD = "recordEvidence";
    public static final int MIN_HASH_BYTES = 16;
    public static final int MAX_HASH_BYTES = 64;
    public static final int MAX_METADATA_BYTES = 1024;

    private final SortedMap<String, Method> methods = new TreeMap<>();

    public EvidenceContract() {
        methods.put(RECORD, new Method(RECORD, Authorisation.anyKeyHolder(), this::record));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SortedMap<String, Method> methods() {
        return methods;
    }

    private void record(CallContext ctx, Args args) throws ContractException {
        args.expectCount(2);
        byte[] hash = args.bytes(0);
        String metadata = args.string(1);
        if (hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES) {
            throw ContractException.invalid("document hash must be " + MIN_HASH_BYTES + ".." + MAX_HASH_BYTES
                    + " bytes, got " + hash.length);
        }
        if (metadata.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
            throw ContractException.invalid("metadata over " + MAX_METADATA_BYTES + " bytes");
        }
        ContractState state = ctx.state();
        byte[] existing = state.get(hash);
        if (existing != null) {
            EvidenceRecord e = EvidenceRecord.decode(hash, existing);
            throw new ContractException(ResultCode.ALREADY_EXISTS, "document " + Hex.encode(hash)
                    + " was already recorded in transaction " + e.txHash().hex() + " at height " + e.height());
        }
        EvidenceRecord rec = new EvidenceRecord(hash, ctx.caller().address(), ctx.height(), ctx.timestamp(),
                ctx.txHash(), metadata);
        state.put(hash, rec.encode());
        ctx.emit("EvidenceRecorded", new Attribute("documentHash", Hex.encode(hash)),
                new Attribute("recorder", ctx.caller().address().hex()));
        ctx.output("documentHash", Hex.encode(hash));
    }

    /** The record of a document hash in committed (or any) state, or null. */
    public static EvidenceRecord lookup(StateReader state, byte[] documentHash) {
        byte[] v = state.get(StateKeys.fullKey(NAME, documentHash));
        return v == null ? null : EvidenceRecord.decode(documentHash, v);
    }
}
