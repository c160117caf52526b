package org.jadechain.contracts.currency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jadechain.core.codec.ByteReader;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.contract.BlockIndexer;
import org.jadechain.core.ledger.IndexReader;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.ledger.StoredBlock;
import org.jadechain.core.model.BlockHeader;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.Receipt;

/**
 * A wallet's history as a derived, non-consensus index (ADR 0011): the currency's events already say everything
 * a history line holds, so the ledger store indexes where each line's event is and a read rebuilds the line from
 * the stored receipt and the block header.
 *
 * <pre>
 * index key    u8 'H', addr20 wallet, u64 height, u32 receipt index in the block, u8 event index in the receipt
 *              (34 bytes, empty value; big-endian, so a wallet's keys sort oldest first)
 * counter      u8 'H', addr20 wallet → the wallet's number of lines
 * </pre>
 *
 * Which events make which lines ({@link #lines}): {@code WalletOpened} → OPENED; {@code ExchangedIn} /
 * {@code ExchangedOut} → EXCHANGE_IN / EXCHANGE_OUT; {@code Transferred} → a TRANSFER line for the payer and one
 * for the payee; {@code Frozen} / {@code Unfrozen} → FREEZE / UNFREEZE; {@code Deducted} → a DEDUCT line for the
 * debtor (balance and frozen amount fall) and one for the creditor. Only successful receipts have events.
 *
 * <p>Stateless and thread-safe; {@link #INDEXER} is deterministic (a function of the receipts only).
 */
public final class WalletHistory {
    private static final byte TAG = 'H';
    private static final int KEY_LENGTH = 1 + Address.LENGTH + 8 + 4 + 1;

    /** Indexes every currency event that makes a history line, for the wallet(s) it concerns. */
    public static final BlockIndexer INDEXER = WalletHistory::index;

    private WalletHistory() {
    }

    /** One history line of {@code wallet} that an event makes, without its place in the chain. */
    record Line(Address wallet, HistoryEntry.Kind kind, String counterparty, long amount, long frozenChange,
                String reference) {
    }

    /** The history lines a currency event makes (none for other events), in a fixed order. */
    static List<Line> lines(Event e) {
        if (!CurrencyContract.NAME.equals(e.contract())) {
            return List.of();
        }
        return switch (e.type()) {
            case CurrencyContract.WALLET_OPENED ->
                    List.of(new Line(wallet(e, "wallet"), HistoryEntry.Kind.OPENED, e.get("operator"), 0, 0, ""));
            case CurrencyContract.EXCHANGED_IN -> List.of(new Line(wallet(e, "wallet"), HistoryEntry.Kind.EXCHANGE_IN,
                    e.get("operator"), amount(e), 0, ""));
            case CurrencyContract.EXCHANGED_OUT -> List.of(new Line(wallet(e, "wallet"),
                    HistoryEntry.Kind.EXCHANGE_OUT, e.get("operator"), -amount(e), 0, ""));
            case CurrencyContract.TRANSFERRED -> List.of(
                    new Line(wallet(e, "from"), HistoryEntry.Kind.TRANSFER, e.get("to"), -amount(e), 0, e.get("memo")),
                    new Line(wallet(e, "to"), HistoryEntry.Kind.TRANSFER, e.get("from"), amount(e), 0, e.get("memo")));
            case CurrencyContract.FROZEN -> List.of(new Line(wallet(e, "wallet"), HistoryEntry.Kind.FREEZE,
                    e.get("court"), 0, amount(e), e.get("caseId")));
            case CurrencyContract.UNFROZEN -> List.of(new Line(wallet(e, "wallet"), HistoryEntry.Kind.UNFREEZE,
                    e.get("court"), 0, -amount(e), e.get("caseId")));
            case CurrencyContract.DEDUCTED -> List.of(
                    new Line(wallet(e, "wallet"), HistoryEntry.Kind.DEDUCT, e.get("to"), -amount(e), -amount(e),
                            e.get("caseId")),
                    new Line(wallet(e, "to"), HistoryEntry.Kind.DEDUCT, e.get("wallet"), amount(e), 0,
                            e.get("caseId")));
            default -> List.of();
        };
    }

    private static Address wallet(Event e, String attribute) {
        return Address.fromHex(required(e, attribute));
    }

    private static long amount(Event e) {
        return Long.parseLong(required(e, "amount"));
    }

    private static String required(Event e, String attribute) {
        String v = e.get(attribute);
        if (v == null) {
            throw new IllegalStateException("currency event " + e.type() + " has no " + attribute);
        }
        return v;
    }

