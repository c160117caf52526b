package org.jadechain.contracts.currency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.jadechain.core.contract.ContractState;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.state.StateReader;

/**
 * The currency's state layout (namespace {@value CurrencyContract#NAME}) and typed access to it; shared by
 * the contract (over the transaction's writable overlay) and {@link CurrencyQueries} (read-only over
 * committed state). Every key is a point key, so nothing depends on iteration order; the lists that must
 * be enumerable (wallets, operators with a reserve, alerts) are kept as counter-indexed
 * entries. A wallet's history is not state: the node derives it from the receipts ({@link WalletHistory}).
 *
 * <pre>
 * params                         CurrencyParameters (written at genesis)
 * issued, redeemed               u64 totals in fen
 * reserve/&lt;operator id&gt;          u64 reserve in fen
 * operatorCount, operatorAt/&lt;u64&gt; operator ids that ever held a reserve entry, in order of first use
 * wallet/&lt;addr20&gt;                 WalletRecord
 * identity/&lt;addr20&gt;               WalletIdentity
 * walletCount, walletAt/&lt;u64&gt;     wallet addresses in order of opening
 * cases/&lt;addr20&gt;                  the wallet's FrozenCase list
 * near/&lt;addr20&gt;                   timestamps of the wallet's recent near-limit transfers (structuring)
 * alertCount, alert/&lt;u64&gt;         AlertRecord
 * </pre>
 * Not thread-safe; one per call.
 */
final class CurrencyStore {
    private static final byte[] PARAMS = ascii("params");
    private static final byte[] ISSUED = ascii("issued");
    private static final byte[] REDEEMED = ascii("redeemed");
    private static final byte[] OPERATOR_COUNT = ascii("operatorCount");
    private static final byte[] WALLET_COUNT = ascii("walletCount");
    private static final byte[] ALERT_COUNT = ascii("alertCount");

    private final ContractState state;

    CurrencyStore(ContractState state) {
        this.state = state;
    }

    static CurrencyStore readOnly(StateReader reader) {
        return new CurrencyStore(ContractState.readOnly(CurrencyContract.NAME, reader));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] key(String prefix, byte[] suffix) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] k = new byte[p.length + suffix.length];
        System.arraycopy(p, 0, k, 0, p.length);
        System.arraycopy(suffix, 0, k, p.length, suffix.length);
        return k;
    }

    private static byte[] u64(long n) {
        return ByteBuffer.allocate(8).putLong(n).array();
    }

    // --- parameters and totals ---

    void putParameters(CurrencyParameters p) {
        state.put(PARAMS, p.encode());
    }

    /** The stored parameters, or null on a chain whose genesis predates the currency contract. */
    CurrencyParameters parameters() {
        byte[] v = state.get(PARAMS);
        return v == null ? null : CurrencyParameters.decode(v);
    }

    long issued() {
        return state.getLong(ISSUED, 0);
    }

    void setIssued(long v) {
        state.putLong(ISSUED, v);
    }

    long redeemed() {
        return state.getLong(REDEEMED, 0);
    }

    void setRedeemed(long v) {
        state.putLong(REDEEMED, v);
    }

    // --- operators' reserves ---

    private static byte[] reserveKey(String operator) {
        return key("reserve/", operator.getBytes(StandardCharsets.UTF_8));
    }

    long reserve(String operator) {
        return state.getLong(reserveKey(operator), 0);
    }

    /** Sets a reserve; the first time an operator gets one it joins the operator index. */
    void setReserve(String operator, long v) {
        byte[] k = reserveKey(operator);
        if (!state.has(k)) {
            long n = state.getLong(OPERATOR_COUNT, 0);
            state.put(key("operatorAt/", u64(n)), operator.getBytes(StandardCharsets.UTF_8));
            state.putLong(OPERATOR_COUNT, n + 1);
        }
        state.putLong(k, v);
    }

    List<String> operators() {
        long n = state.getLong(OPERATOR_COUNT, 0);
        List<String> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(new String(required(key("operatorAt/", u64(i)), "operator index"), StandardCharsets.UTF_8));
        }
        return out;
    }

    // --- wallets ---

    WalletRecord wallet(Address a) {
        byte[] v = state.get(key("wallet/", a.bytes()));
        return v == null ? null : WalletRecord.decode(a, v);
    }

    void putWallet(WalletRecord w) {
        state.put(key("wallet/", w.address().bytes()), w.encode());
    }

    /** Stores a new wallet with its identity and adds it to the wallet index. */
    void addWallet(WalletRecord w, WalletIdentity identity) {
        putWallet(w);
        state.put(key("identity/", w.address().bytes()), identity.encode());
        long n = state.getLong(WALLET_COUNT, 0);
        state.put(key("walletAt/", u64(n)), w.address().bytes());
        state.putLong(WALLET_COUNT, n + 1);
    }

    WalletIdentity identity(Address a) {
        byte[] v = state.get(key("identity/", a.bytes()));
        return v == null ? null : WalletIdentity.decode(v);
    }

    long walletCount() {
        return state.getLong(WALLET_COUNT, 0);
    }

    Address walletAt(long n) {
        return Address.of(required(key("walletAt/", u64(n)), "wallet index"));
    }

    // --- court freezes ---

    SortedMap<String, FrozenCase> cases(Address a) {
        return FrozenCase.decode(state.get(key("cases/", a.bytes())));
    }

    void putCases(Address a, SortedMap<String, FrozenCase> cases) {
        byte[] k = key("cases/", a.bytes());
        if (cases.isEmpty()) {
            state.delete(k);
        } else {
            state.put(k, FrozenCase.encode(cases));
        }
    }

    // --- structuring window ---

    long[] nearLimitTimes(Address a) {
        byte[] v = state.get(key("near/", a.bytes()));
        if (v == null) {
            return new long[0];
        }
        ByteBuffer b = ByteBuffer.wrap(v);
        long[] out = new long[v.length / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getLong();
        }
        return out;
    }

    void putNearLimitTimes(Address a, long[] times) {
        ByteBuffer b = ByteBuffer.allocate(times.length * 8);
        for (long t : times) {
            b.putLong(t);
        }
        state.put(key("near/", a.bytes()), b.array());
    }

    // --- alerts ---

    long alertCount() {
        return state.getLong(ALERT_COUNT, 0);
    }

    void addAlert(AlertRecord a) {
        state.put(key("alert/", u64(a.index())), a.encode());
        state.putLong(ALERT_COUNT, a.index() + 1);
    }

    AlertRecord alert(long index) {
        return AlertRecord.decode(index, required(key("alert/", u64(index)), "alert"));
    }

    private byte[] required(byte[] k, String what) {
        byte[] v = state.get(k);
        if (v == null) {
            throw new IllegalStateException("currency state is missing an entry of the " + what);
        }
        return v;
    }
}
