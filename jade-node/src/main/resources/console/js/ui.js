// Small pieces the views share: links, the outcome of a submission, role gates, option lists.
import {esc, short, money} from './format.js';
import {plain} from './api.js';

export function txLink(h) {
  return h ? `<a class="mono" href="#/tx/${esc(h)}" title="${esc(h)}">${esc(short(h))}</a>` : '';
}

export function blockLink(n) {
  return `<a href="#/block/${esc(n)}">#${esc(n)}</a>`;
}

/** An address, named when it is a demo identity's, linking to the explorer's address page. */
export function addr(app, a) {
  if (!a) return '';
  const n = app.name(a);
  return `<a class="${n ? '' : 'mono'}" href="#/address/${esc(a)}" title="${esc(a)}">${esc(n || short(a, 12))}</a>`;
}

/** The outcome of app.act(): confirmed with its block, or the refusal in plain words. */
export function outcome(el, r, done) {
  if (r.ok) {
    el.innerHTML = `<div class="ok" role="status"><strong>Confirmed</strong> in block ${blockLink(r.height)} —
      ${esc(done)} <span class="sub">transaction ${txLink(r.txHash)}</span></div>`;
  } else {
    el.innerHTML = `<div class="refused" role="alert"><strong>Refused:</strong> ${esc(plain(r.code, r.message))}
      <span class="sub">code ${esc(r.code)}; nothing changed (transaction ${txLink(r.txHash)} in block
      ${blockLink(r.height)})</span></div>`;
  }
}

export function failure(el, e) {
  el.innerHTML = `<div class="refused" role="alert"><strong>Not sent:</strong> ${esc(plain(e.code, e.message))}</div>`;
}

/** Runs an async action from a form: disables it meanwhile, shows the outcome in `out`. */
export function onSubmit(form, out, fn) {
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button && (button.disabled = true);
    out.innerHTML = '<div class="pending" role="status">Sending… waiting for the next block</div>';
    try {
      await fn(new FormData(form));
    } catch (e) {
      failure(out, e);
    } finally {
      button && (button.disabled = false);
    }
  });
}

/**
 * When the acting identity has none of `roles`, a note with buttons to act as a suitable identity instead;
 * when the node is not a devnet, a note that the console is read-only. Returns true when the identity fits.
 */
export function gate(app, el, roles, what) {
  if (!app.identities) {
    el.innerHTML = `<p class="note">Read-only: ${esc(what)} needs a key, and outside a devnet this console never
      holds one. Use the <code>jade</code> command with your key file (see docs/adr/0009-console-signing.md).</p>`;
    return false;
  }
  const me = app.me();
  if (me && roles.includes(me.role)) return true;
  const fits = app.identities.filter(i => roles.includes(i.role));
  el.innerHTML = `<p class="note">${esc(what)} is done by ${esc(roles.map(r => r.toLowerCase().replace('_', ' ')).join(' or '))};
    you act as ${esc(app.as)}. ${fits.map(i => `<button type="button" class="link" data-as="${esc(i.id)}">Act as ${esc(i.id)}</button>`).join(' ')}</p>`;
  el.querySelectorAll('button[data-as]').forEach(b => b.addEventListener('click', () => app.setAs(b.dataset.as)));
  return false;
}

/** <option>s for the demo identities with one of `roles` (PERSON for people), by address or id. */
export function options(app, roles, value = 'address', selected = null) {
  return (app.identities || []).filter(i => roles.includes(i.role))
      .map(i => `<option value="${esc(i[value])}" ${i[value] === selected ? 'selected' : ''}>${esc(i.id)}</option>`).join('');
}

export function amountCell(fen) {
  return `<td class="num">${esc(money(fen))}</td>`;
}

export function empty(text) {
  return `<p class="empty">${esc(text)}</p>`;
}
