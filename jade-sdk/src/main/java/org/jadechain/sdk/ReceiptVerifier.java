package org.jadechain.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.sdk.json.Json;
import org.jadechain.sdk.json.JsonFormatException;

/**
 * Verifies receipt bundles offline, trusting nothing but the genesis document: the checks of
 * {@link VerificationCheck}, in order, as docs/API.md describes. It stops at the first failed check and
 * names it. Malformed input of any kind (not JSON, missing fields, wrong types, bad hex, undecodable
 * bytes) is a failed check with a reason, never an exception. Stateless and thread-safe.
 *
 * <p>A trigger's bundle (no transaction) skips the {@code transaction} and {@code tx-inclusion} checks. The
 * {@code evidence} check runs only for bundles with a {@code documentHash}, {@code case-evidence} only for
 * bundles with {@code caseEvidence}, and the {@code document} check only when a document file is given.
 */
public final class ReceiptVerifier {
    private final Genesis genesis;

    public ReceiptVerifier(Genesis genesis) {
        this.genesis = genesis;
    }

    public VerificationResult verify(ReceiptBundle bundle) {
        return verifyFile(bundle, null);
    }

    public VerificationResult verify(JsonNode bundle) {
        return verifyFile(bundle, null);
    }

    /** Verifies a bundle given as JSON text. */
    public VerificationResult verifyText(String bundleJson) {
        return verifyText(bundleJson, null);
    }

    /** As {@link #verify(ReceiptBundle)}, and then that the document (if not null) hashes to the document hash. */
    public VerificationResult verifyFile(ReceiptBundle bundle, Path document) {
        return run(bundle, document);
    }

    public VerificationResult verifyFile(JsonNode bundle, Path document) {
        ReceiptBundle b;
        try {
            b = ReceiptBundle.fromJson(bundle);
        } catch (JsonFormatException e) {
            return VerificationResult.failed(List.of(), VerificationCheck.FORMAT, e.getMessage());
        }
        return run(b, document);
    }

    /** Verifies a bundle given as JSON text and, if not null, the document it records. */
    public VerificationResult verifyText(String bundleJson, Path document) {
        JsonNode json;
        try {
            json = Json.parse(bundleJson);
        } catch (JsonFormatException e) {
            return VerificationResult.failed(List.of(), VerificationCheck.FORMAT, "the bundle is " + e.problem());
        }
        return verifyFile(json, document);
    }

    private VerificationResult run(ReceiptBundle bundle, Path document) {
        VerificationRun run = new VerificationRun(genesis, bundle);
        List<VerificationCheck> passed = new ArrayList<>();
        boolean trigger = bundle != null && bundle.trigger();
        List<Step> steps = new ArrayList<>(List.of(
                new Step(VerificationCheck.FORMAT, () -> {
                    if (bundle == null) {
                        throw new CheckFailure("no bundle");
                    }
                    BundleFormat.check(bundle);
                }),
                new Step(VerificationCheck.CHAIN, run::chain),
                new Step(VerificationCheck.HEADER, run::header),
                new Step(VerificationCheck.HEADER_HASH, run::headerHash)));
        if (!trigger) {
            steps.add(new Step(VerificationCheck.TRANSACTION, run::transaction));
            steps.add(new Step(VerificationCheck.TX_INCLUSION, run::txInclusion));
        }
        steps.add(new Step(VerificationCheck.RECEIPT, run::receipt));
        steps.add(new Step(VerificationCheck.RECEIPT_INCLUSION, run::receiptInclusion));
        if (bundle != null && !bundle.validatorChanges().isEmpty()) {
            steps.add(new Step(VerificationCheck.VALIDATOR_SET, run::validatorSet));
        }
        steps.add(new Step(VerificationCheck.CERTIFICATE, run::certificate));
        if (bundle != null && bundle.documentHash() != null) {
            steps.add(new Step(VerificationCheck.EVIDENCE, run::evidence));
        }
        if (bundle != null && bundle.caseEvidence() != null) {
            steps.add(new Step(VerificationCheck.CASE_EVIDENCE, run::caseEvidence));
        }
        if (document != null) {
            steps.add(new Step(VerificationCheck.DOCUMENT, () -> run.document(document)));
        }
        for (Step s : steps) {
            try {
                s.body.run();
            } catch (CheckFailure e) {
                return VerificationResult.failed(passed, s.check, e.getMessage());
            } catch (RuntimeException e) {
                return VerificationResult.failed(passed, s.check, "unexpected error: " + e);
            }
            passed.add(s.check);
        }
        return VerificationResult.valid(passed);
    }

    private record Step(VerificationCheck check, Body body) {
    }

    @FunctionalInterface
    private interface Body {
        void run() throws CheckFailure;
    }
}
