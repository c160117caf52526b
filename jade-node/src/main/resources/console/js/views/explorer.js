// Explorer: blocks and transactions, search by height / hash / address, a transaction's receipt and its
// proof, verified in the browser against the block header.
import {get, find} from '../api.js';
import {esc, money, time, short, zone} from '../format.js';
import {blockLink, txLink, addr, empty} from '../ui.js';
import {verifyBundle} from '../proof.js';

export async function render(el, route, app) {
  const [a0, a1] = route.args;
  if (route.name === 'block') return a0 === 'hash' ? blockByHash(el, a1, app) : block(el, a0, app);
  if (route.name === 'tx') return tx(el, a0, app);
  if (route.name === 'address') return address(el, a0, app);
  if (route.name === 'search') return search(el, a0, app);
  return latest(el, app);
}

function searchBox(q = '') {
  return `<form class="search" id="x-search" role="search">
    <label class="hide-narrow" for="x-q" style="align-self:center">Search</label>
    <input id="x-q" name="q" value="${esc(q)}" placeholder="block height, block or transaction hash, wallet address" autocomplete="off">
    <button type="submit">Find</button></form>`;
}

function wireSearch(el) {
  el.querySelector('#x-search').addEventListener('submit', ev => {
    ev.preventDefault();
    const q = el.querySelector('#x-q').value.trim();
    if (q) location.hash = '#/search/' + encodeURIComponent(q);
  });
}

async function search(el, q, app) {
  const t = (q || '').trim().toLowerCase().replace(/^0x/, '');
  if (/^\d+$/.test(t)) { location.replace('#/block/' + t); return; }
  if (/^[0-9a-f]{64}$/.test(t)) {
    if (await find('/v1/transactions/' + t)) { location.replace('#/tx/' + t); return; }
    if (await find('/v1/blocks/hash/' + t)) { location.replace('#/block/hash/' + t); return; }
  }
  if (/^[0-9a-f]{40}$/.test(t)) { location.replace('#/address/' + t); return; }
  const named = app.identity(q);
  if (named) { location.replace('#/address/' + named.address); return; }
  el.innerHTML = `<h1>Explorer</h1>${searchBox(q)}<div class="refused" role="alert">Nothing found for “${esc(q)}”.
    Search for a block height (a number), a block or transaction hash (64 hex digits) or a wallet address (40 hex digits).</div>`;
  wireSearch(el);
}

const blockRow = b => `<tr><td>${blockLink(b.height)}</td><td>${esc(time(b.header.timestamp))}</td>
  <td class="num">${b.header.txCount}</td><td class="hide-narrow"><a class="mono" href="#/block/${b.height}">${esc(short(b.hash, 16))}</a></td></tr>`;

async function latest(el, app) {
  el.innerHTML = `<h1>Explorer</h1>${searchBox()}
    <section class="card"><h2>Latest blocks</h2><div class="table-wrap"><table>
    <thead><tr><th>block</th><th>time (${esc(zone())})</th><th class="num">transactions</th><th class="hide-narrow">hash</th></tr></thead>
    <tbody id="x-blocks"></tbody></table></div></section>`;
  wireSearch(el);
  const rows = [];
  for (let h = app.status.height; h >= 0 && rows.length < 20; h--) rows.push(blockRow(await get('/v1/blocks/' + h)));
  el.querySelector('#x-blocks').innerHTML = rows.join('');
  return app.onEvent(async (type, ev) => {
    if (type !== 'block') return;
    const tbody = el.querySelector('#x-blocks');
    tbody.insertAdjacentHTML('afterbegin', blockRow(await get('/v1/blocks/' + ev.height)));
    tbody.firstElementChild.classList.add('flash');
    while (tbody.children.length > 20) tbody.lastElementChild.remove();
  });
}

async function blockByHash(el, hash, app) {
  const b = await find('/v1/blocks/hash/' + hash);
  if (!b) { el.innerHTML = `<h1>Block</h1>${searchBox(hash)}${empty('No block has the hash ' + hash + '.')}`; wireSearch(el); return; }
  return showBlock(el, b, app);
}

async function block(el, height, app) {
  const b = await find('/v1/blocks/' + encodeURIComponent(height));
  if (!b) {
    el.innerHTML = `<h1>Block ${esc(height)}</h1>${searchBox(height)}${empty('There is no block ' + height + ' yet; the chain is at height ' + app.status.height + '.')}`;
    wireSearch(el);
    return;
  }
  return showBlock(el, b, app);
}

