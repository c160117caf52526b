package org.jadechain.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.merkle.InclusionProof;
import org.jadechain.core.model.BlockHeader;
import org.jadechain.core.model.CommitCertificate;
import org.jadechain.sdk.json.Json;
import org.jadechain.sdk.json.JsonFields;
import org.jadechain.sdk.json.JsonFormatException;

/**
 * A receipt bundle (docs/API.md): everything needed to prove offline, with only the genesis file, that a
 * transaction — or a ledger trigger, such as a mediation deadline filing a court case — was committed with
 * an {@code OK} receipt. Binary values are kept as the hex text shown, so that {@link ReceiptVerifier} judges
 * exactly what the file says; nothing here is trusted.
 *
 * <p>A trigger's bundle has no {@code transaction} and no {@code txProof}; its {@code txHash} is the trigger's
 * id. A case filing's bundle carries {@code caseEvidence}, the canonical encoding of the evidence filed, whose
 * hash the filing receipt's {@code CaseFiled} event names. A bundle for a block after validator-set changes
 * carries {@code validatorChanges}: the receipts of the transactions that adopted them, oldest first.
 *
 * <p>{@link #fromJson} checks only the JSON shape (fields present, of the right JSON types);
 * {@link #toJson} writes the fields in the documented order and leaves out the optional ones when null.
 */
