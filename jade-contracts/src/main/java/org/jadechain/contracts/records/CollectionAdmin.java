package org.jadechain.contracts.records;

import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.model.Attribute;
import org.jadechain.core.model.ResultCode;

/** An agency's side: defining collections. */
final class CollectionAdmin {
    private CollectionAdmin() {
    }

    /**
     * {@code createCollection(name, submitters, readers)}: INVALID_ARGUMENT (name not 1..128 bytes, a list not
     * canonical {@link Principals}, no submitter, a key not of the chain's suite, more than 64 readers once the
     * agency is added), NOT_FOUND (an organisation that does not exist). The calling agency joins the readers.
     * Emits {@code CollectionCreated(collection, name, agency)}; output {@code collection}.
     */
    static void createCollection(CallContext ctx, Args args) throws ContractException {
        args.expectCount(3);
        String name = RecordsArgs.name(args, 0);
        Principals submitters = RecordsArgs.principals(args, 1, "the submitters");
        Principals readers = RecordsArgs.principals(args, 2, "the readers");
        if (submitters.isEmpty()) {
            throw ContractException.invalid("a collection needs at least one submitter (an organisation or a key)");
        }
        checkKeys(ctx.chain().suite(), submitters, "submitter");
        checkKeys(ctx.chain().suite(), readers, "reader");
        String agency = ctx.caller().organisation();
        if (!readers.includesOrganisation(agency) && readers.size() >= Principals.MAX_ENTRIES) {
            throw ContractException.invalid("at most " + Principals.MAX_ENTRIES + " readers, the creating agency "
                    + agency + " included");
        }
        checkOrganisations(ctx, submitters, "submitter");
        checkOrganisations(ctx, readers, "reader");
        RecordsStore store = new RecordsStore(ctx.state());
        RecordCollection c = new RecordCollection(store.nextCollectionId(), name, agency, ctx.caller().address(),
                submitters, readers.withOrganisation(agency), ctx.height(), ctx.timestamp(), ctx.txHash());
        store.addCollection(c);
        ctx.emit(RecordsContract.COLLECTION_CREATED, new Attribute("collection", c.id()), new Attribute("name", name),
                new Attribute("agency", agency));
        ctx.output("collection", c.id());
    }

    private static void checkKeys(CryptoSuite suite, Principals p, String what) throws ContractException {
        for (byte[] k : p.keys()) {
            try {
                suite.decodePublicKey(k);
            } catch (CryptoException | IllegalArgumentException e) {
                throw ContractException.invalid(what + " key " + Principals.shortHex(k) + " is not a "
                        + suite.id().label() + " public key: " + e.getMessage());
            }
        }
    }

    private static void checkOrganisations(CallContext ctx, Principals p, String what) throws ContractException {
        for (String id : p.organisations()) {
            if (ctx.identities().organisation(id) == null) {
                throw new ContractException(ResultCode.NOT_FOUND, "no organisation '" + id + "' (" + what + ")");
            }
        }
    }
}
