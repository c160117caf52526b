// The console's shell: the chain's status, who acts (a demo identity on a devnet; nobody elsewhere, where
// the console is read-only — ADR 0009), the live event stream, and a hash router with one module per view.
import {get, find} from './api.js';
import {setTimeZone, esc} from './format.js';

const views = {
  dashboard: () => import('./views/dashboard.js'),
  explorer: () => import('./views/explorer.js'),
  wallet: () => import('./views/wallet.js'),
  bank: () => import('./views/bank.js'),
  court: () => import('./views/court.js'),
  mediation: () => import('./views/mediation.js'),
  regulator: () => import('./views/regulator.js'),
  records: () => import('./views/records.js'),
};

const listeners = new Set();

/** What views share: status, identities, the acting identity, names for addresses, live events. */
export const app = {
  status: null,
  identities: null,          // null: not a devnet, nobody can act from this console
  as: null,
  byAddress: new Map(),
  onEvent(fn) { listeners.add(fn); return () => listeners.delete(fn); },
  identity(id) { return this.identities?.find(i => i.id === id) || null; },
  me() { return this.identity(this.as); },
  name(address) { return this.byAddress.get(address) || null; },
  setAs(id) {
    this.as = id;
    localStorage.setItem('jade.as', id);
    const sel = document.getElementById('as');
    if (sel && sel.value !== id) sel.value = id;
    route();
  },
  async refreshStatus() {
    this.status = await get('/v1/status');
    setTimeZone(this.status.timeZone);
    return this.status;
  },
};

function emit(type, data) {
  if (type === 'block') app.status && (app.status.height = Math.max(app.status.height, data.height));
  for (const fn of [...listeners]) {
    try { fn(type, data); } catch (e) { console.error(e); }
  }
}

// Headless renderers (page snapshots, `chromium --headless --dump-dom --virtual-time-budget`) wait until no
// request is in flight, which an event stream never is; for them the console asks for new blocks every two
// seconds instead. Browsers people use get the stream.
const POLL = /HeadlessChrome/.test(navigator.userAgent);

function pollEvents() {
  const live = document.getElementById('live');
  let seen = app.status?.height ?? 0;
  const tick = async () => {
    try {
      const s = await get('/v1/status');
      for (let h = Math.max(seen + 1, s.height - 9); h <= s.height; h++) {
        const b = await get('/v1/blocks/' + h);
        emit('block', {height: b.height, hash: b.hash, timestamp: b.header.timestamp, txCount: b.header.txCount,
          receipts: (b.transactions || []).map(t => ({txHash: t.txHash, code: t.code, kind: 'TRANSACTION'}))});
        seen = h;
      }
      live.textContent = 'live'; live.className = 'live on';
    } catch (e) {
      live.textContent = 'reconnecting…'; live.className = 'live off';
    }
    setTimeout(tick, 2000);
  };
  tick();
}

function connectEvents() {
  if (POLL) {
    pollEvents();
    return;
  }
  const es = new EventSource('/v1/events');
  const live = document.getElementById('live');
  es.onopen = () => { live.textContent = 'live'; live.className = 'live on'; };
  es.onerror = () => { live.textContent = 'reconnecting…'; live.className = 'live off'; };
  for (const type of ['block', 'alert']) {
    es.addEventListener(type, ev => emit(type, JSON.parse(ev.data)));
  }
}

async function loadIdentities() {
  const ids = await find('/v1/devnet/identities');
  const picker = document.getElementById('as-picker');
  if (!ids) {
    picker.innerHTML = '<span class="readonly" title="See docs/adr/0009-console-signing.md">read-only: '
        + 'this node is not a devnet, and the console never holds your key</span>';
    return;
  }
  app.identities = ids.identities;
  for (const i of ids.identities) app.byAddress.set(i.address, i.id);
  const saved = localStorage.getItem('jade.as');
  app.as = app.identity(saved) ? saved : (app.identity('citizen-1') ? 'citizen-1' : ids.identities[0]?.id);
  const orgs = ids.identities.filter(i => i.organisation);
  const people = ids.identities.filter(i => !i.organisation);
  const opt = i => `<option value="${esc(i.id)}">${esc(i.id)}${i.organisation ? ' — ' + esc(i.name) : ''}</option>`;
  picker.innerHTML = `<label for="as">Acting as</label>
    <select id="as"><optgroup label="People">${people.map(opt).join('')}</optgroup>
    <optgroup label="Organisations">${orgs.map(opt).join('')}</optgroup></select>`;
  const sel = document.getElementById('as');
  sel.value = app.as;
  sel.addEventListener('change', () => app.setAs(sel.value));
}

let cleanup = null;
let generation = 0;

export async function route() {
  const hash = location.hash.replace(/^#\/?/, '') || 'dashboard';
  const [name, ...rest] = hash.split('/').map(decodeURIComponent);
  const key = views[name] ? name : (['block', 'tx', 'address', 'search'].includes(name) ? 'explorer'
      : name === 'case' ? 'court' : name === 'agreement' ? 'mediation'
      : ['collection', 'record'].includes(name) ? 'records' : 'dashboard');
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.view === key));
  if (cleanup) { try { cleanup(); } catch (e) { console.error(e); } cleanup = null; }
  const main = document.getElementById('view');
  const mine = ++generation;
  main.setAttribute('aria-busy', 'true');
  try {
    const mod = await views[key]();
    if (mine !== generation) return;
    // Each rendering gets its own element: one overtaken by a newer route keeps writing into its detached
    // element instead of into the page.
    const view = document.createElement('div');
    main.replaceChildren(view);
    const c = await mod.render(view, {name, args: rest}, app);
    if (mine === generation) cleanup = c || null; else if (c) c();
  } catch (e) {
    console.error(e);
    if (mine === generation) {
      main.innerHTML = `<section class="card error"><h2>Something went wrong</h2><p>${esc(e.message)}</p></section>`;
    }
  } finally {
    if (mine === generation) main.removeAttribute('aria-busy');
  }
}

async function start() {
  try {
    await app.refreshStatus();
  } catch (e) {
    document.getElementById('view').innerHTML =
        `<section class="card error"><h2>The node did not answer</h2><p>${esc(e.message)}</p></section>`;
    return;
  }
  document.getElementById('chain').textContent = app.status.chainId + ' · ' + app.status.suite;
  await loadIdentities();
  connectEvents();
  window.addEventListener('hashchange', route);
  document.getElementById('menu').addEventListener('click', () => document.body.classList.toggle('nav-open'));
  document.querySelectorAll('nav a').forEach(a => a.addEventListener('click', () => document.body.classList.remove('nav-open')));
  await route();
  document.body.dataset.ready = 'true';
}

start();
