package org.jadechain.sdk;

/** Why a verification check failed; carries no stack trace, it is an expected outcome. */
final class CheckFailure extends Exception {
    CheckFailure(String reason) {
        super(reason, null, false, false);
    }
}