public record ReceiptBundle(String format, String documentHash, String chainId, String suite, String txHash,
                            long blockHeight, String transaction, Proof txProof, String receipt, Proof receiptProof,
                            Header header, String headerHash, Certificate certificate, String caseEvidence,
                            List<ReceiptBundle> validatorChanges) {
    public static final String FORMAT = "jadechain-receipt/1";

    public ReceiptBundle {
        validatorChanges = validatorChanges == null ? List.of() : List.copyOf(validatorChanges);
    }

    /** A bundle without case evidence (every bundle but a case filing's) and without validator-set changes. */
    public ReceiptBundle(String format, String documentHash, String chainId, String suite, String txHash,
                         long blockHeight, String transaction, Proof txProof, String receipt, Proof receiptProof,
                         Header header, String headerHash, Certificate certificate) {
        this(format, documentHash, chainId, suite, txHash, blockHeight, transaction, txProof, receipt, receiptProof,
                header, headerHash, certificate, null, List.of());
    }

    /** As the canonical constructor, without validator-set changes. */
    public ReceiptBundle(String format, String documentHash, String chainId, String suite, String txHash,
                         long blockHeight, String transaction, Proof txProof, String receipt, Proof receiptProof,
                         Header header, String headerHash, Certificate certificate, String caseEvidence) {
        this(format, documentHash, chainId, suite, txHash, blockHeight, transaction, txProof, receipt, receiptProof,
                header, headerHash, certificate, caseEvidence, List.of());
    }

    /**
     * This bundle with the receipts of the validator-set changes adopted before its block (oldest first): what an
     * offline verifier needs, beyond the genesis file, to know which validators certify its block. The
     * certificate's signers are named after {@code validatorsInForce}, the set those changes lead to.
     */
    public ReceiptBundle withValidatorChanges(List<ReceiptBundle> changes, List<ValidatorInfo> validatorsInForce) {
        Certificate named;
        try {
            named = Certificate.of(CommitCertificate.decode(Hex.decode(certificate.encoded())), validatorsInForce);
        } catch (DecodeException | IllegalArgumentException e) {
            named = certificate;
        }
        return new ReceiptBundle(format, documentHash, chainId, suite, txHash, blockHeight, transaction, txProof, receipt,
                receiptProof, header, headerHash, named, caseEvidence, changes);
    }

    /** True for the receipt of a ledger trigger: no transaction and no transaction proof. */
    public boolean trigger() {
        return transaction == null && txProof == null;
    }

    /** An RFC 9162 inclusion proof as shown: leaf index, tree size and the audit path in hex. */
    public record Proof(long leafIndex, long treeSize, List<String> path) {
        public Proof {
            path = List.copyOf(path);
        }

        public static Proof of(InclusionProof p) {
            List<String> path = new ArrayList<>(p.path().size());
            for (Hash h : p.path()) {
                path.add(h.hex());
            }
            return new Proof(p.leafIndex(), p.treeSize(), path);
        }

        public ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("leafIndex", leafIndex);
            n.put("treeSize", treeSize);
            ArrayNode a = n.putArray("path");
            path.forEach(a::add);
            return n;
        }

        static Proof fromJson(JsonFields f) {
            return new Proof(f.nonNegative("leafIndex"), f.nonNegative("treeSize"), f.strings("path"));
        }
    }

    /** A block header's fields as shown, and {@code encoded}: the hex of its canonical encoding. */
    public record Header(String chainId, long height, String previousHash, long timestamp, long txCount,
                         String txRoot, String receiptRoot, String stateRoot, String proposer, String encoded) {
        public static Header of(BlockHeader h) {
            return new Header(h.chainId(), h.height(), h.previousHash().hex(), h.timestamp(), h.txCount(),
                    h.txRoot().hex(), h.receiptRoot().hex(), h.stateRoot().hex(), h.proposer().hex(),
                    Hex.encode(h.encode()));
        }

        public ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("chainId", chainId);
            n.put("height", height);
            n.put("previousHash", previousHash);
            n.put("timestamp", timestamp);
            n.put("txCount", txCount);
            n.put("txRoot", txRoot);
            n.put("receiptRoot", receiptRoot);
            n.put("stateRoot", stateRoot);
            n.put("proposer", proposer);
            n.put("encoded", encoded);
            return n;
        }

        static Header fromJson(JsonFields f) {
            return new Header(f.string("chainId"), f.nonNegative("height"), f.string("previousHash"),
                    f.nonNegative("timestamp"), f.nonNegative("txCount"), f.string("txRoot"),
                    f.string("receiptRoot"), f.string("stateRoot"), f.string("proposer"), f.string("encoded"));
        }
    }

    /** One certificate signature as shown; {@code validator} is the genesis id of the key, or null if none. */
    public record CertificateSignature(String validator, String publicKey, String signature) {
        public ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("validator", validator);
            n.put("publicKey", publicKey);
            n.put("signature", signature);
            return n;
        }

        static CertificateSignature fromJson(JsonFields f) {
            return new CertificateSignature(f.optionalString("validator"), f.string("publicKey"), f.string("signature"));
        }
    }

    /** A commit certificate as shown, and {@code encoded}: the hex of its canonical encoding. */
    public record Certificate(String headerHash, List<CertificateSignature> signatures, String encoded) {
        public Certificate {
            signatures = List.copyOf(signatures);
        }

        /** Shows a certificate, naming each signer by its id among {@code validators} (null when not one). */
        public static Certificate of(CommitCertificate c, List<ValidatorInfo> validators) {
            List<CertificateSignature> sigs = new ArrayList<>(c.signatures().size());
            for (CommitCertificate.Signature s : c.signatures()) {
                sigs.add(new CertificateSignature(validatorId(validators, s.publicKey()), Hex.encode(s.publicKey()),
                        Hex.encode(s.signature())));
            }
            return new Certificate(c.headerHash().hex(), sigs, Hex.encode(c.encode()));
        }

        /** The id of the validator with that key, or null. */
        public static String validatorId(List<ValidatorInfo> validators, byte[] publicKey) {
            for (ValidatorInfo v : validators) {
                if (java.util.Arrays.equals(v.publicKey().unsafeEncoded(), publicKey)) {
                    return v.id();
                }
            }
            return null;
        }

        public ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("headerHash", headerHash);
            ArrayNode a = n.putArray("signatures");
            signatures.forEach(s -> a.add(s.toJson()));
            n.put("encoded", encoded);
            return n;
        }

        static Certificate fromJson(JsonFields f) {
            List<CertificateSignature> sigs = new ArrayList<>();
            for (JsonFields s : f.objects("signatures")) {
                sigs.add(CertificateSignature.fromJson(s));
            }
            return new Certificate(f.string("headerHash"), sigs, f.string("encoded"));
        }
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("format", format);
        if (documentHash != null) {
            n.put("documentHash", documentHash);
        }
        n.put("chainId", chainId);
        n.put("suite", suite);
        n.put("txHash", txHash);
        n.put("blockHeight", blockHeight);
        if (transaction != null) {
            n.put("transaction", transaction);
        }
        if (txProof != null) {
            n.set("txProof", txProof.toJson());
        }
        n.put("receipt", receipt);
        n.set("receiptProof", receiptProof.toJson());
        n.set("header", header.toJson());
        n.put("headerHash", headerHash);
        n.set("certificate", certificate.toJson());
        if (caseEvidence != null) {
            n.put("caseEvidence", caseEvidence);
        }
        if (!validatorChanges.isEmpty()) {
            ArrayNode changes = n.putArray("validatorChanges");
            validatorChanges.forEach(c -> changes.add(c.toJson()));
        }
        return n;
    }

    /** The pretty-printed file text. */
    public String toText() {
        return Json.pretty(toJson());
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, toText(), StandardCharsets.UTF_8);
    }

    /**
     * Reads the JSON shape of a bundle. Hex content is not checked here; {@link ReceiptVerifier} does.
     *
     * @throws InvalidBundleException naming the first missing or mistyped field
     */
    public static ReceiptBundle fromJson(JsonNode json) {
        try {
            JsonFields f = JsonFields.of(json);
            return new ReceiptBundle(f.string("format"), f.optionalString("documentHash"), f.string("chainId"),
                    f.string("suite"), f.string("txHash"), f.nonNegative("blockHeight"), f.optionalString("transaction"),
                    f.has("txProof") ? Proof.fromJson(f.object("txProof")) : null, f.string("receipt"),
                    Proof.fromJson(f.object("receiptProof")), Header.fromJson(f.object("header")),
                    f.string("headerHash"), Certificate.fromJson(f.object("certificate")),
                    f.optionalString("caseEvidence"), changes(f));
        } catch (InvalidBundleException e) {
            throw e;
        } catch (JsonFormatException e) {
            throw new InvalidBundleException(e.field(), e.problem());
        }
    }

    private static List<ReceiptBundle> changes(JsonFields f) {
        if (!f.has("validatorChanges")) {
            return List.of();
        }
        List<ReceiptBundle> out = new ArrayList<>();
        for (JsonFields c : f.objects("validatorChanges")) {
            if (c.has("validatorChanges")) {
                throw new InvalidBundleException(c.path() + ".validatorChanges", "a validator change does not nest further changes");
            }
            out.add(fromJson(c.node()));
        }
        return out;
    }

    /** @throws InvalidBundleException when the text is not JSON or not shaped like a bundle */
    public static ReceiptBundle parse(String text) {
        JsonNode json;
        try {
            json = Json.parse(text);
        } catch (JsonFormatException e) {
            throw new InvalidBundleException(e.field(), "receipt bundle is " + e.problem());
        }
        return fromJson(json);
    }

    public static ReceiptBundle read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }
}
