package org.jadechain.contracts.records;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.Caller;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.model.Attribute;
import org.jadechain.core.model.ResultCode;

/** A submitter's side: new records and corrections. Append-only: nothing stored is ever changed. */
final class Submissions {
    /** How many missing or extra keys a refusal names before it just counts the rest. */
    private static final int NAMED_IN_MESSAGE = 8;

    private Submissions() {
    }

    /**
     * {@code submit(collectionId, mode, documentHash, payload, previousVersion)}, in this order of checks:
     * <ol>
     *   <li>INVALID_ARGUMENT: ids not 1..64 bytes (previous 0..64), mode not 1 or 2, hash not 16..64 bytes, a
     *       payload with mode 1, a payload that is not a canonical {@link EncryptedContent} with mode 2;</li>
     *   <li>NOT_FOUND: no such collection, or no such previous record;</li>
     *   <li>NOT_AUTHORISED: the caller is not one of the collection's submitters;</li>
     *   <li>INVALID_ARGUMENT: the previous record belongs to another collection;</li>
     *   <li>NOT_AUTHORISED: for a correction, the caller is neither the key that submitted the version it
     *       corrects nor a member of that key's organisation;</li>
     *   <li>INVALID_STATE: the previous record already has a newer version;</li>
     *   <li>INVALID_ARGUMENT: the envelope does not wrap the content key to exactly the collection's reader keys
     *       as of now (see {@link ReaderKeys}); the message names who is missing and which keys are extra.</li>
     * </ol>
     * Emits {@code RecordSubmitted(collection, record, version, previous, documentHash (hex), mode,
     * submitter)}; output {@code record} and {@code version}.
     */
    static void submit(CallContext ctx, Args args) throws ContractException {
        args.expectCount(5);
        String collectionId = RecordsArgs.id(args, 0, "the collection id", false);
        int mode = RecordsArgs.mode(args, 1);
        byte[] documentHash = RecordsArgs.documentHash(args, 2);
        byte[] payload = args.bytes(3);
        String previousId = RecordsArgs.id(args, 4, "the previous version", true);
        EncryptedContent content = null;
        if (mode == RecordsContract.MODE_HASH_ONLY && payload.length != 0) {
            throw ContractException.invalid("a hash-only submission (mode " + RecordsContract.MODE_HASH_ONLY
                    + ") carries no payload; got " + payload.length + " bytes");
        }
        if (mode == RecordsContract.MODE_ENCRYPTED) {
            try {
                content = EncryptedContent.decode(payload);
            } catch (DecodeException e) {
                throw ContractException.invalid("the payload is not a record envelope: " + e.getMessage());
            }
        }

        RecordsStore store = new RecordsStore(ctx.state());
        RecordCollection collection = store.collection(collectionId);
        if (collection == null) {
            throw new ContractException(ResultCode.NOT_FOUND, "no collection " + collectionId);
        }
        RecordEntry previous = null;
        if (!previousId.isEmpty()) {
            previous = store.record(previousId);
            if (previous == null) {
                throw new ContractException(ResultCode.NOT_FOUND, "no record " + previousId);
            }
        }
        Caller caller = ctx.caller();
        if (!collection.submitters().admits(caller)) {
            throw ContractException.notAuthorised("only the submitters of " + collectionId + " "
                    + collection.submitters() + " may submit to it; " + caller.describe() + " is not one of them");
        }
        if (previous != null) {
            checkCorrection(caller, collection, previous);
        }
        if (content != null) {
            checkReaders(ctx, collection, content);
        }

        String id = store.nextRecordId();
        RecordEntry e = new RecordEntry(id, collectionId, previous == null ? 1 : previous.version() + 1, previousId, "",
                previous == null ? id : previous.first(), caller.address(),
                caller.organisation() == null ? "" : caller.organisation(), ctx.height(), ctx.timestamp(),
                ctx.txHash(), mode, documentHash, mode == RecordsContract.MODE_ENCRYPTED ? payload : new byte[0]);
        store.addRecord(e);
        ctx.emit(RecordsContract.RECORD_SUBMITTED, new Attribute("collection", collectionId), new Attribute("record", id),
                new Attribute("version", Long.toString(e.version())), new Attribute("previous", previousId),
                new Attribute("documentHash", Hex.encode(documentHash)), new Attribute("mode", Integer.toString(mode)),
                new Attribute("submitter", caller.address().hex()));
        ctx.output("record", id);
        ctx.output("version", Long.toString(e.version()));
    }

    private static void checkCorrection(Caller caller, RecordCollection collection, RecordEntry previous)
            throws ContractException {
        if (!previous.collection().equals(collection.id())) {
            throw ContractException.invalid("record " + previous.id() + " belongs to collection "
                    + previous.collection() + ", not " + collection.id());
        }
        boolean sameKey = previous.submitter().equals(caller.address());
        boolean sameOrganisation = !previous.submitterOrganisation().isEmpty()
                && previous.submitterOrganisation().equals(caller.organisation());
        if (!sameKey && !sameOrganisation) {
            throw ContractException.notAuthorised("record " + previous.id() + " was submitted by "
                    + (previous.submitterOrganisation().isEmpty() ? "account " + previous.submitter().hex()
                    : previous.submitterOrganisation()) + "; only that key"
                    + (previous.submitterOrganisation().isEmpty() ? "" : " or its organisation's members")
                    + " may correct it, not " + caller.describe());
        }
        if (!previous.latest()) {
            throw new ContractException(ResultCode.INVALID_STATE, "record " + previous.id()
                    + " already has a newer version " + previous.next() + "; correct the latest version of "
                    + previous.first() + " instead");
        }
    }

    private static void checkReaders(CallContext ctx, RecordCollection collection, EncryptedContent content)
            throws ContractException {
        SortedMap<byte[], String> expected = ReaderKeys.resolve(ctx.identities(), collection.readers());
        TreeMap<byte[], Boolean> given = new TreeMap<>(Arrays::compareUnsigned);
        for (byte[] k : content.readerKeys()) {
            given.put(k, Boolean.TRUE);
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<byte[], String> e : expected.entrySet()) {
            if (!given.containsKey(e.getKey())) {
                missing.add(ReaderKeys.describe(e.getKey(), e.getValue()));
            }
        }
        List<String> extra = new ArrayList<>();
        for (byte[] k : given.keySet()) {
            if (!expected.containsKey(k)) {
                extra.add(Principals.shortHex(k));
            }
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            return;
        }
        StringBuilder m = new StringBuilder("the envelope must wrap the content key for exactly the ")
                .append(expected.size()).append(" reader keys of ").append(collection.id()).append(' ')
                .append(collection.readers());
        if (!missing.isEmpty()) {
            m.append("; missing ").append(missing.size()).append(": ").append(named(missing));
        }
        if (!extra.isEmpty()) {
            m.append("; not readers (").append(extra.size()).append("): ").append(named(extra));
        }
        throw ContractException.invalid(m.toString());
    }

    private static String named(List<String> items) {
        if (items.size() <= NAMED_IN_MESSAGE) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, NAMED_IN_MESSAGE)) + " and " + (items.size() - NAMED_IN_MESSAGE)
                + " more";
    }
}
