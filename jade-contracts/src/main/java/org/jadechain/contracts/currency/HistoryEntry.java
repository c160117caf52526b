package org.jadechain.contracts.currency;

import org.jadechain.core.crypto.Hash;

/**
 * One line of a wallet's history. {@code amount} is the signed change of the wallet's balance and
 * {@code frozenChange} the signed change of its frozen amount, both in fen (a freeze changes only the
 * latter, a deduction both). {@code counterparty} is the other wallet's address (hex) or the operator's
 * organisation id; {@code reference} is the payment memo or the court case id. {@code index} counts the
 * wallet's entries from 0 (-1 for a line of the transaction in progress, see
 * {@link CurrencyQueries#newestInThisTransaction}).
 *
 * <p>Not stored: each line is rebuilt from the currency event that made it ({@link WalletHistory}, ADR 0011).
 */
public record HistoryEntry(long index, long height, long timestamp, Hash txHash, Kind kind, String counterparty,
                           long amount, long frozenChange, String reference) {

    /** What happened to the wallet. */
    public enum Kind { OPENED, EXCHANGE_IN, EXCHANGE_OUT, TRANSFER, FREEZE, UNFREEZE, DEDUCT }
}
