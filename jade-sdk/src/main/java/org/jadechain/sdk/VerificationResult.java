package org.jadechain.sdk;

import java.util.List;

/**
 * The outcome of verifying a receipt bundle: the checks that passed, in order, and if one failed, which
 * and why (verification stops at the first failure).
 */
public record VerificationResult(List<VerificationCheck> passed, VerificationCheck failedCheck, String reason) {
    public VerificationResult {
        passed = List.copyOf(passed);
        if ((failedCheck == null) != (reason == null)) {
            throw new IllegalArgumentException("a failed check needs a reason, and only a failed check");
        }
    }

    static VerificationResult valid(List<VerificationCheck> passed) {
        return new VerificationResult(passed, null, null);
    }

    static VerificationResult failed(List<VerificationCheck> passed, VerificationCheck check, String reason) {
        return new VerificationResult(passed, check, reason);
    }

    /** True when every check ran and passed. */
    public boolean valid() {
        return failedCheck == null;
    }

    /** One line per check: {@code ok   header-hash}, and {@code FAIL certificate: reason} for the failed one. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (VerificationCheck c : passed) {
            sb.append("ok   ").append(c.label()).append('\n');
        }
        if (failedCheck != null) {
            sb.append("FAIL ").append(failedCheck.label()).append(": ").append(reason).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return valid() ? "valid (" + passed + ")" : "invalid at " + failedCheck.label() + ": " + reason;
    }
}
