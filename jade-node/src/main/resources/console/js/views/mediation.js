// Mediation: agreements between a creditor and a debtor, proposed by a mediator and signed by both;
// installments and their status; paying an installment as the debtor.
import {get, find, act, call} from '../api.js';
import {esc, money, time, parseYuan, parseLocalTime, localInputValue, zone} from '../format.js';
import {txLink, blockLink, addr, outcome, onSubmit, gate, options, empty} from '../ui.js';

export async function render(el, route, app) {
  if (route.name === 'agreement' && route.args[0]) return agreement(el, route.args[0], app);
  return list(el, app);
}

async function list(el, app) {
  el.innerHTML = `<h1>Mediation agreements</h1>
    <section class="card"><div class="table-wrap"><table><thead><tr><th>agreement</th><th>state</th><th>creditor</th><th>debtor</th>
      <th class="num">total</th><th class="num">paid</th><th class="num">overdue</th></tr></thead><tbody id="m-list"></tbody></table></div><div id="m-empty"></div></section>
    <section class="card"><h2>Propose an agreement</h2><div id="m-gate"></div><div id="m-form"></div><div id="m-out" aria-live="polite"></div></section>`;
  const $ = id => el.querySelector('#' + id);
  const show = async () => {
    const d = await get('/v1/mediation/agreements?limit=100');
    $('m-list').innerHTML = d.agreements.map(a => `<tr><td><a href="#/agreement/${esc(a.agreement)}">${esc(a.agreement)}</a></td>
      <td><span class="badge ${esc(a.state)}">${esc(a.state)}</span></td><td>${addr(app, a.creditor)}</td><td>${addr(app, a.debtor)}</td>
      <td class="num">${esc(money(a.total))}</td><td class="num">${esc(money(a.paid))}</td><td class="num">${esc(money(a.unpaidDue))}</td></tr>`).join('');
    $('m-empty').innerHTML = d.agreements.length ? '' : empty('No agreement yet.');
  };
  await show();
  if (gate(app, $('m-gate'), ['MEDIATOR'], 'Proposing an agreement')) {
    const now = Date.now();
    const row = k => `<div class="row"><label>Installment ${k} (yuan) <input name="amount${k}" inputmode="decimal" ${k === 1 ? 'required' : ''} value="${k <= 2 ? '100.00' : ''}"></label>
      <label>due (${esc(zone())}) <input type="datetime-local" name="due${k}" value="${k <= 2 ? localInputValue(now + k * 120000) : ''}"></label></div>`;
    $('m-form').innerHTML = `<form id="m-propose"><div class="row">
      <label>Creditor <select name="creditor">${options(app, ['PERSON'], 'address', app.identity('shop-1')?.address)}</select></label>
      <label>Debtor <select name="debtor">${options(app, ['PERSON'], 'address', app.identity('citizen-1')?.address)}</select></label>
      <label>Court <select name="court">${options(app, ['COURT'], 'organisation')}</select></label></div>
      ${row(1)}${row(2)}${row(3)}
      <label>Terms (the signed text; its hash goes on the ledger) <textarea name="terms" rows="3" required>The debtor repays the creditor in installments.</textarea></label>
      <div class="actions"><button type="submit">Propose</button></div></form>`;
    onSubmit($('m-propose'), $('m-out'), async f => {
      const installments = [];
      for (let k = 1; k <= 3; k++) {
        if (!String(f.get('amount' + k) || '').trim()) continue;
        installments.push({amount: parseYuan(f.get('amount' + k)), due: parseLocalTime(f.get('due' + k))});
      }
      const r = await act('/v1/devnet/agreements', {as: app.as, creditor: f.get('creditor'), debtor: f.get('debtor'),
        court: f.get('court'), installments, terms: f.get('terms')});
      outcome($('m-out'), r, r.ok ? 'proposed agreement ' + r.output.agreement + '; both parties sign it next.' : '');
      if (r.ok) $('m-out').insertAdjacentHTML('beforeend', `<p><a href="#/agreement/${esc(r.output.agreement)}">Open ${esc(r.output.agreement)}</a></p>`);
      await show();
    });
  }
  return app.onEvent(type => { if (type === 'block') show().catch(console.error); });
}

