package org.jadechain.core.ledger;

/** Where a transaction is: block height and position in the block. */
public record TxLocation(long height, int index) {
}
