package org.jadechain.sdk;

/**
 * A request to a node that did not succeed: either the node answered with an error
 * ({@link #httpStatus()} 4xx/5xx and the API's error code, e.g. {@code 409 BAD_NONCE}), or there was no
 * usable answer ({@link #httpStatus()} 0 and one of {@link #UNREACHABLE}, {@link #TIMEOUT},
 * {@link #BAD_RESPONSE}, {@link #INTERRUPTED}).
 */
public class JadeApiException extends RuntimeException {
    /** The node could not be connected to. */
    public static final String UNREACHABLE = "UNREACHABLE";
    /** No answer in time, or a transaction not committed within the wait. */
    public static final String TIMEOUT = "TIMEOUT";
    /** The node's answer was not the JSON the API documents. */
    public static final String BAD_RESPONSE = "BAD_RESPONSE";
    /** The calling thread was interrupted. */
    public static final String INTERRUPTED = "INTERRUPTED";

    private final int httpStatus;
    private final String errorCode;
    private final String detail;

    private JadeApiException(int httpStatus, String errorCode, String detail, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.detail = detail;
    }

    /** An error answer of the node. */
    public static JadeApiException http(int status, String errorCode, String message) {
        String text = message == null || message.isEmpty() ? errorCode : errorCode + ": " + message;
        return new JadeApiException(status, errorCode, message == null ? "" : message, text + " (HTTP " + status + ")");
    }

    /** A failure without a usable answer; the message is shown as is. */
    public static JadeApiException client(String errorCode, String message) {
        return new JadeApiException(0, errorCode, message, message);
    }

    /** The HTTP status, or 0 when there was no usable answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The API's error code, such as {@code BAD_NONCE}, or one of this class's constants. */
    public String errorCode() {
        return errorCode;
    }

    /** The node's message (or, without an answer, the same as {@link #getMessage()}). */
    public String detail() {
        return detail;
    }
}
