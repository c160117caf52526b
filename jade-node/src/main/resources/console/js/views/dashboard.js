// Dashboard: height, block time, live transactions per second (from the event stream), validators and
// the leader, total supply, mempool size, the latest blocks.
import {get} from '../api.js';
import {esc, money, time, ago, short, zone, wallDate} from '../format.js';
import {blockLink} from '../ui.js';

const WINDOW = 120;

export async function render(el, _route, app) {
  el.innerHTML = `<h1>Dashboard</h1>
    <div class="stats">
      <div class="stat"><div class="label">Height</div><div class="value" id="d-height"></div><span class="sub" id="d-head"></span></div>
      <div class="stat"><div class="label">Last block</div><div class="value" id="d-time"></div><span class="sub" id="d-ago"></span></div>
      <div class="stat"><div class="label">Transactions / s</div><div class="value" id="d-tps">0.0</div><span class="sub">average of the last 10 s</span></div>
      <div class="stat"><div class="label">Total supply</div><div class="value" id="d-supply"></div><span class="sub" id="d-wallets"></span></div>
      <div class="stat"><div class="label">Mempool</div><div class="value" id="d-mempool"></div><span class="sub" id="d-capacity"></span></div>
      <div class="stat"><div class="label">Consensus</div><div class="value" id="d-consensus"></div><span class="sub" id="d-leader"></span></div>
    </div>
    <div class="grid">
      <section class="card"><h2>Transactions per second, live</h2><div id="d-chart" class="chart"></div>
        <span class="sub">Fed by the node's event stream; times in the chain's time zone (${esc(zone())}).</span></section>
      <section class="card"><h2>Validators</h2><div class="table-wrap"><table><thead><tr><th>id</th><th>organisation</th><th>role</th></tr></thead>
        <tbody id="d-validators"></tbody></table></div></section>
    </div>
    <section class="card"><h2>Latest blocks</h2><div class="table-wrap"><table>
      <thead><tr><th>block</th><th>time</th><th class="num">transactions</th><th class="hide-narrow">hash</th></tr></thead>
      <tbody id="d-blocks"></tbody></table></div></section>`;
  const $ = id => el.querySelector('#' + id);
  const counts = new Map();
  let lastTime = null;

  const showStatus = s => {
    $('d-height').textContent = s.height.toLocaleString('en');
    $('d-head').textContent = 'head ' + short(s.headHash, 16);
    lastTime = s.timestamp;
    $('d-time').textContent = time(s.timestamp).slice(11);
    $('d-mempool').textContent = s.mempool.size.toLocaleString('en');
    $('d-capacity').textContent = 'waiting, of ' + s.mempool.capacity.toLocaleString('en');
    $('d-consensus').textContent = s.consensus;
    $('d-leader').textContent = 'leader: ' + (s.leaderId || 'none known') + (s.term ? ' (term ' + s.term + ')' : '');
    $('d-validators').innerHTML = s.validators.map(v => `<tr><td>${esc(v.id)}</td><td>${esc(v.organisation)}</td>
      <td>${v.id === s.leaderId ? '<span class="badge LEADER">leader</span>' : 'follower'}</td></tr>`).join('');
  };
  const showSupply = async () => {
    const sup = await get('/v1/currency/supply');
    $('d-supply').textContent = money(sup.supply);
    $('d-wallets').textContent = sup.walletCount + ' wallets hold ' + money(sup.walletsTotal);
  };
  const row = b => `<tr data-height="${b.height}"><td>${blockLink(b.height)}</td><td>${esc(time(b.timestamp))}</td>
    <td class="num">${b.txCount}</td><td class="hide-narrow"><a class="mono" href="#/block/${b.height}">${esc(short(b.hash, 16))}</a></td></tr>`;

  showStatus(app.status);
  await showSupply();
  const latest = [];
  for (let h = app.status.height; h >= 0 && latest.length < 10; h--) {
    const b = await get('/v1/blocks/' + h);
    latest.push({height: b.height, timestamp: b.header.timestamp, txCount: b.header.txCount, hash: b.hash});
  }
  $('d-blocks').innerHTML = latest.map(row).join('');
  for (const b of latest) {
    const s = Math.floor(b.timestamp / 1000);
    counts.set(s, (counts.get(s) || 0) + b.txCount);
  }

  const series = () => {
    const now = Math.floor(Date.now() / 1000);
    const xs = [], ys = [];
    for (let t = now - WINDOW; t <= now; t++) { xs.push(t); ys.push(counts.get(t) || 0); }
    return [xs, ys];
  };
  const chartEl = $('d-chart');
  const chart = new uPlot({
    width: Math.max(260, chartEl.clientWidth), height: 220,
    tzDate: ts => wallDate(ts * 1000),
    scales: {y: {range: (u, min, max) => [0, Math.max(5, max * 1.2)]}},
    series: [{}, {label: 'tx/s', stroke: '#00796b', fill: '#00796b22', width: 2, paths: uPlot.paths.stepped({align: 1})}],
    axes: [{}, {size: 50}],
    legend: {show: false},
  }, series(), chartEl);
  const resize = () => chart.setSize({width: Math.max(260, chartEl.clientWidth), height: 220});
  window.addEventListener('resize', resize);

  const tick = setInterval(() => {
    const [xs, ys] = series();
    chart.setData([xs, ys]);
    const last10 = ys.slice(-11, -1).reduce((a, b) => a + b, 0) / 10;
    $('d-tps').textContent = last10.toFixed(1);
    if (lastTime) $('d-ago').textContent = time(lastTime).slice(0, 10) + ' · ' + ago(lastTime);
    const cutoff = xs[0];
    for (const k of counts.keys()) if (k < cutoff) counts.delete(k);
  }, 1000);

  let pending = null;
  const off = app.onEvent((type, b) => {
    if (type !== 'block') return;
    const s = Math.floor(b.timestamp / 1000);
    counts.set(s, (counts.get(s) || 0) + b.txCount);
    const tbody = $('d-blocks');
    tbody.insertAdjacentHTML('afterbegin', row(b));
    tbody.firstElementChild.classList.add('flash');
    while (tbody.children.length > 10) tbody.lastElementChild.remove();
    $('d-height').textContent = b.height.toLocaleString('en');
    $('d-head').textContent = 'head ' + short(b.hash, 16);
    lastTime = b.timestamp;
    $('d-time').textContent = time(b.timestamp).slice(11);
    clearTimeout(pending);
    pending = setTimeout(async () => {
      try { showStatus(await app.refreshStatus()); await showSupply(); } catch (e) { console.error(e); }
    }, 300);
  });
  const poll = setInterval(async () => {
    try { showStatus(await app.refreshStatus()); } catch (e) { /* shown by the live badge */ }
  }, 5000);
  return () => { off(); clearInterval(tick); clearInterval(poll); clearTimeout(pending); window.removeEventListener('resize', resize); chart.destroy(); };
}

