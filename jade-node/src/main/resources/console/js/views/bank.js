// Bank: a commercial bank (operator) sees its reserve, opens wallets and exchanges deposits in; the
// central bank issues, redeems and watches the supply.
import {get, act, call} from '../api.js';
import {esc, money, parseYuan} from '../format.js';
import {outcome, onSubmit, gate, options, addr} from '../ui.js';

export async function render(el, _route, app) {
  el.innerHTML = `<h1>Banks</h1>
    <div class="grid">
      <section class="card"><h2>Supply</h2><dl class="kv" id="b-supply"></dl>
        <div class="table-wrap"><table><thead><tr><th>operator</th><th class="num">reserve</th></tr></thead><tbody id="b-reserves"></tbody></table></div></section>
      <section class="card"><h2>Central bank</h2><div id="b-cb-gate"></div><div id="b-cb"></div><div id="b-cb-out" aria-live="polite"></div></section>
    </div>
    <div class="grid">
      <section class="card"><h2>Commercial bank</h2><div id="b-op-gate"></div><div id="b-op"></div><div id="b-op-out" aria-live="polite"></div></section>
      <section class="card"><h2>Wallets</h2><div class="table-wrap"><table><thead><tr><th>wallet</th><th>class</th><th>bank</th><th class="num">balance</th></tr></thead>
        <tbody id="b-wallets"></tbody></table></div></section>
    </div>`;
  const $ = id => el.querySelector('#' + id);
  const show = async () => {
    const s = await get('/v1/currency/supply');
    $('b-supply').innerHTML = `<dt>issued</dt><dd>${esc(money(s.issued))}</dd><dt>redeemed</dt><dd>${esc(money(s.redeemed))}</dd>
      <dt>supply</dt><dd id="b-total"><strong>${esc(money(s.supply))}</strong> ${esc(s.currency)}</dd>
      <dt>in reserves</dt><dd>${esc(money(s.reservesTotal))}</dd><dt>in ${s.walletCount} wallets</dt><dd>${esc(money(s.walletsTotal))}</dd>
      <dt>invariants</dt><dd>${s.invariants.ok ? '<span class="badge OK">hold</span>' : '<span class="badge bad">VIOLATED</span> ' + esc(s.invariants.violations.join('; '))}</dd>`;
    $('b-reserves').innerHTML = s.reserves.map(r => `<tr><td>${esc(r.operator)}</td><td class="num">${esc(money(r.reserve))}</td></tr>`).join('');
    const ws = await get('/v1/currency/wallets?limit=50');
    const rows = await Promise.all(ws.wallets.map(a => get('/v1/currency/wallets/' + a)));
    $('b-wallets').innerHTML = rows.map(w => `<tr><td>${addr(app, w.wallet)}</td><td>${w.class}</td><td>${esc(w.operator)}</td>
      <td class="num">${esc(money(w.balance))}</td></tr>`).join('');
  };
  await show();

  const me = app.me();
  if (gate(app, $('b-cb-gate'), ['CENTRAL_BANK'], 'Issuing')) {
    $('b-cb').innerHTML = `<form id="b-issue"><div class="row"><label>Issue to <select name="op">${options(app, ['OPERATOR'], 'organisation')}</select></label>
      <label>Amount (yuan) <input name="amount" inputmode="decimal" required placeholder="1,000,000.00"></label></div>
      <div class="actions"><button type="submit">Issue</button></div></form>`;
    onSubmit($('b-issue'), $('b-cb-out'), async f => {
      const fen = parseYuan(f.get('amount'));
      outcome($('b-cb-out'), await call(me.id, 'currency', 'issue', ['string', f.get('op')], ['int', fen]), 'issued ' + money(fen) + ' to ' + f.get('op') + '.');
      await show();
    });
  }
  if (gate(app, $('b-op-gate'), ['OPERATOR'], 'Opening wallets and exchanging money')) {
    const reserve = (await get('/v1/currency/operators/' + me.organisation)).reserve;
    $('b-op').innerHTML = `<p>${esc(me.name)} · reserve <strong id="b-reserve">${esc(money(reserve))}</strong></p>
      <h3>Open a wallet</h3><form id="b-open"><div class="row">
        <label>Owner <select name="owner">${options(app, ['PERSON'], 'id')}</select></label>
        <label>Class <select name="class"><option value="4">4 — anonymous (phone only)</option><option value="3">3</option><option value="2" selected>2</option><option value="1">1 — no caps</option></select></label></div>
        <div class="row"><label>Phone <input name="phone" required inputmode="tel" placeholder="13800000002"></label>
        <label>Name <input name="name" placeholder="classes 1–3"></label><label>ID number <input name="idNumber"></label></div>
        <p class="sub">The identity is sealed to the regulator's key before it reaches the ledger; only a salted commitment is public.</p>
        <div class="actions"><button type="submit">Open wallet</button></div></form>
      <h3>Exchange in (deposit → digital cash)</h3><form id="b-in"><div class="row">
        <label>Wallet <select name="wallet">${options(app, ['PERSON'], 'address')}</select></label>
        <label>Amount (yuan) <input name="amount" inputmode="decimal" required placeholder="3,000.00"></label></div>
        <div class="actions"><button type="submit">Exchange in</button></div></form>
      <h3>Redeem (reserve → central bank)</h3><form id="b-redeem"><label>Amount (yuan) <input name="amount" inputmode="decimal" required></label>
        <div class="actions"><button type="submit" class="secondary">Redeem</button></div></form>`;
    const out = $('b-op-out');
    onSubmit($('b-open'), out, async f => {
      const r = await act('/v1/devnet/wallets', {as: me.id, owner: f.get('owner'), class: Number(f.get('class')),
        phone: f.get('phone'), name: f.get('name'), idNumber: f.get('idNumber')});
      outcome(out, r, 'opened a class-' + f.get('class') + ' wallet for ' + f.get('owner') + '.');
      await show();
    });
    onSubmit($('b-in'), out, async f => {
      const fen = parseYuan(f.get('amount'));
      outcome(out, await call(me.id, 'currency', 'exchangeIn', ['bytes', f.get('wallet')], ['int', fen]),
          money(fen) + ' moved into ' + (app.name(f.get('wallet')) || f.get('wallet')) + '\'s wallet.');
      await show();
      $('b-reserve').textContent = money((await get('/v1/currency/operators/' + me.organisation)).reserve);
    });
    onSubmit($('b-redeem'), out, async f => {
      const fen = parseYuan(f.get('amount'));
      outcome(out, await call(me.id, 'currency', 'redeem', ['int', fen]), 'redeemed ' + money(fen) + '.');
      await show();
      $('b-reserve').textContent = money((await get('/v1/currency/operators/' + me.organisation)).reserve);
    });
  }
}
