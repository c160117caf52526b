package org.jadechain.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.jadechain.contracts.currency.AlertRecord;
import org.jadechain.contracts.currency.ClassLimits;
import org.jadechain.contracts.currency.CurrencyParameters;
import org.jadechain.contracts.currency.CurrencyQueries;
import org.jadechain.contracts.currency.FrozenCase;
import org.jadechain.contracts.currency.HistoryEntry;
import org.jadechain.contracts.currency.WalletIdentity;
import org.jadechain.contracts.currency.WalletRecord;
import org.jadechain.contracts.currency.Yuan;
import org.jadechain.core.contract.ChainInfo;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.ledger.LedgerStore;
import org.jadechain.node.NodeContext;

/**
 * Reads of the currency contract's committed state: supply and reserves, wallets (balance, frozen, class,
 * limits left today, the encrypted identity for the regulator), history and regulator alerts. Amounts
 * are integers in fen with a {@code …Yuan} text beside each. Writes go through signed transactions.
 */
final class CurrencyRoutes {
    private static final int MAX_PAGE = CurrencyQueries.MAX_PAGE;

    private final NodeContext node;
    private final ObjectMapper json;
    private final ChainInfo chain;

    CurrencyRoutes(NodeContext node, ObjectMapper json) {
        this.node = node;
        this.json = json;
        this.chain = new ChainInfo(node.genesis());
    }

    void register(Javalin app) {
        app.get("/v1/currency/supply", this::supply);
        app.get("/v1/currency/wallets", this::wallets);
        app.get("/v1/currency/wallets/{address}", this::wallet);
        app.get("/v1/currency/wallets/{address}/history", this::history);
        app.get("/v1/currency/operators/{id}", this::operator);
        app.get("/v1/currency/alerts", this::alerts);
    }

    private LedgerStore state() {
        return node.store();
    }

    private static ObjectNode money(ObjectNode n, String field, long fen) {
        return Money.put(n, field, fen);
    }

    private void supply(Context ctx) {
        LedgerStore s = state();
        CurrencyParameters p = CurrencyQueries.parameters(s);
        ObjectNode n = json.createObjectNode();
        n.put("currency", p.code());
        n.put("height", node.ledger().height());
        money(n, "issued", CurrencyQueries.issued(s));
        money(n, "redeemed", CurrencyQueries.redeemed(s));
        money(n, "supply", CurrencyQueries.totalSupply(s));
        ArrayNode reserves = n.putArray("reserves");
        long reserveTotal = 0;
        for (String op : CurrencyQueries.operators(s)) {
            long r = CurrencyQueries.reserve(s, op);
            reserveTotal = Math.addExact(reserveTotal, r);
            money(reserves.addObject().put("operator", op), "reserve", r);
        }
        money(n, "reservesTotal", reserveTotal);
        long walletTotal = 0;
        long count = CurrencyQueries.walletCount(s);
        for (long off = 0; off < count; off += MAX_PAGE) {
            for (Address a : CurrencyQueries.wallets(s, off, MAX_PAGE)) {
                walletTotal = Math.addExact(walletTotal, CurrencyQueries.wallet(s, a).balance());
            }
        }
        n.put("walletCount", count);
        money(n, "walletsTotal", walletTotal);
        List<String> violations = CurrencyQueries.checkInvariants(s);
        ObjectNode inv = n.putObject("invariants");
        inv.put("ok", violations.isEmpty());
        ArrayNode v = inv.putArray("violations");
        violations.forEach(v::add);
        ctx.json(n);
    }

    private void wallets(Context ctx) {
        long offset = Requests.longQuery(ctx, "offset", 0, 0, Long.MAX_VALUE);
        int limit = (int) Requests.longQuery(ctx, "limit", 100, 1, MAX_PAGE);
        ObjectNode n = json.createObjectNode();
        n.put("total", CurrencyQueries.walletCount(state()));
        ArrayNode a = n.putArray("wallets");
        for (Address w : CurrencyQueries.wallets(state(), offset, limit)) {
            a.add(w.hex());
        }
        ctx.json(n);
    }

    private WalletRecord requireWallet(Address a) {
        WalletRecord w = CurrencyQueries.wallet(state(), a);
        if (w == null) {
            throw ApiException.notFound("no wallet " + a.hex());
        }
        return w;
    }