function showBlock(el, b, app) {
  const h = b.header;
  el.innerHTML = `<h1>Block ${b.height}</h1>${searchBox()}
    <div class="actions" style="margin-bottom:10px">${b.height > 0 ? `<a href="#/block/${b.height - 1}">← block ${b.height - 1}</a>` : ''}
      <a href="#/block/${b.height + 1}">block ${b.height + 1} →</a></div>
    <section class="card"><h2>Header</h2><dl class="kv">
      <dt>hash</dt><dd class="hex">${esc(b.hash)}</dd>
      <dt>time</dt><dd>${esc(time(h.timestamp))} (${esc(zone())})</dd>
      <dt>previous</dt><dd class="hex">${b.height > 0 ? `<a href="#/block/${b.height - 1}">${esc(h.previousHash)}</a>` : esc(h.previousHash)}</dd>
      <dt>transactions</dt><dd>${h.txCount}</dd>
      <dt>transaction root</dt><dd class="hex">${esc(h.txRoot)}</dd>
      <dt>receipt root</dt><dd class="hex">${esc(h.receiptRoot)}</dd>
      <dt>state root</dt><dd class="hex">${esc(h.stateRoot)}</dd>
      <dt>proposer</dt><dd class="hex">${esc(h.proposer)}</dd>
      <dt>signed by</dt><dd>${b.certificate.signatures.map(s => esc(s.validator)).join(', ')}</dd>
    </dl></section>
    <section class="card"><h2>Transactions</h2>${b.transactions.length ? `<div class="table-wrap"><table>
      <thead><tr><th>transaction</th><th>call</th><th>sender</th><th>result</th></tr></thead><tbody>
      ${b.transactions.map(t => `<tr><td>${txLink(t.txHash)}</td><td>${esc(t.contract)}.${esc(t.method)}</td>
        <td>${addr(app, t.sender)}</td><td><span class="badge ${t.code === 'OK' ? 'OK' : 'bad'}">${esc(t.code)}</span></td></tr>`).join('')}
      </tbody></table></div>` : empty('No transactions in this block.')}
      ${b.triggers.length ? `<h3>Ledger triggers (deadlines that ran at the start of this block)</h3><ul>
        ${b.triggers.map(t => `<li><span class="mono">${esc(t.id)}</span> <span class="badge">${esc(t.code)}</span> ${esc(t.message)}</li>`).join('')}</ul>` : ''}
    </section>`;
  wireSearch(el);
}

function argText(a) {
  if (a.type === 'int') return String(a.value);
  if (a.type === 'bytes') return a.value.length === 40 ? a.value : short(a.value, 24);
  return a.value;
}

