package org.jadechain.core.contract;

import org.jadechain.core.model.ResultCode;

/**
 * A contract's refusal: the transaction's receipt gets the code and message, and none of its state
 * changes are kept. Not a bug signal; contracts throw it for bad input and broken rules.
 */
public class ContractException extends Exception {
    private final ResultCode code;

    public ContractException(ResultCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ResultCode code() {
        return code;
    }

    public static ContractException invalid(String message) {
        return new ContractException(ResultCode.INVALID_ARGUMENT, message);
    }

    public static ContractException notAuthorised(String message) {
        return new ContractException(ResultCode.NOT_AUTHORISED, message);
    }
}