async function agreement(el, id, app) {
  const a = await find('/v1/mediation/agreements/' + encodeURIComponent(id));
  if (!a) { el.innerHTML = `<h1>Agreement ${esc(id)}</h1>${empty('No agreement ' + id + '.')}`; return; }
  const sig = s => s ? `signed in block ${blockLink(s.height)} ${txLink(s.txHash)}` : '<span class="badge PENDING">not yet</span>';
  el.innerHTML = `<h1>Agreement ${esc(a.agreement)} <span class="badge ${esc(a.state)}">${esc(a.state)}</span></h1>
    <div class="grid"><section class="card"><dl class="kv">
      <dt>creditor</dt><dd>${addr(app, a.creditor)} — ${sig(a.signatures.creditor)}</dd>
      <dt>debtor</dt><dd>${addr(app, a.debtor)} — ${sig(a.signatures.debtor)}</dd>
      <dt>court</dt><dd>${esc(a.court)}</dd><dt>mediator</dt><dd>${esc(a.mediator)}</dd>
      <dt>proposed</dt><dd>${esc(time(a.proposedTime))}, block ${blockLink(a.proposedHeight)} ${txLink(a.proposalTx)}</dd>
      <dt>agreement hash</dt><dd class="hex">${esc(a.agreementHash)}</dd><dt>terms hash</dt><dd class="hex">${esc(a.termsHash)}</dd>
      <dt>total</dt><dd>${esc(money(a.total))}, paid ${esc(money(a.paid))}, overdue ${esc(money(a.unpaidDue))}</dd>
      ${a.cases.length ? `<dt>court cases</dt><dd>${a.cases.map(c => `<a href="#/case/${esc(c.case)}">${esc(c.case)}</a>`).join(', ')}</dd>` : ''}
    </dl></section>
    <section class="card"><h2>Act</h2><div id="a-acts"></div><div id="a-out" aria-live="polite"></div></section></div>
    <section class="card"><h2>Installments</h2><div class="table-wrap"><table><thead><tr><th>#</th><th>due (${esc(zone())})</th><th class="num">amount</th>
      <th class="num">paid</th><th>status</th></tr></thead><tbody>
      ${a.installments.map(i => `<tr><td>${i.n}</td><td>${esc(time(i.due))}</td><td class="num">${esc(money(i.amount))}</td><td class="num">${esc(money(i.paid))}</td>
        <td><span class="badge ${esc(i.status)}">${esc(i.status.replace('_', ' ').toLowerCase())}</span>${i.case ? ` <a href="#/case/${esc(i.case)}">${esc(i.case)}</a>` : ''}</td></tr>`).join('')}
      </tbody></table></div>
      <h3>Payments</h3>${a.payments.length ? `<ul>${a.payments.map(p => `<li>installment ${p.installment}: ${esc(money(p.amount))} at ${esc(time(p.time))} ${txLink(p.txHash)}</li>`).join('')}</ul>` : empty('None yet.')}</section>`;
  const acts = el.querySelector('#a-acts');
  const out = el.querySelector('#a-out');
  const me = app.me();
  if (!app.identities) { acts.innerHTML = '<p class="note">Read-only outside a devnet.</p>'; return; }
  const party = me && (me.address === a.creditor ? 'creditor' : me.address === a.debtor ? 'debtor' : null);
  const buttons = [];
  if (party && a.state === 'PROPOSED' && !a.signatures[party]) buttons.push(`<button type="button" id="a-sign">Sign as ${party}</button>`);
  const due = a.installments.find(i => i.remaining > 0 && i.status !== 'IN_CASE') || a.installments.find(i => i.remaining > 0);
  if (party === 'debtor' && a.state === 'BINDING' && due) {
    buttons.push(`<button type="button" id="a-pay">Pay installment ${due.n} (${esc(money(due.remaining))})</button>`);
  }
  const parties = [a.creditor, a.debtor].map(x => app.name(x)).filter(Boolean);
  acts.innerHTML = buttons.length ? `<div class="actions">${buttons.join('')}</div>`
      : `<p class="note">${party ? 'Nothing for you to do now.' : 'The parties act here: '
        + parties.map(p => `<button type="button" class="link" data-as="${esc(p)}">act as ${esc(p)}</button>`).join(' ')}</p>`;
  acts.querySelectorAll('button[data-as]').forEach(b => b.addEventListener('click', () => app.setAs(b.dataset.as)));
  const run = async (fn, done) => {
    out.innerHTML = '<div class="pending">Sending… waiting for the next block</div>';
    try {
      const r = await fn();
      outcome(out, r, done);
      if (r.ok) setTimeout(() => agreement(el, id, app), 1200);
    } catch (e) {
      out.innerHTML = `<div class="refused">${esc(e.message)}</div>`;
    }
  };
  el.querySelector('#a-sign')?.addEventListener('click', () => run(
      () => call(me.id, 'mediation', 'sign', ['string', a.agreement], ['bytes', a.agreementHash]), 'signed ' + a.agreement + '.'));
  el.querySelector('#a-pay')?.addEventListener('click', () => run(
      () => call(me.id, 'mediation', 'payInstallment', ['string', a.agreement], ['int', due.n]), 'paid installment ' + due.n + '.'));
}
