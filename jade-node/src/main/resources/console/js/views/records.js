// Records: collections, submitting, reading (when entitled) and version history.
import {get, find, act} from '../api.js';
import {esc, time, zone, short} from '../format.js';
import {txLink, blockLink, addr, outcome, onSubmit, gate, empty, failure} from '../ui.js';

export async function render(el, route, app) {
  if (route.name === 'collection' && route.args[0]) return collection(el, route.args[0], app);
  if (route.name === 'record' && route.args[0]) return record(el, route.args[0], app);
  return collections(el, app);
}

async function collections(el, app) {
  el.innerHTML = `<h1>Government records</h1>
    <section class="card"><div class="table-wrap"><table><thead><tr><th>collection</th><th>name</th><th>agency</th><th class="num">records</th><th>created</th></tr></thead>
      <tbody id="g-list"></tbody></table></div><div id="g-empty"></div></section>
    <section class="card"><h2>Create a collection</h2><div id="g-gate"></div><div id="g-form"></div><div id="g-out" aria-live="polite"></div></section>`;
  const $ = id => el.querySelector('#' + id);
  const d = await get('/v1/records/collections?limit=100');
  const counts = await Promise.all(d.collections.map(c => get('/v1/records/collections/' + encodeURIComponent(c.collection))));
  $('g-list').innerHTML = counts.map(c => `<tr><td><a href="#/collection/${esc(c.collection)}">${esc(c.collection)}</a></td><td>${esc(c.name)}</td>
    <td>${esc(c.agency)}</td><td class="num">${c.recordCount}</td><td>${esc(time(c.timestamp))}</td></tr>`).join('');
  $('g-empty').innerHTML = d.collections.length ? '' : empty('No collection yet.');
  if (gate(app, $('g-gate'), ['AGENCY'], 'Creating a collection')) {
    const ids = app.identities.map(i => i.organisation || i.id).filter((v, i, a) => a.indexOf(v) === i);
    const checks = (name, on) => ids.map(i => `<label style="display:inline-flex;gap:4px;margin-right:10px"><input type="checkbox" name="${name}" value="${esc(i)}"
      style="width:auto" ${on.includes(i) ? 'checked' : ''}>${esc(i)}</label>`).join('');
    $('g-form').innerHTML = `<form id="g-create"><label>Name <input name="name" required value="Tax filings 2026"></label>
      <fieldset><legend>Who may submit</legend>${checks('submitters', ['citizen-1'])}</fieldset>
      <fieldset><legend>Who may read</legend>${checks('readers', ['agency', 'regulator'])}</fieldset>
      <div class="actions"><button type="submit">Create</button></div></form>`;
    onSubmit($('g-create'), $('g-out'), async f => {
      const r = await act('/v1/devnet/collections', {as: app.as, name: f.get('name'), submitters: f.getAll('submitters'), readers: f.getAll('readers')});
      outcome($('g-out'), r, r.ok ? 'created collection ' + r.output.collection + '.' : '');
      if (r.ok) setTimeout(() => collections(el, app), 1000);
    });
  }
}

const principals = p => [...p.organisations, ...p.keys.map(k => 'key ' + short(k, 12))].join(', ') || 'nobody';