    private void wallet(Context ctx) {
        Address a = Requests.addressParam(ctx, "address");
        LedgerStore s = state();
        WalletRecord w = requireWallet(a);
        ClassLimits limits = CurrencyQueries.parameters(s).limits(w.walletClass());
        long today = chain.ledgerDay(node.ledger().head().timestamp());
        ObjectNode n = json.createObjectNode();
        n.put("wallet", a.hex());
        n.put("operator", w.operator());
        n.put("class", w.walletClass());
        money(n, "balance", w.balance());
        money(n, "frozen", w.frozen());
        money(n, "available", w.available());
        money(n, "spentToday", w.outflowOn(today));
        ObjectNode l = n.putObject("limits");
        cap(l, "maxBalance", limits.maxBalance());
        cap(l, "maxPayment", limits.maxPayment());
        cap(l, "maxDaily", limits.maxDaily());
        if (limits.maxDaily() == ClassLimits.NO_CAP) {
            l.putNull("leftToday");
        } else {
            money(l, "leftToday", Math.max(0, limits.maxDaily() - w.outflowOn(today)));
        }
        ArrayNode freezes = n.putArray("freezes");
        for (Map.Entry<String, FrozenCase> e : CurrencyQueries.frozenCases(s, a).entrySet()) {
            money(freezes.addObject().put("caseId", e.getKey()).put("court", e.getValue().court()), "amount", e.getValue().amount());
        }
        WalletIdentity id = CurrencyQueries.identity(s, a);
        if (id != null) {
            n.putObject("identity").put("commitment", Hex.encode(id.commitment()))
                    .put("encryptedIdentity", Hex.encode(id.encryptedIdentity()));
        }
        n.put("historyCount", CurrencyQueries.historyCount(s, a));
        ctx.json(n);
    }

    private void cap(ObjectNode n, String field, long fen) {
        if (fen == ClassLimits.NO_CAP) {
            n.putNull(field);
            n.put(field + "Yuan", "no cap");
        } else {
            money(n, field, fen);
        }
    }

    private void history(Context ctx) {
        Address a = Requests.addressParam(ctx, "address");
        requireWallet(a);
        long offset = Requests.longQuery(ctx, "offset", 0, 0, Long.MAX_VALUE);
        int limit = (int) Requests.longQuery(ctx, "limit", 50, 1, MAX_PAGE);
        ObjectNode n = json.createObjectNode();
        n.put("wallet", a.hex());
        n.put("total", CurrencyQueries.historyCount(state(), a));
        ArrayNode entries = n.putArray("entries");
        for (HistoryEntry h : CurrencyQueries.history(state(), a, offset, limit)) {
            ObjectNode e = entries.addObject();
            e.put("index", h.index()).put("height", h.height()).put("timestamp", h.timestamp())
                    .put("txHash", h.txHash().hex()).put("kind", h.kind().name()).put("counterparty", h.counterparty());
            money(e, "amount", h.amount());
            money(e, "frozenChange", h.frozenChange());
            e.put("reference", h.reference());
        }
        ctx.json(n);
    }

    private void operator(Context ctx) {
        String id = ctx.pathParam("id");
        if (!CurrencyQueries.operators(state()).contains(id)) {
            throw ApiException.notFound("no operator '" + id + "'");
        }
        ctx.json(money(json.createObjectNode().put("operator", id), "reserve", CurrencyQueries.reserve(state(), id)));
    }

    private void alerts(Context ctx) {
        long total = CurrencyQueries.alertCount(state());
        long offset = Requests.longQuery(ctx, "offset", 0, 0, Long.MAX_VALUE);
        int limit = (int) Requests.longQuery(ctx, "limit", 50, 1, MAX_PAGE);
        ObjectNode n = json.createObjectNode();
        n.put("total", total);
        ArrayNode arr = n.putArray("alerts");
        for (AlertRecord r : CurrencyQueries.alerts(state(), offset, limit)) {
            ObjectNode e = arr.addObject();
            e.put("index", r.index()).put("kind", r.kind().name()).put("height", r.height())
                    .put("timestamp", r.timestamp()).put("txHash", r.txHash().hex()).put("wallet", r.wallet().hex())
                    .put("to", r.to() == null ? null : r.to().hex()).put("count", r.count());
            money(e, "amount", r.amount());
        }
        ctx.json(n);
    }
}
