package org.jadechain.node.mempool;

/** The answer to offering a transaction to the mempool: accepted, or why not (API error code, HTTP status). */
public record Admission(boolean accepted, String code, String message, int httpStatus) {
    public static Admission ok() {
        return new Admission(true, "PENDING", "", 202);
    }

    public static Admission refused(String code, String message, int httpStatus) {
        return new Admission(false, code, message, httpStatus);
    }
}