    private static void index(long height, List<Receipt> receipts, BlockIndexer.Sink out) {
        for (int r = 0; r < receipts.size(); r++) {
            Receipt receipt = receipts.get(r);
            if (!receipt.ok()) {
                continue;
            }
            List<Event> events = receipt.events();
            for (int e = 0; e < events.size(); e++) {
                for (Line line : lines(events.get(e))) {
                    out.add(key(line.wallet(), height, r, e));
                    out.increment(counterKey(line.wallet()));
                }
            }
        }
    }

    private static Receipt decodeReceipt(byte[] bytes, long height, int index) {
        try {
            return Receipt.decode(bytes);
        } catch (DecodeException e) {
            throw new IllegalStateException("receipt " + index + " of block " + height + " does not decode: "
                    + e.getMessage(), e);
        }
    }

    static byte[] counterKey(Address wallet) {
        byte[] k = new byte[1 + Address.LENGTH];
        k[0] = TAG;
        System.arraycopy(wallet.bytes(), 0, k, 1, Address.LENGTH);
        return k;
    }

    static byte[] key(Address wallet, long height, int receipt, int event) {
        byte[] k = new byte[KEY_LENGTH];
        k[0] = TAG;
        System.arraycopy(wallet.bytes(), 0, k, 1, Address.LENGTH);
        int p = 1 + Address.LENGTH;
        for (int i = 7; i >= 0; i--) {
            k[p++] = (byte) (height >>> (8 * i));
        }
        for (int i = 3; i >= 0; i--) {
            k[p++] = (byte) (receipt >>> (8 * i));
        }
        k[p] = (byte) event;
        return k;
    }

    /** The number of history lines of a wallet (0 for an address without any). */
    static long count(LedgerStore store, Address wallet) {
        return store.index().count(counterKey(wallet));
    }

    /**
     * A page of a wallet's history, newest first, {@code offset} newest lines skipped; each line rebuilt from its
     * block's receipt and header (blocks read once per page).
     *
     * @throws IllegalStateException when the index names a receipt or event that the store does not hold
     */
    static List<HistoryEntry> page(LedgerStore store, Address wallet, long offset, int limit) {
        IndexReader.Page page = store.index().newestFirst(counterKey(wallet), counterKey(wallet), offset, limit);
        Map<Long, StoredBlock> blocks = new HashMap<>();
        List<HistoryEntry> out = new ArrayList<>(page.keys().size());
        long index = page.total() - 1 - offset;
        for (byte[] k : page.keys()) {
            if (k.length != KEY_LENGTH) {
                throw new IllegalStateException("wallet history key of " + k.length + " bytes, expected " + KEY_LENGTH);
            }
            long height = readBigEndian(k, 1 + Address.LENGTH, 8);
            int r = (int) readBigEndian(k, 1 + Address.LENGTH + 8, 4);
            int e = k[KEY_LENGTH - 1] & 0xff;
            StoredBlock b = blocks.computeIfAbsent(height, store::block);
            out.add(entry(b, wallet, height, r, e, index--));
        }
        return out;
    }

    private static HistoryEntry entry(StoredBlock b, Address wallet, long height, int r, int e, long index) {
        String where = "wallet history of " + wallet.hex() + " names receipt " + r + " event " + e + " of block " + height;
        if (b == null || r >= b.receiptBytes().size()) {
            throw new IllegalStateException(where + ", which the store does not hold");
        }
        Receipt receipt = decodeReceipt(b.receiptBytes().get(r), height, r);
        if (e >= receipt.events().size()) {
            throw new IllegalStateException(where + ", which the receipt does not hold");
        }
        long timestamp;
        try {
            timestamp = BlockHeader.decode(new ByteReader(b.blockBytes()).bytes("header", 4096)).timestamp();
        } catch (DecodeException x) {
            throw new IllegalStateException("block " + height + " does not decode: " + x.getMessage(), x);
        }
        for (Line l : lines(receipt.events().get(e))) {
            if (l.wallet().equals(wallet)) {
                return entry(l, index, height, timestamp, receipt.txHash());
            }
        }
        throw new IllegalStateException(where + ", which makes no line for that wallet");
    }

    private static HistoryEntry entry(Line l, long index, long height, long timestamp, Hash txHash) {
        return new HistoryEntry(index, height, timestamp, txHash, l.kind(), l.counterparty(), l.amount(),
                l.frozenChange(), l.reference());
    }

    /** The wallet's newest line among these events of the transaction in progress, or null. */
    static HistoryEntry newestIn(List<Event> events, Address wallet, long height, long timestamp, Hash txHash) {
        for (int i = events.size() - 1; i >= 0; i--) {
            List<Line> lines = lines(events.get(i));
            for (int j = lines.size() - 1; j >= 0; j--) {
                if (lines.get(j).wallet().equals(wallet)) {
                    return entry(lines.get(j), -1, height, timestamp, txHash);
                }
            }
        }
        return null;
    }

    private static long readBigEndian(byte[] b, int from, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (b[from + i] & 0xff);
        }
        return v;
    }
}
