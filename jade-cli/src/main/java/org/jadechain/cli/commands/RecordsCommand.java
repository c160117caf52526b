package org.jadechain.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jadechain.contracts.records.Principals;
import org.jadechain.contracts.records.RecordsCalls;
import org.jadechain.contracts.records.RecordsContract;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.crypto.Pem;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.sdk.Call;
import org.jadechain.sdk.JadeApiException;
import org.jadechain.sdk.JadeClient;
import org.jadechain.sdk.records.NotAReaderException;
import org.jadechain.sdk.records.RecordDecryptionException;
import org.jadechain.sdk.records.RecordEnvelope;
import org.jadechain.sdk.records.Records;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jade records create-collection|submit|read|history|list}: permanent, versioned records. Encryption
 * and decryption happen here, on the client: the node only ever sees the sealed envelope.
 */
@Command(name = "records", mixinStandardHelpOptions = true,
        description = "Government records: collections, encrypted or hash-only submissions, corrections as new versions.",
        subcommands = {RecordsCommand.CreateCollection.class, RecordsCommand.Submit.class, RecordsCommand.Read.class,
                RecordsCommand.History.class, RecordsCommand.ListRecords.class})
public final class RecordsCommand {
    static final String DEFAULT_AGENCY = "agency";

    static JsonNode collection(JadeClient client, String id) {
        return Transact.get(client, "/v1/records/collections/" + Paths.segment(id), "no collection " + id + " on " + client.baseUrl());
    }

    @Command(name = "create-collection", mixinStandardHelpOptions = true,
            description = "Create a collection (an AGENCY's key). Each --submitter/--reader is an organisation id or a "
                    + "key (key file, devnet identity); write org:ID or key:REF to say which. The agency always reads.")
    static final class CreateCollection implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Mixin
        ReceiptOption receipt;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--submitter", description = "who may submit (repeatable); default: the creating agency")
        List<String> submitters = new ArrayList<>();

