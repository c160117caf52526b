package org.jadechain.core.exec;

import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.model.Transaction;

/**
 * A transaction after stateless validation: either {@code OK} with its decoded sender key, or the code
 * and reason it failed (then it is not executed, and its receipt carries that code).
 */
public record CheckedTransaction(Transaction transaction, PublicKey sender, ResultCode result, String message) {
    public boolean valid() {
        return result == ResultCode.OK;
    }
}
