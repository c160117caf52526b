// Showing ledger values to people: yuan with two decimals (exact, from integer fen), times in the chain's
// time zone, short hashes. Parsing amounts never goes through floating point.

const GROUP = /\B(?=(\d{3})+(?!\d))/g;

/** 123456 fen → "1,234.56". Accepts numbers or BigInt. */
export function yuan(fen) {
  if (fen === null || fen === undefined) return 'no cap';
  let f = BigInt(fen);
  const neg = f < 0n;
  if (neg) f = -f;
  const whole = (f / 100n).toString().replace(GROUP, ',');
  const cents = (f % 100n).toString().padStart(2, '0');
  return (neg ? '−' : '') + whole + '.' + cents;
}

/** "¥1,234.56" */
export function money(fen) {
  if (fen === null || fen === undefined) return 'no cap';
  const t = yuan(fen);
  return t.startsWith('−') ? '−¥' + t.slice(1) : '¥' + t;
}

/**
 * "1,234.5" → 123450 (a Number of fen, exact up to 2^53). Throws an Error in plain words when the text is
 * not an amount of yuan with at most two decimals.
 */
export function parseYuan(text) {
  const t = String(text).trim().replace(/[,\s¥]/g, '');
  const m = /^(\d{1,13})(?:\.(\d{0,2}))?$/.exec(t);
  if (!m) throw new Error('Please type an amount in yuan, like 12.50 (at most two decimals).');
  const fen = BigInt(m[1]) * 100n + BigInt((m[2] || '').padEnd(2, '0'));
  if (fen === 0n) throw new Error('The amount must be more than 0.00.');
  return Number(fen);
}

let offsetMinutes = 480;
let zoneLabel = 'UTC+08:00';

/** Sets the chain's time zone from /v1/status ("+08:00"). */
export function setTimeZone(tz) {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(tz || '');
  if (!m) return;
  offsetMinutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  zoneLabel = 'UTC' + tz;
}

export function zone() {
  return zoneLabel;
}

/** Epoch ms → "2026-11-26 09:15:02" in the chain's time zone. */
export function time(ms) {
  if (ms === null || ms === undefined) return '';
  const d = new Date(Number(ms) + offsetMinutes * 60000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** A datetime-local input's value, read in the chain's time zone → epoch ms. */
export function parseLocalTime(value) {
  const ms = Date.parse(value + 'Z');
  if (Number.isNaN(ms)) throw new Error('Please give a date and time.');
  return ms - offsetMinutes * 60000;
}

/** Epoch ms → a datetime-local value in the chain's time zone. */
export function localInputValue(ms) {
  return new Date(ms + offsetMinutes * 60000).toISOString().slice(0, 16);
}

/** A Date whose local fields show the chain's wall-clock time at ms (for charting libraries that use local time). */
export function wallDate(ms) {
  const d = new Date(ms);
  return new Date(ms + (offsetMinutes + d.getTimezoneOffset()) * 60000);
}

export function ago(ms, now = Date.now()) {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return s + ' s ago';
  if (s < 3600) return Math.floor(s / 60) + ' min ago';
  if (s < 86400) return Math.floor(s / 3600) + ' h ago';
  return Math.floor(s / 86400) + ' d ago';
}

export function short(h, n = 10) {
  if (!h) return '';
  return h.length > n + 2 ? h.slice(0, n) + '…' : h;
}

/** Escapes text for HTML. Everything shown that came from the node goes through this. */
export function esc(v) {
  return String(v ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}
