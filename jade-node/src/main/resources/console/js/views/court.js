// Court: the docket by state; a case's timeline, its evidence and the proof of its filing; accept /
// enforce / deduct / close as the court.
import {get, find, call} from '../api.js';
import {esc, money, time, parseYuan, zone, short} from '../format.js';
import {txLink, blockLink, addr, outcome, onSubmit, empty, gate} from '../ui.js';
import {verifyInto} from './explorer.js';

const STATES = ['FILED', 'ACCEPTED', 'ENFORCING', 'CLOSED', 'DISMISSED'];

export async function render(el, route, app) {
  if (route.name === 'case' && route.args[0]) return courtCase(el, route.args[0], app);
  return docket(el, route.args[0], app);
}

async function docket(el, state, app) {
  const s = STATES.includes(state) ? state : '';
  el.innerHTML = `<h1>Court docket</h1>
    <div class="actions" role="tablist" style="margin-bottom:10px">
      <a href="#/court" class="badge ${s ? '' : 'OK'}">all</a>
      ${STATES.map(x => `<a href="#/court/${x}" class="badge ${x === s ? 'OK' : ''}">${x.toLowerCase()}</a>`).join('')}</div>
    <section class="card"><div class="table-wrap"><table><thead><tr><th>case</th><th>state</th><th>agreement</th><th>creditor</th><th>debtor</th>
      <th class="num">outstanding</th><th class="hide-narrow">filed (${esc(zone())})</th></tr></thead><tbody id="c-cases"></tbody></table></div>
      <div id="c-empty"></div></section>
    <p class="sub">Cases are filed by the ledger itself when a binding mediation agreement's installment passes its due time unpaid.</p>`;
  const show = async () => {
    const d = await get('/v1/court/cases?limit=100' + (s ? '&state=' + s : ''));
    el.querySelector('#c-cases').innerHTML = d.cases.map(c => `<tr><td><a href="#/case/${esc(c.case)}">${esc(c.case)}</a></td>
      <td><span class="badge ${esc(c.state)}">${esc(c.state)}</span></td><td><a href="#/agreement/${esc(c.agreement)}">${esc(c.agreement)}</a></td>
      <td>${addr(app, c.creditor)}</td><td>${addr(app, c.debtor)}</td><td class="num">${esc(money(c.outstanding))}</td>
      <td class="hide-narrow">${esc(time(c.filedTime))}</td></tr>`).join('');
    el.querySelector('#c-empty').innerHTML = d.cases.length ? '' : empty(s ? 'No case is ' + s.toLowerCase() + '.' : 'The docket is empty.');
  };
  await show();
  return app.onEvent(type => { if (type === 'block') show().catch(console.error); });
}

const STEP = {FILED: 'Filed by the ledger', PAYMENT_RECORDED: 'Payment by the debtor recorded', ACCEPTED: 'Accepted',
  DISMISSED: 'Dismissed', ENFORCEMENT_ORDERED: 'Enforcement ordered: wallet frozen', DEDUCTED: 'Deducted to the creditor', CLOSED: 'Closed'};

