package org.jadechain.contracts.court;

/**
 * Where a case stands on the docket. A case moves only forward: {@code FILED → ACCEPTED → ENFORCING →
 * CLOSED}, or from {@code FILED} or {@code ACCEPTED} to {@code DISMISSED}. Stored as the ordinal, so the order
 * of the constants is part of the state format.
 */
public enum CaseState {
    FILED, ACCEPTED, ENFORCING, CLOSED, DISMISSED;

    /** CLOSED and DISMISSED: nothing more happens to the case. */
    public boolean terminal() {
        return this == CLOSED || this == DISMISSED;
    }
}