async function collection(el, id, app) {
  const c = await find('/v1/records/collections/' + encodeURIComponent(id));
  if (!c) { el.innerHTML = `<h1>Collection ${esc(id)}</h1>${empty('No collection ' + id + '.')}`; return; }
  const recs = await get('/v1/records/collections/' + encodeURIComponent(id) + '/records?limit=100');
  el.innerHTML = `<h1>${esc(c.name)} <span class="sub">${esc(c.collection)}</span></h1>
    <div class="grid"><section class="card"><dl class="kv"><dt>agency</dt><dd>${esc(c.agency)}</dd>
      <dt>submitters</dt><dd>${esc(principals(c.submitters))}</dd><dt>readers</dt><dd>${esc(principals(c.readers))}</dd>
      <dt>created</dt><dd>${esc(time(c.timestamp))}, block ${blockLink(c.height)} ${txLink(c.txHash)}</dd></dl></section>
    <section class="card"><h2>Submit</h2><div id="s-form"></div><div id="s-out" aria-live="polite"></div></section></div>
    <section class="card"><h2>Records</h2><div class="table-wrap"><table><thead><tr><th>record</th><th>version</th><th>submitted (${esc(zone())})</th>
      <th>by</th><th>kept as</th></tr></thead><tbody>
      ${recs.records.map(r => `<tr><td><a href="#/record/${esc(r.record)}">${esc(r.record)}</a></td><td>${r.version}${r.latest === r.record ? ' (latest)' : ''}</td>
        <td>${esc(time(r.timestamp))}</td><td>${addr(app, r.submitter)}</td><td>${r.mode === 'ENCRYPTED' ? 'encrypted to the readers' : 'hash only'}</td></tr>`).join('')}
      </tbody></table></div>${recs.records.length ? '' : empty('No records yet.')}</section>`;
  if (!app.identities) { el.querySelector('#s-form').innerHTML = '<p class="note">Read-only outside a devnet.</p>'; return; }
  const latest = recs.records.filter(r => r.latest === r.record);
  el.querySelector('#s-form').innerHTML = `<form id="s-submit"><p class="sub">As ${esc(app.as)}. The text is sealed to the collection's readers before it is sent.</p>
    <label>Document text <textarea name="content" rows="4" required>Income statement 2026: 123,456.00</textarea></label>
    <label>Corrects <select name="previous"><option value="">— a new document —</option>${latest.map(r => `<option>${esc(r.record)}</option>`).join('')}</select></label>
    <label style="display:flex;gap:6px;align-items:center"><input type="checkbox" name="hashOnly" style="width:auto"> keep only the hash on the ledger</label>
    <div class="actions"><button type="submit">Submit</button></div></form>`;
  onSubmit(el.querySelector('#s-submit'), el.querySelector('#s-out'), async f => {
    const r = await act('/v1/devnet/records', {as: app.as, collection: c.collection, content: f.get('content'),
      hashOnly: f.get('hashOnly') === 'on', previous: f.get('previous') || ''});
    outcome(el.querySelector('#s-out'), r, r.ok ? 'submitted ' + r.output.record + ' (version ' + r.output.version + ').' : '');
    if (r.ok) setTimeout(() => collection(el, id, app), 1000);
  });
}

async function record(el, id, app) {
  const r = await find('/v1/records/' + encodeURIComponent(id));
  if (!r) { el.innerHTML = `<h1>Record ${esc(id)}</h1>${empty('No record ' + id + '.')}`; return; }
  const h = await get('/v1/records/' + encodeURIComponent(id) + '/history');
  el.innerHTML = `<h1>Record ${esc(r.record)} <span class="sub">version ${r.version} of <a href="#/collection/${esc(r.collection)}">${esc(r.collection)}</a></span></h1>
    <div class="grid"><section class="card"><dl class="kv"><dt>submitted</dt><dd>${esc(time(r.timestamp))} by ${addr(app, r.submitter)}, block ${blockLink(r.height)} ${txLink(r.txHash)}</dd>
      <dt>document hash</dt><dd class="hex">${esc(r.documentHash)}</dd><dt>kept as</dt><dd>${r.mode === 'ENCRYPTED' ? 'encrypted, ' + r.contentBytes + ' bytes, sealed to ' + r.readerKeys.length + ' reader key(s)' : 'hash only (the document is off the ledger)'}</dd></dl>
      <p>Prove it was submitted: open its transaction and verify the proof in the browser.</p></section>
    <section class="card"><h2>Read</h2><div id="r-read"></div><div id="r-content" aria-live="polite"></div></section></div>
    <section class="card"><h2>Version history</h2><ol>${h.versions.map(v => `<li><a href="#/record/${esc(v.record)}">${esc(v.record)}</a> version ${v.version},
      ${esc(time(v.timestamp))} ${txLink(v.txHash)}</li>`).join('')}</ol></section>`;
  const read = el.querySelector('#r-read');
  if (r.mode !== 'ENCRYPTED') { read.innerHTML = '<p class="note">Only the hash is on the ledger.</p>'; return; }
  if (!app.identities) { read.innerHTML = '<p class="note">Reading needs a reader\'s key; use <code>jade records read</code> with yours.</p>'; return; }
  read.innerHTML = `<button type="button" id="r-open">Open as ${esc(app.as)}</button>`;
  el.querySelector('#r-open').addEventListener('click', async () => {
    const out = el.querySelector('#r-content');
    try {
      const c = await get('/v1/devnet/records/' + encodeURIComponent(id) + '/content?as=' + encodeURIComponent(app.as));
      out.innerHTML = `<pre class="ok" style="white-space:pre-wrap">${esc(c.content)}</pre>`;
    } catch (e) {
      failure(out, e);
    }
  });
}
