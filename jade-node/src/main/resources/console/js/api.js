// Talking to the node: JSON reads, the devnet's demo signer, and refusals in plain words.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function request(method, path, body) {
  let res;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? {} : {'Content-Type': 'application/json'},
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'UNREACHABLE', 'The node did not answer. Is it running?');
  }
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
  if (!res.ok) {
    throw new ApiError(res.status, data?.error || 'HTTP_' + res.status, data?.message || text || res.statusText);
  }
  return data;
}

export const get = path => request('GET', path);
export const post = (path, body) => request('POST', path, body);

/** A GET that answers null on 404 instead of throwing. */
export async function find(path) {
  try {
    return await get(path);
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

const PLAIN = {
  INSUFFICIENT_FUNDS: 'There is not enough money available for this (frozen money cannot be spent).',
  LIMIT_EXCEEDED: 'This is over a limit of the wallet\'s class.',
  FROZEN: 'Money in this wallet is frozen by a court order.',
  NOT_FOUND: 'That does not exist on the ledger.',
  NOT_AUTHORISED: 'This identity is not allowed to do that.',
  INVALID_ARGUMENT: 'Something in the form is not right.',
  INVALID_STATE: 'That cannot be done at this stage.',
  ALREADY_EXISTS: 'That already exists.',
  BAD_NONCE: 'Another request by the same identity got in first; please try again.',
  DUPLICATE: 'This exact request was already sent.',
  MEMPOOL_FULL: 'The node is too busy right now; please try again in a moment.',
  NOT_A_READER: 'This identity is not among the readers of that record.',
  NOT_THE_REGULATOR: 'Only the regulator can see who holds a wallet.',
  UNREACHABLE: 'The node did not answer. Is it running?',
  OVERFLOW: 'The amount is too large.',
};

/** A refusal as a sentence a citizen understands, with the node's own words after it. */
export function plain(code, message) {
  const lead = PLAIN[code] || 'The request was refused.';
  return message && message !== lead ? lead + ' ' + sentence(message) : lead;
}

function sentence(m) {
  const t = String(m).trim();
  return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.');
}

/**
 * Submits through the devnet's demo signer (POST path with body) and waits for the block:
 * {ok, txHash, height, code, message, output, events}. A refusal at the door (bad nonce, …) throws ApiError.
 */
export async function act(path, body) {
  const sent = await post(path, body);
  for (let i = 0; i < 4; i++) {
    const tx = await get('/v1/transactions/' + sent.txHash + '?wait=15000');
    if (tx.status === 'COMMITTED') {
      return {
        ok: tx.receipt.code === 'OK', txHash: sent.txHash, height: tx.height, code: tx.receipt.code,
        message: tx.receipt.message, output: tx.receipt.output || {}, events: tx.receipt.events || [], sent,
      };
    }
  }
  throw new ApiError(0, 'TIMEOUT', 'The transaction was sent but is not in a block after a minute.');
}

/** A plain contract call as a demo identity: args as [type, value] pairs. */
export function call(as, contract, method, ...args) {
  return act('/v1/devnet/calls', {as, contract, method, args: args.map(([type, value]) => ({type, value}))});
}