async function tx(el, hash, app) {
  const t = await find('/v1/transactions/' + hash);
  if (!t) { el.innerHTML = `<h1>Transaction</h1>${searchBox(hash)}${empty('No transaction ' + hash + ' is pending or committed.')}`; wireSearch(el); return; }
  const x = t.transaction;
  el.innerHTML = `<h1>Transaction</h1>
    <section class="card"><dl class="kv">
      <dt>hash</dt><dd class="hex" id="t-hash">${esc(t.txHash)}</dd>
      <dt>status</dt><dd><span class="badge ${esc(t.status)}">${esc(t.status)}</span>
        ${t.status === 'COMMITTED' ? `in block ${blockLink(t.height)} at ${esc(time(t.timestamp))} (${esc(zone())})` : ''}</dd>
      <dt>call</dt><dd>${esc(x.contract)}.${esc(x.method)}</dd>
      <dt>sender</dt><dd>${addr(app, x.sender)} <span class="sub">nonce ${x.nonce}</span></dd>
      <dt>arguments</dt><dd><ol>${x.args.map(a => `<li><span class="sub">${esc(a.type)}</span> ${
        a.type === 'bytes' && a.value.length === 40 ? addr(app, a.value) : `<span class="hex">${esc(argText(a))}</span>`}</li>`).join('')}</ol></dd>
    </dl></section>
    ${t.receipt ? `<section class="card"><h2>Receipt</h2><dl class="kv">
      <dt>result</dt><dd id="t-code"><span class="badge ${t.receipt.code === 'OK' ? 'OK' : 'bad'}">${esc(t.receipt.code)}</span> ${esc(t.receipt.message)}</dd>
      ${Object.entries(t.receipt.output || {}).map(([k, v]) => `<dt>${esc(k)}</dt><dd class="hex">${esc(v)}</dd>`).join('')}
    </dl>${t.receipt.events.length ? `<h3>Events</h3><ul>${t.receipt.events.map(e => `<li><strong>${esc(e.contract)}.${esc(e.type)}</strong>
      ${Object.entries(e.attributes).map(([k, v]) => `<span class="sub">${esc(k)}: ${/^[0-9a-f]{40}$/.test(v) ? addr(app, v)
        : esc(/^(amount|outstanding)$/.test(k) && /^-?\d+$/.test(v) ? money(v) : v)}</span>`).join('')}</li>`).join('')}</ul>` : ''}
    </section>
    <section class="card" id="t-proof"><h2>Proof of inclusion</h2>
      <p>The node hands out this transaction's receipt bundle: the transaction, its receipt, their Merkle audit paths
      and the signed block header. Your browser can check that the paths lead to the roots in the header.</p>
      <div class="actions"><button type="button" id="t-verify">Verify in the browser</button>
        <a href="/v1/transactions/${esc(t.txHash)}/proof" download="${esc(t.txHash)}.receipt.json">Download the bundle</a></div>
      <div id="t-result" aria-live="polite"></div></section>` : '<p class="pending">Waiting for a block…</p>'}`;
  if (!t.receipt) {
    // Pending: show it again once a block arrives (which re-subscribes while it is still pending).
    let cleanup = null;
    const off = app.onEvent(async type => {
      if (type !== 'block' || cleanup) return;
      off();
      cleanup = (await tx(el, hash, app)) || (() => {});
    });
    return () => { off(); cleanup && cleanup(); };
  }
  el.querySelector('#t-verify').addEventListener('click', () => verifyInto(el.querySelector('#t-result'),
      '/v1/transactions/' + t.txHash + '/proof'));
}

/** Fetches a bundle, checks it here, and lists each check. Shared with the court's case page. */
export async function verifyInto(out, proofPath) {
  out.innerHTML = '<p class="pending">Checking…</p>';
  try {
    const bundle = await get(proofPath);
    const blockNow = await get('/v1/blocks/' + bundle.blockHeight);
    const checks = await verifyBundle(bundle, blockNow.hash);
    const ok = checks.every(c => c.ok);
    out.innerHTML = `<p class="verdict ${ok ? 'pass' : 'fail'}" id="verdict">${ok
        ? 'Verified: the ' + (bundle.transaction ? 'transaction and its receipt are' : 'receipt is') + ' in block ' + bundle.blockHeight + '.'
        : 'NOT verified: ' + esc(checks.find(c => !c.ok).name.toLowerCase()) + ' failed.'}</p>
      <ul class="checks">${checks.map(c => `<li class="${c.ok ? 'pass' : 'fail'}">${esc(c.name)}<span class="sub hex">${esc(c.detail)}</span></li>`).join('')}</ul>
      <p class="sub">Checked with ${bundle.suite === 'sm' ? 'SM3' : 'SHA-256'} in this browser. The validators' signatures on the
      header (${esc(bundle.certificate.signatures.map(s => s.validator).join(', '))}) are checked offline by <code>jade proof verify</code>.</p>`;
  } catch (e) {
    out.innerHTML = `<p class="refused">Could not check the proof: ${esc(e.message)}</p>`;
  }
}

async function address(el, a, app) {
  const [w, n] = await Promise.all([find('/v1/currency/wallets/' + a), find('/v1/accounts/' + a + '/nonce')]);
  const name = app.name(a);
  el.innerHTML = `<h1>Address ${esc(name || '')}</h1>${searchBox(a)}
    <section class="card"><dl class="kv"><dt>address</dt><dd class="hex">${esc(a)}</dd>
      <dt>transactions sent</dt><dd>${n ? n.nonce : 0}</dd>
      ${w ? `<dt>wallet</dt><dd>class ${w.class}, opened by ${esc(w.operator)}</dd><dt>balance</dt><dd>${esc(money(w.balance))}</dd>
        <dt>frozen</dt><dd>${esc(money(w.frozen))}</dd>` : '<dt>wallet</dt><dd>none</dd>'}</dl>
      ${w ? `<p><a href="#/wallet/${esc(a)}">Open the wallet's history</a></p>` : ''}</section>`;
  wireSearch(el);
}
