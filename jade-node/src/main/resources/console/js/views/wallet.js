// Wallet: balance, frozen amount, class and limits left today, history, pay someone, exchange back to
// the bank. The acting identity's own wallet unless an address is given.
import {get, find, call} from '../api.js';
import {esc, money, time, parseYuan, zone} from '../format.js';
import {txLink, blockLink, addr, outcome, onSubmit, empty, options} from '../ui.js';

export async function render(el, route, app) {
  const me = app.me();
  const address = route.args[0] || me?.address;
  if (!address) {
    el.innerHTML = `<h1>Wallet</h1><form class="search" id="w-find"><input name="a" placeholder="wallet address (40 hex digits)" aria-label="wallet address">
      <button type="submit">Open</button></form><p class="note">Outside a devnet the console is read-only: look a wallet up by its address.</p>`;
    el.querySelector('#w-find').addEventListener('submit', ev => {
      ev.preventDefault();
      location.hash = '#/wallet/' + new FormData(ev.target).get('a').trim().toLowerCase();
    });
    return;
  }
  const own = me && me.address === address;
  el.innerHTML = `<h1>Wallet ${esc(app.name(address) || '')}</h1><div id="w-body"></div>`;
  const body = el.querySelector('#w-body');
  const w = await find('/v1/currency/wallets/' + address);
  if (!w) {
    body.innerHTML = `<section class="card">${empty((app.name(address) || address) + ' has no wallet yet.')}
      <p>A commercial bank opens wallets: see the <a href="#/bank">Bank</a> view.</p></section>`;
    return;
  }
  body.innerHTML = `<div class="stats">
      <div class="stat"><div class="label">Balance</div><div class="value" id="w-balance"></div><span class="sub" id="w-available"></span></div>
      <div class="stat"><div class="label">Frozen</div><div class="value" id="w-frozen"></div><span class="sub" id="w-freezes"></span></div>
      <div class="stat"><div class="label">Class</div><div class="value" id="w-class"></div><span class="sub" id="w-operator"></span></div>
      <div class="stat"><div class="label">Left to spend today</div><div class="value" id="w-left"></div><span class="sub" id="w-limits"></span></div>
    </div>
    <div class="grid">
      ${own ? `<section class="card"><h2>Pay</h2>
        <form id="w-pay">
          <label>To <select name="to" id="w-to"><option value="">— choose —</option>${options(app, ['PERSON'], 'address').replace(`value="${esc(address)}"`, `value="${esc(address)}" disabled`)}
            <option value="other">another address…</option></select></label>
          <label id="w-other" hidden>Wallet address <input name="other" placeholder="40 hex digits" autocomplete="off"></label>
          <div class="row"><label>Amount (yuan) <input name="amount" id="w-amount" inputmode="decimal" placeholder="12.50" required></label>
          <label>Memo <input name="memo" maxlength="120" placeholder="what for"></label></div>
          <div class="actions"><button type="submit" id="w-send">Pay</button></div>
        </form><div id="w-out" aria-live="polite"></div></section>
      <section class="card"><h2>Back to the bank</h2><p class="sub">Exchange digital cash back into a deposit at ${esc(w.operator)}.</p>
        <form id="w-out-form"><label>Amount (yuan) <input name="amount" inputmode="decimal" placeholder="100.00" required></label>
        <div class="actions"><button type="submit">Exchange out</button></div></form><div id="w-out2" aria-live="polite"></div></section>`
      : `<section class="card"><p class="note">${app.identities ? 'To pay from this wallet, act as its owner (choose it at the top).'
          : 'Read-only: paying needs the owner\'s key, which this console never holds outside a devnet.'}</p></section>`}
    </div>
    <section class="card"><h2>History</h2><div class="table-wrap"><table>
      <thead><tr><th>time (${esc(zone())})</th><th>what</th><th>with</th><th class="num">amount</th><th class="hide-narrow">block</th><th class="hide-narrow">transaction</th></tr></thead>
      <tbody id="w-history"></tbody></table></div><span class="sub" id="w-count"></span></section>`;

  const $ = id => el.querySelector('#' + id);
  const show = async () => {
    const [w, h] = await Promise.all([get('/v1/currency/wallets/' + address), get('/v1/currency/wallets/' + address + '/history?limit=25')]);
    $('w-balance').textContent = money(w.balance);
    $('w-available').textContent = money(w.available) + ' available';
    $('w-frozen').textContent = money(w.frozen);
    $('w-freezes').textContent = w.freezes.length ? w.freezes.map(f => f.caseId + ': ' + money(f.amount)).join(', ') : 'no court order';
    $('w-class').textContent = w.class;
    $('w-operator').textContent = 'opened by ' + w.operator;
    $('w-left').textContent = money(w.limits.leftToday);
    $('w-limits').textContent = 'one payment ≤ ' + money(w.limits.maxPayment) + ' · balance ≤ ' + money(w.limits.maxBalance)
        + ' · per day ≤ ' + money(w.limits.maxDaily);
    $('w-history').innerHTML = h.entries.map(e => `<tr><td>${esc(time(e.timestamp))}</td><td>${esc(kind(e))}${e.reference ? `<span class="sub">${esc(e.reference)}</span>` : ''}</td>
      <td>${/^[0-9a-f]{40}$/.test(e.counterparty) ? addr(app, e.counterparty) : esc(e.counterparty)}</td>
      <td class="num">${e.amount > 0 ? '+' : ''}${esc(money(e.amount))}${e.frozenChange ? `<span class="sub">frozen ${e.frozenChange > 0 ? '+' : ''}${esc(money(e.frozenChange))}</span>` : ''}</td>
      <td class="hide-narrow">${blockLink(e.height)}</td><td class="hide-narrow">${txLink(e.txHash)}</td></tr>`).join('');
    $('w-count').textContent = h.total > h.entries.length ? 'the latest ' + h.entries.length + ' of ' + h.total + ' entries' : '';
  };
  await show();

  if (own) {
    const to = $('w-to');
    to.addEventListener('change', () => { $('w-other').hidden = to.value !== 'other'; });
    onSubmit($('w-pay'), $('w-out'), async f => {
      let payee = f.get('to') === 'other' ? String(f.get('other')).trim().toLowerCase().replace(/^0x/, '') : f.get('to');
      if (!/^[0-9a-f]{40}$/.test(payee)) throw new Error('Please choose who to pay, or type their wallet address (40 hex digits).');
      const fen = parseYuan(f.get('amount'));
      const r = await call(app.as, 'currency', 'transfer', ['bytes', payee], ['int', fen], ['string', String(f.get('memo') || '')]);
      outcome($('w-out'), r, 'paid ' + money(fen) + ' to ' + (app.name(payee) || payee) + '.');
      if (r.ok) $('w-pay').reset();
      await show();
    });
    onSubmit($('w-out-form'), $('w-out2'), async f => {
      const fen = parseYuan(f.get('amount'));
      const r = await call(app.as, 'currency', 'exchangeOut', ['int', fen]);
      outcome($('w-out2'), r, money(fen) + ' went back to ' + w.operator + '.');
      await show();
    });
  }
  return app.onEvent(type => { if (type === 'block') show().catch(console.error); });
}

function kind(e) {
  return ({TRANSFER: e.amount < 0 ? 'paid' : 'received', OPENED: 'wallet opened', EXCHANGE_IN: 'from the bank',
    EXCHANGE_OUT: 'to the bank', FREEZE: 'frozen by a court', UNFREEZE: 'released by a court',
    DEDUCT: 'deducted by a court'}[e.kind]) || e.kind.toLowerCase().replace(/_/g, ' ');
}
