package org.jadechain.contracts.records;

import java.util.SortedMap;
import java.util.TreeMap;
import org.jadechain.core.contract.Authorisation;
import org.jadechain.core.contract.Contract;
import org.jadechain.core.contract.Method;
import org.jadechain.core.genesis.Role;

/**
 * Government records (contract and namespace {@value #NAME}): agencies define collections, allowed
 * submitters file records into them, and corrections are new versions that point at the one they correct,
 * so nothing is ever overwritten. A record holds either only a document hash (the document stays off the
 * ledger) or the document encrypted under a fresh content key wrapped to each reader's public key
 * ({@link EncryptedContent}); the ledger never sees a content key or a private key. A refused call changes
 * nothing.
 *
 * <table>
 *   <caption>methods (arguments in order, Args types)</caption>
 *   <tr><td>{@code createCollection(name string, submitters bytes, readers bytes)}</td><td>AGENCY: the lists
 *       are canonical {@link Principals}; the agency always reads; id {@code COL-<n>}; output
 *       {@code collection}</td></tr>
 *   <tr><td>{@code submit(collectionId string, mode int, documentHash bytes, payload bytes,
 *       previousVersion string)}</td><td>any key holder the collection admits as a submitter: mode
 *       {@value #MODE_HASH_ONLY} (hash only, empty payload) or {@value #MODE_ENCRYPTED} (payload =
 *       {@link EncryptedContent} wrapped to exactly the readers' keys); previousVersion empty for a new
 *       record, else the latest version it corrects; id {@code R-<n>}; output {@code record},
 *       {@code version}</td></tr>
 * </table>
 *
 * <p>Refusals per method are listed on {@link CollectionAdmin#createCollection} and
 * {@link Submissions#submit}. Events: {@code CollectionCreated(collection, name, agency)} and
 * {@code RecordSubmitted(collection, record, version, previous, documentHash, mode, submitter)}. Reads:
 * {@link RecordsQueries}; argument builders: {@link RecordsCalls}. Stateless apart from its method table;
 * thread-safe.
 */
public final class RecordsContract implements Contract {
    public static final String NAME = "records";

    public static final String CREATE_COLLECTION = "createCollection";
    public static final String SUBMIT = "submit";

    public static final String COLLECTION_CREATED = "CollectionCreated";
    public static final String RECORD_SUBMITTED = "RecordSubmitted";

    /** Only the document's hash is on the ledger. */
    public static final int MODE_HASH_ONLY = 1;
    /** The document is on the ledger, encrypted to the collection's readers. */
    public static final int MODE_ENCRYPTED = 2;

    public static final int MAX_NAME_BYTES = 128;
    /** Collection and record ids ({@code COL-<n>}, {@code R-<n>}) are far shorter; longer ones name nothing. */
    public static final int MAX_ID_BYTES = 64;
    public static final int MIN_HASH_BYTES = 16;
    public static final int MAX_HASH_BYTES = 64;

    private final SortedMap<String, Method> methods = new TreeMap<>();

    public RecordsContract() {
        methods.put(CREATE_COLLECTION, new Method(CREATE_COLLECTION, Authorisation.roles(Role.AGENCY),
                CollectionAdmin::createCollection));
        methods.put(SUBMIT, new Method(SUBMIT, Authorisation.anyKeyHolder(), Submissions::submit));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SortedMap<String, Method> methods() {
        return methods;
    }
}
