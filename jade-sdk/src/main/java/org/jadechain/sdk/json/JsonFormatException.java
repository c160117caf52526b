package org.jadechain.sdk.json;

/** A JSON document that does not have the expected shape; {@link #field()} names the offending field by path. */
public class JsonFormatException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    public JsonFormatException(String field, String problem) {
        super(field.isEmpty() ? problem : field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The field's path, such as {@code header.txCount} or {@code validators[1].publicKey}; empty for the document. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field. */
    public String problem() {
        return problem;
    }
}
