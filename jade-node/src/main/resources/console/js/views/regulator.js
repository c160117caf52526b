// Regulator: alerts (large payments, structuring) as they happen, and identity look-up of a wallet
// (controllable anonymity: the identity is decrypted with the regulator's key).
import {get} from '../api.js';
import {esc, money, time, zone} from '../format.js';
import {txLink, blockLink, addr, gate, options, failure, empty} from '../ui.js';

export async function render(el, _route, app) {
  el.innerHTML = `<h1>Regulator</h1>
    <div class="grid">
      <section class="card"><h2>Who holds a wallet?</h2><div id="r-gate"></div><div id="r-whois"></div><div id="r-out" aria-live="polite"></div></section>
      <section class="card"><h2>How it works</h2><p>Wallets are pseudonymous on the ledger. A bank seals each owner's identity to the
        regulator's key when it opens the wallet; only that key opens it. Alerts are raised by the currency contract itself.</p></section>
    </div>
    <section class="card"><h2>Alerts</h2><div class="table-wrap"><table><thead><tr><th>kind</th><th>time (${esc(zone())})</th><th>wallet</th><th>to</th>
      <th class="num">amount</th><th>block</th><th>transaction</th></tr></thead><tbody id="r-alerts"></tbody></table></div><div id="r-empty"></div></section>`;
  const $ = id => el.querySelector('#' + id);
  const show = async () => {
    const a = await get('/v1/currency/alerts?limit=100');
    $('r-alerts').innerHTML = a.alerts.slice().reverse().map(x => `<tr><td><span class="badge FILED">${esc(x.kind === 'LARGE_PAYMENT' ? 'large payment' : 'structuring')}</span>
      ${x.count > 1 ? `<span class="sub">${x.count} payments</span>` : ''}</td><td>${esc(time(x.timestamp))}</td><td>${addr(app, x.wallet)}</td><td>${addr(app, x.to)}</td>
      <td class="num">${esc(money(x.amount))}</td><td>${blockLink(x.height)}</td><td>${txLink(x.txHash)}</td></tr>`).join('');
    $('r-empty').innerHTML = a.alerts.length ? '' : empty('No alerts.');
  };
  await show();
  if (gate(app, $('r-gate'), ['REGULATOR'], 'Opening a wallet\'s identity')) {
    $('r-whois').innerHTML = `<form id="r-form"><label>Wallet <select name="wallet">${options(app, ['PERSON'], 'address')}
      <option value="other">another address…</option></select></label><label>or address <input name="other" placeholder="40 hex digits"></label>
      <div class="actions"><button type="submit">Look up</button></div></form>`;
    $('r-form').addEventListener('submit', async ev => {
      ev.preventDefault();
      const f = new FormData(ev.target);
      const w = f.get('wallet') === 'other' || String(f.get('other')).trim() ? String(f.get('other')).trim().toLowerCase() : f.get('wallet');
      try {
        const r = await get('/v1/devnet/whois/' + encodeURIComponent(w) + '?as=' + encodeURIComponent(app.as));
        $('r-out').innerHTML = `<div class="ok" id="r-identity"><strong>${esc(app.name(w) || w)}</strong><dl class="kv">
          ${Object.entries(r.identity).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
          <span class="sub">decrypted with the regulator's key</span></div>`;
      } catch (e) {
        failure($('r-out'), e);
      }
    });
  }
  return app.onEvent(type => { if (type === 'alert' || type === 'block') show().catch(console.error); });
}