async function courtCase(el, id, app) {
  const c = await find('/v1/court/cases/' + encodeURIComponent(id));
  if (!c) { el.innerHTML = `<h1>Case ${esc(id)}</h1>${empty('No case ' + id + ' on the docket.')}`; return; }
  const e = c.evidence;
  const signed = s => s && s.txHash ? `${addr(app, s.signer)} in block ${blockLink(s.height)} at ${esc(time(s.time))} ${txLink(s.txHash)}` : 'not signed';
  el.innerHTML = `<h1>Case ${esc(c.case)} <span class="badge ${esc(c.state)}" id="case-state">${esc(c.state)}</span></h1>
    <div class="stats">
      <div class="stat"><div class="label">Outstanding</div><div class="value">${esc(money(c.outstanding))}</div><span class="sub">filed for ${esc(money(c.filedOutstanding))}</span></div>
      <div class="stat"><div class="label">Frozen</div><div class="value">${esc(money(c.frozen))}</div><span class="sub">in the debtor's wallet</span></div>
      <div class="stat"><div class="label">Deducted</div><div class="value">${esc(money(c.deducted))}</div><span class="sub">paid after filing ${esc(money(c.paidAfterFiling))}</span></div>
    </div>
    <div class="grid">
      <section class="card"><h2>Timeline</h2><ol class="timeline" id="case-timeline">
        ${c.timeline.map(t => `<li><strong>${esc(STEP[t.step] || t.step)}</strong> <span class="badge ${esc(t.state)}">${esc(t.state)}</span>
          ${t.amount ? ' · ' + esc(money(t.amount)) : ''}<span class="sub">${esc(time(t.time))} (${esc(zone())}) · block ${blockLink(t.height)} · ${txLink(t.txHash)}</span>
          ${t.reason ? `<span class="sub">“${esc(t.reason)}”</span>` : ''}</li>`).join('')}</ol></section>
      <section class="card"><h2>Parties</h2><dl class="kv">
        <dt>court</dt><dd>${esc(c.court)}</dd><dt>creditor</dt><dd>${addr(app, c.creditor)}</dd><dt>debtor</dt><dd>${addr(app, c.debtor)}</dd>
        <dt>agreement</dt><dd><a href="#/agreement/${esc(c.agreement)}">${esc(c.agreement)}</a></dd>
        <dt>filed</dt><dd>block ${blockLink(c.filedHeight)}, ${esc(time(c.filedTime))}</dd></dl>
        <h3>Court actions</h3><div id="case-gate"></div><div id="case-actions"></div><div id="case-out" aria-live="polite"></div></section>
    </div>
    <section class="card" id="case-evidence"><h2>Evidence filed with the case</h2><dl class="kv">
      <dt>agreement</dt><dd>${esc(e.agreement)} by mediator ${esc(e.mediator)}</dd>
      <dt>agreement hash</dt><dd class="hex">${esc(e.agreementHash)}</dd>
      <dt>terms document hash</dt><dd class="hex">${esc(e.termsHash)}</dd>
      <dt>creditor signed</dt><dd>${signed(e.creditorSignature)}</dd>
      <dt>debtor signed</dt><dd>${signed(e.debtorSignature)}</dd>
      <dt>missed</dt><dd>installment${e.firstInstallment === e.lastInstallment ? ' ' + e.firstInstallment : 's ' + e.firstInstallment + '–' + e.lastInstallment}</dd>
      <dt>evidence hash</dt><dd class="hex">${esc(e.evidenceHash)}</dd></dl>
      <h3>Schedule</h3><div class="table-wrap"><table><thead><tr><th>#</th><th>due (${esc(zone())})</th><th class="num">amount</th></tr></thead><tbody>
        ${e.schedule.map(i => `<tr><td>${i.n}</td><td>${esc(time(i.due))}</td><td class="num">${esc(money(i.amount))}</td></tr>`).join('')}</tbody></table></div>
      <h3>Payments before filing</h3>${e.payments.length ? `<div class="table-wrap"><table><thead><tr><th>installment</th><th>time</th><th class="num">amount</th><th>transaction</th></tr></thead><tbody>
        ${e.payments.map(p => `<tr><td>${p.installment}</td><td>${esc(time(p.time))}</td><td class="num">${esc(money(p.amount))}</td><td>${txLink(p.txHash)}</td></tr>`).join('')}
        </tbody></table></div>` : empty('None.')}
      <p class="sub">Each signature and payment is a transaction with its own proof: open it to verify it.</p></section>
    <section class="card"><h2>Proof of the filing</h2>
      <p>The case was filed by a ledger trigger at block ${blockLink(c.filedHeight)}. Its receipt names the evidence hash above.</p>
      <div class="actions"><button type="button" id="case-verify">Verify in the browser</button>
        <a href="/v1/court/cases/${esc(c.case)}/proof" download="${esc(c.case)}.receipt.json">Download the bundle</a></div>
      <div id="case-result" aria-live="polite"></div></section>`;
  el.querySelector('#case-verify').addEventListener('click', () => verifyInto(el.querySelector('#case-result'),
      '/v1/court/cases/' + encodeURIComponent(c.case) + '/proof'));
  const actions = el.querySelector('#case-actions');
  const me = app.me();
  const open = !['CLOSED', 'DISMISSED'].includes(c.state);
  if (!open) {
    actions.innerHTML = `<p class="sub">The case is ${esc(c.state.toLowerCase())}.</p>`;
  } else if (gate(app, el.querySelector('#case-gate'), ['COURT'], 'Deciding a case')) {
    const next = {FILED: ['accept', 'dismiss'], ACCEPTED: ['enforce', 'close', 'dismiss'], ENFORCING: ['deduct', 'close']}[c.state] || [];
    actions.innerHTML = `<form id="case-form"><label>Reason (kept in the timeline) <input name="reason" required
        value="${esc(defaultReason(c.state))}"></label>
      ${next.includes('deduct') ? `<label>Amount to deduct (yuan) <input name="amount" inputmode="decimal" value="${esc(moneyPlain(Math.min(c.frozen, c.outstanding)))}"></label>` : ''}
      <div class="actions">${next.map(a => `<button type="submit" name="action" value="${a}" id="case-${a}">${a[0].toUpperCase() + a.slice(1)}</button>`).join('')}</div></form>`;
    const form = el.querySelector('#case-form');
    let chosen = next[0];
    form.querySelectorAll('button[name=action]').forEach(b => b.addEventListener('click', () => { chosen = b.value; }));
    onSubmit(form, el.querySelector('#case-out'), async f => {
      const reason = String(f.get('reason') || '');
      const r = chosen === 'deduct'
          ? await call(me.id, 'court', 'deduct', ['string', c.case], ['int', parseYuan(f.get('amount'))], ['string', reason])
          : await call(me.id, 'court', chosen, ['string', c.case], ['string', reason]);
      outcome(el.querySelector('#case-out'), r, 'case ' + c.case + ': ' + chosen + '.');
      if (r.ok) setTimeout(() => courtCase(el, id, app), 1200);
    });
  }
}

function defaultReason(state) {
  return {FILED: 'binding agreement, installment unpaid', ACCEPTED: 'freeze what is owed', ENFORCING: 'pay the creditor'}[state] || '';
}

function moneyPlain(fen) {
  return (Math.floor(fen / 100)) + '.' + String(fen % 100).padStart(2, '0');
}
