package org.jadechain.storage;

import java.nio.charset.StandardCharsets;

/** The column families of {@link RocksLedgerStore}; handles are opened in this order, after "default". */
enum RocksColumn {
    /** u64 height → block bytes. */
    BLOCKS("blocks", false),
    /** u64 height → receipts list ({@link RocksCodec#receipts}). */
    RECEIPTS("receipts", false),
    /** u64 height → certificate bytes. */
    CERTS("certs", false),
    /** header hash → u64 height. */
    BLOCK_INDEX("blockIndex", true),
    /** transaction hash → varint height, varint index. */
    TX_INDEX("txIndex", true),
    /** u16 bucket || full key → value. */
    STATE("state", true),
    /** u16 bucket → 32-byte hash; absent means the empty bucket's hash. */
    BUCKETS("buckets", false),
    /** "lastHeight" → u64. */
    META("meta", false),
    /** The derived index's keys, empty values ({@link RocksIndex}, ADR 0011). */
    INDEX("index", false),
    /** The derived index's counters: key → u64 little-endian, merged by {@code UInt64AddOperator}. */
    INDEX_COUNT("indexCount", false);

    static final byte[] LAST_HEIGHT = "lastHeight".getBytes(StandardCharsets.UTF_8);

    final String familyName;
    /** Whether point lookups that miss are common enough to pay for a Bloom filter. */
    final boolean bloom;

    RocksColumn(String familyName, boolean bloom) {
        this.familyName = familyName;
        this.bloom = bloom;
    }

    byte[] nameBytes() {
        return familyName.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return familyName;
    }
}