        @Option(names = "--reader", description = "who may read (repeatable)")
        List<String> readers = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            JadeClient client = options.client();
            Principals subs = principals(client, submitters);
            Principals reads = principals(client, readers);
            return Transact.run(options, receipt, Transact.signer(options, DEFAULT_AGENCY), RecordsContract.NAME,
                    RecordsContract.CREATE_COLLECTION, RecordsCalls.createCollection(name, subs, reads),
                    "created collection '" + name + "' (submitters " + subs + ", readers " + reads + ")");
        }

        private static Principals principals(JadeClient client, List<String> refs) throws Exception {
            List<String> orgs = new ArrayList<>();
            List<PublicKey> keys = new ArrayList<>();
            for (String ref : refs) {
                if (ref.startsWith("org:")) {
                    orgs.add(ref.substring(4));
                } else if (ref.startsWith("key:")) {
                    keys.add(key(ref.substring(4)));
                } else if (client.getJson("/v1/organisations/" + Paths.segment(ref)).isPresent()) {
                    orgs.add(ref);
                } else {
                    keys.add(key(ref));
                }
            }
            return Principals.of(orgs, keys);
        }

        private static PublicKey key(String ref) throws Exception {
            Path p = Path.of(ref);
            if (!Files.isRegularFile(p)) {
                p = DevnetCommand.DEFAULT_DATA.resolve("keys").resolve(ref + ".pem");
            }
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("'" + ref + "' is neither an organisation on the chain, a key file nor a devnet identity");
            }
            return Transact.publicKey(p);
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = "Submit a document to a collection: encrypted to the collection's readers (default; a fresh "
                    + "content key, SM4-GCM or AES-GCM) or only its hash (--hash-only). --corrects makes it a new version.")
    static final class Submit implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Mixin
        ReceiptOption receipt;

        @Parameters(index = "0", paramLabel = "COLLECTION")
        String collectionId;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Option(names = "--hash-only", description = "put only the document's hash on the ledger; the file stays here")
        boolean hashOnly;

        @Option(names = "--corrects", paramLabel = "RECORD", description = "the latest version this submission corrects")
        String previous;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + " is not a readable file");
            }
            JadeClient client = options.client();
            CryptoSuite suite = CryptoSuites.of(client.status().suite());
            byte[] content = Files.readAllBytes(file);
            String prev = previous == null ? "" : previous;
            Call call;
            if (hashOnly) {
                call = Records.submitHash(collectionId, RecordEnvelope.documentHash(suite, content), prev);
            } else {
                List<PublicKey> readerKeys = new ArrayList<>();
                for (JsonNode k : collection(client, collectionId).path("readerKeys")) {
                    readerKeys.add(suite.decodePublicKey(Hex.decode(k.asText())));
                }
                call = Records.submitEncrypted(suite, collectionId, content, readerKeys, prev, new SecureRandom());
            }
            return Transact.run(options, receipt, options.signer(), call.contract(), call.method(), call.args(),
                    (hashOnly ? "recorded the hash of " : "submitted encrypted ") + file + " to " + collectionId
                            + (previous == null ? "" : " as a correction of " + previous));
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true,
            description = "Decrypt a record with your key (--key). A key that is not among the record's readers is told "
                    + "so; nothing is decrypted.")
    static final class Read implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", paramLabel = "RECORD")
        String recordId;

        @Option(names = "--out", description = "write the document here (default: standard output)")
        Path out;

        @Override
        public Integer call() throws Exception {
            JadeClient client = options.client();
            CryptoSuite suite = CryptoSuites.of(client.status().suite());
            KeyPair keyPair = keyPair();
            String path = "/v1/records/" + Paths.segment(recordId) + "?reader=" + Hex.encode(keyPair.publicKey().unsafeEncoded());
            JsonNode r;
            try {
                r = Transact.get(client, path, "no record " + recordId + " on " + client.baseUrl());
            } catch (JadeApiException e) {
                if ("NOT_A_READER".equals(e.errorCode())) {
                    System.err.println("not a reader: " + e.getMessage());
                    return 1;
                }
                throw e;
            }
            if (!"ENCRYPTED".equals(r.path("mode").asText())) {
                System.err.println("record " + recordId + " stores only the hash " + r.path("documentHash").asText()
                        + "; its document is kept off the ledger");
                return 1;
            }
            byte[] content;
            try {
                byte[] docHash = Hex.decode(r.path("documentHash").asText());
                content = RecordEnvelope.open(suite, keyPair, Hex.decode(r.path("envelope").asText()),
                        RecordEnvelope.associatedData(r.path("collection").asText(), docHash));
                if (!java.security.MessageDigest.isEqual(RecordEnvelope.documentHash(suite, content), docHash)) {
                    throw new RecordDecryptionException("the decrypted document does not match the record's hash");
                }
            } catch (NotAReaderException e) {
                System.err.println("not a reader: " + e.getMessage());
                return 1;
            } catch (RecordDecryptionException e) {
                System.err.println("cannot read record " + recordId + ": " + e.getMessage());
                return 1;
            }
            if (out != null) {
                Files.write(out, content);
                System.err.println("record " + recordId + " (version " + r.path("version").asLong() + " of "
                        + r.path("collection").asText() + ", " + content.length + " bytes, hash checked) written to " + out);
            } else {
                System.out.write(content);
                System.out.flush();
            }
            return 0;
        }

        private KeyPair keyPair() throws Exception {
            Path k = options.key != null ? options.key : ClientOptions.DEVNET_CITIZEN;
            if (!Files.isRegularFile(k)) {
                throw new IllegalArgumentException("no key file " + k + "; give your key with --key");
            }
            try {
                return Pem.readKeyPair(k);
            } catch (CryptoException e) {
                throw new IllegalArgumentException(k + " does not hold a private key: " + e.getMessage());
            }
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Every version of a record, oldest first.")
    static final class History implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", paramLabel = "RECORD")
        String recordId;

        @Override
        public Integer call() {
            JadeClient client = options.client();
            JsonNode h = Transact.get(client, "/v1/records/" + Paths.segment(recordId) + "/history",
                    "no record " + recordId + " on " + client.baseUrl());
            if (options.json()) {
                Output.json(h);
                return 0;
            }
            System.out.println("record " + h.path("first").asText() + ": " + h.path("versions").size()
                    + " version(s), latest " + h.path("latest").asText());
            for (JsonNode v : h.path("versions")) {
                line(v);
            }
            return 0;
        }
    }

    static void line(JsonNode v) {
        System.out.println("  " + v.path("record").asText() + "  v" + v.path("version").asLong() + "  "
                + v.path("mode").asText() + "  hash " + v.path("documentHash").asText() + "  by "
                + (v.path("submitterOrganisation").isNull() ? v.path("submitter").asText() : v.path("submitterOrganisation").asText())
                + "  block " + v.path("height").asLong() + "  " + Output.localTime(v.path("timestamp").asLong())
                + (v.path("previous").isNull() ? "" : "  corrects " + v.path("previous").asText())
                + (v.path("latest").asBoolean() ? "" : "  (corrected by " + v.path("next").asText() + ")"));
    }

    /** E.g. {@code agency, regulator, key 04c88d0fffb51914…}. */
    static String principals(JsonNode p) {
        List<String> parts = new ArrayList<>();
        p.path("organisations").forEach(o -> parts.add(o.asText()));
        p.path("keys").forEach(k -> parts.add("key " + k.asText().substring(0, Math.min(16, k.asText().length())) + "…"));
        return parts.isEmpty() ? "(none)" : String.join(", ", parts);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Without COLLECTION: the collections. With it: its records, every version.")
    static final class ListRecords implements Callable<Integer> {
        @Mixin
        ClientOptions options;

        @Parameters(index = "0", paramLabel = "COLLECTION", arity = "0..1")
        String collectionId;

        @Mixin
        PageOptions page;

        @Override
        public Integer call() {
            JadeClient client = options.client();
            String query = "?" + page.query();
            if (collectionId == null) {
                JsonNode cs = Transact.get(client, "/v1/records/collections" + query, "the node has no records API");
                if (options.json()) {
                    Output.json(cs);
                    return 0;
                }
                System.out.println(cs.path("total").asLong() + " collection(s)");
                for (JsonNode c : cs.path("collections")) {
                    System.out.println("  " + c.path("collection").asText() + "  '" + c.path("name").asText() + "'  of "
                            + c.path("agency").asText() + "  submitters " + principals(c.path("submitters")) + "  readers "
                            + principals(c.path("readers")));
                }
                return 0;
            }
            collection(client, collectionId);
            JsonNode rs = Transact.get(client, "/v1/records/collections/" + Paths.segment(collectionId) + "/records" + query,
                    "no collection " + collectionId);
            if (options.json()) {
                Output.json(rs);
                return 0;
            }
            System.out.println(rs.path("total").asLong() + " record version(s) in " + collectionId);
            for (JsonNode v : rs.path("records")) {
                line(v);
            }
            return 0;
        }
    }
}
