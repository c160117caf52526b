package org.jadechain.contracts.mediation;

/** One installment of an agreement: {@code amount} fen due at ledger time {@code due} (ms since the epoch). */
public record Installment(long amount, long due) {
}
