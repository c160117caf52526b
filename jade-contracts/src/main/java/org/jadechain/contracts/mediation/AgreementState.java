package org.jadechain.contracts.mediation;

/**
 * PROPOSED by a mediator; BINDING once both parties have signed (installment deadlines are then scheduled);
 * WITHDRAWN by the mediator before that. Stored as the ordinal.
 */
public enum AgreementState { PROPOSED, BINDING, WITHDRAWN }
