package org.jadechain.core.genesis;

/** What an organisation is in the consortium; contracts authorise callers by it. */
public enum Role {
    CENTRAL_BANK,
    OPERATOR,
    COURT,
    MEDIATOR,
    AGENCY,
    REGULATOR
}
