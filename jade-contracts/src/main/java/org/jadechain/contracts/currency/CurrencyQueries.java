package org.jadechain.contracts.currency;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.core.state.StateReader;

/**
 * Reads of the currency from any state (typically the committed state, for REST answers and
 * {@code jade verify}). Stateless; as thread-safe as the reader. Amounts are fen. Lists are paged by
 * {@code offset} (entries to skip) and {@code limit} (at most {@value #MAX_PAGE} per call).
 *
 * <p>A read that spans several keys ({@link #wallets}, {@link #checkInvariants}) is consistent only if the
 * reader does not change underneath it: over a store that is committing blocks concurrently, pass a
 * snapshot, or read between commits.
 */
public final class CurrencyQueries {
    public static final int MAX_PAGE = 1_000;

    private CurrencyQueries() {
    }

    private static CurrencyStore store(StateReader state) {
        return CurrencyStore.readOnly(state);
    }

    /** The parameters stored at genesis (the defaults on a chain that has none stored). */
    public static CurrencyParameters parameters(StateReader state) {
        CurrencyParameters p = store(state).parameters();
        return p != null ? p : CurrencyParameters.defaults();
    }

    /** The wallet at an address (balance, frozen, class, operator, ...), or null when there is none. */
    public static WalletRecord wallet(StateReader state, Address address) {
        return store(state).wallet(address);
    }

    /** The wallet's identity commitment and the identity encrypted to the regulator, or null. */
    public static WalletIdentity identity(StateReader state, Address address) {
        return store(state).identity(address);
    }

    /** The wallet's open court cases by case id (empty when none). */
    public static SortedMap<String, FrozenCase> frozenCases(StateReader state, Address address) {
        return FrozenCase.view(store(state).cases(address));
    }

    /** What a case holds frozen in a wallet; 0 when there is no such case. */
    public static long frozenByCase(StateReader state, Address address, String caseId) {
        FrozenCase c = store(state).cases(address).get(caseId);
        return c == null ? 0 : c.amount();
    }

    /** An operator's reserve; 0 for any organisation that never held one. */
    public static long reserve(StateReader state, String operatorId) {
        return store(state).reserve(operatorId);
    }

    /** The operators that ever held a reserve, in order of first use. */
    public static List<String> operators(StateReader state) {
        return store(state).operators();
    }

    public static long issued(StateReader state) {
        return store(state).issued();
    }

    public static long redeemed(StateReader state) {
        return store(state).redeemed();
    }

    /** Issued less redeemed: what the operators' reserves and all wallets hold together. */
    public static long totalSupply(StateReader state) {
        CurrencyStore s = store(state);
        return s.issued() - s.redeemed();
    }

    public static long walletCount(StateReader state) {
        return store(state).walletCount();
    }

    /** Wallet addresses in order of opening. */
    public static List<Address> wallets(StateReader state, long offset, int limit) {
        CurrencyStore s = store(state);
        checkPage(offset, limit);
        List<Address> out = new ArrayList<>();
        long n = s.walletCount();
        for (long i = offset; i < n && out.size() < limit; i++) {
            out.add(s.walletAt(i));
        }
        return out;
    }

    /**
     * The number of history lines of a wallet (0 when there is none), from the store's derived index (ADR 0011):
     * 0 on a store kept without {@link WalletHistory#INDEXER}.
     */
    public static long historyCount(LedgerStore store, Address address) {
        return WalletHistory.count(store, address);
    }

    /**
     * A wallet's history, newest first: {@code offset} newest lines are skipped. Read from the store's derived
     * index and the stored receipts (ADR 0011); the page and its indexes are consistent with one commit.
     */
    public static List<HistoryEntry> history(LedgerStore store, Address address, long offset, int limit) {
        checkPage(offset, limit);
        return WalletHistory.page(store, address, offset, limit);
    }

    /**
     * For contracts: the wallet's newest history line made so far by the transaction running in {@code ctx} (its
     * {@code index} is -1), or null when the transaction has made none for it yet.
     */
    public static HistoryEntry newestInThisTransaction(CallContext ctx, Address address) {
        return WalletHistory.newestIn(ctx.events(), address, ctx.height(), ctx.timestamp(), ctx.txHash());
    }

    public static long alertCount(StateReader state) {
        return store(state).alertCount();
    }

    /** Regulator alerts, newest first. */
    public static List<AlertRecord> alerts(StateReader state, long offset, int limit) {
        checkPage(offset, limit);
        CurrencyStore s = store(state);
        List<AlertRecord> out = new ArrayList<>();
        for (long i = s.alertCount() - 1 - offset; i >= 0 && out.size() < limit; i--) {
            out.add(s.alert(i));
        }
        return out;
    }

    /**
     * Checks the currency's invariants over all wallets and operators (see {@link Invariants}): no negative
     * balance or reserve, frozen ≤ balance and equal to the wallet's open cases, no wallet over its class's
     * maximum balance, reserves + balances = issued − redeemed.
     *
     * @return the violations found, in a stable order; empty when the state is sound
     */
    public static List<String> checkInvariants(StateReader state) {
        return Invariants.check(store(state), parameters(state));
    }

    private static void checkPage(long offset, int limit) {
        if (offset < 0 || limit < 0 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("page must have offset >= 0 and limit 0.." + MAX_PAGE);
        }
    }
}
