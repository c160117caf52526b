// Checks a receipt bundle (GET /v1/transactions/{hash}/proof) in the browser: the header's encoding
// against its hash, the transaction's hash, and the RFC 9162 inclusion proofs of the transaction and its
// receipt against the roots inside the encoded header — the bytes and prefixes of jade-core's MerkleTree:
// leaf = H(0x00 || data), node = H(0x01 || left || right). The commit certificate's signatures (SM2 or
// Ed25519) are not checked here; `jade proof verify` checks them against the genesis validators.
import {chainHash, hex, unhex} from './hash.js';

/** Reads the fields of an encoded block header (jade-core BlockHeader.encode). */
export function decodeHeader(bytes) {
  let p = 0;
  const u8 = () => bytes[p++];
  const varint = () => {
    let result = 0n, shift = 0n, b;
    do {
      b = bytes[p++];
      if (b === undefined) throw new Error('header ends inside a number');
      result |= BigInt(b & 0x7f) << shift;
      shift += 7n;
    } while (b & 0x80);
    return result;
  };
  const raw = n => {
    if (p + n > bytes.length) throw new Error('header is too short');
    const out = bytes.slice(p, p + n);
    p += n;
    return out;
  };
  const version = u8();
  if (version !== 1) throw new Error('unknown header version ' + version);
  const chainId = new TextDecoder().decode(raw(Number(varint())));
  const h = {
    chainId, height: Number(varint()), previousHash: hex(raw(32)), timestamp: Number(varint()),
    txCount: Number(varint()), txRoot: hex(raw(32)), receiptRoot: hex(raw(32)), stateRoot: hex(raw(32)),
    proposer: hex(raw(20)),
  };
  if (p !== bytes.length) throw new Error('header has trailing bytes');
  return h;
}

async function leafHash(H, data) {
  const b = new Uint8Array(data.length + 1);
  b.set(data, 1);
  return H(b);
}

async function nodeHash(H, left, right) {
  const b = new Uint8Array(65);
  b[0] = 1;
  b.set(left, 1);
  b.set(right, 33);
  return H(b);
}

/** RFC 9162 section 2.1.3.2: does the audit path lead from the leaf's data to the root? */
export async function verifyInclusion(H, data, proof, rootHex) {
  let fn = BigInt(proof.leafIndex);
  let sn = BigInt(proof.treeSize) - 1n;
  if (fn < 0n || fn > sn) return false;
  let r = await leafHash(H, data);
  for (const p of proof.path) {
    if (sn === 0n) return false;
    const sibling = unhex(p);
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(H, sibling, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
      }
    } else {
      r = await nodeHash(H, r, sibling);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && hex(r) === rootHex;
}

/**
 * The checks, in order, each {name, ok, detail}; stops at the first that fails.
 * A trigger's bundle (a deadline that filed a court case) has no transaction and no txProof.
 */
export async function verifyBundle(bundle, expectedHeaderHash) {
  const H = chainHash(bundle.suite);
  const checks = [];
  const check = (name, ok, detail) => { checks.push({name, ok, detail}); return ok; };
  let header;
  try {
    header = decodeHeader(unhex(bundle.header.encoded));
  } catch (e) {
    check('The block header decodes', false, e.message);
    return checks;
  }
  const shown = ['chainId', 'height', 'previousHash', 'timestamp', 'txCount', 'txRoot', 'receiptRoot', 'stateRoot', 'proposer'];
  const differs = shown.filter(f => String(bundle.header[f]) !== String(header[f]));
  if (!check('The header shown is the header encoded', differs.length === 0,
      differs.length ? 'fields differ: ' + differs.join(', ') : 'all ' + shown.length + ' fields match')) return checks;
  const hh = hex(await H(unhex(bundle.header.encoded)));
  if (!check('The header hashes to the block hash', hh === bundle.headerHash,
      (bundle.suite === 'sm' ? 'SM3' : 'SHA-256') + ' of the encoded header = ' + hh)) return checks;
  if (expectedHeaderHash !== undefined && !check('The node\'s block at this height has the same hash',
      hh === expectedHeaderHash, 'block ' + header.height + ': ' + expectedHeaderHash)) return checks;
  if (bundle.transaction) {
    const tx = unhex(bundle.transaction);
    const th = hex(await H(tx));
    if (!check('The transaction hashes to its id', th === bundle.txHash, th)) return checks;
    if (!check('The transaction is in the block (inclusion proof)',
        Number(bundle.txProof.treeSize) === header.txCount && await verifyInclusion(H, tx, bundle.txProof, header.txRoot),
        'leaf ' + bundle.txProof.leafIndex + ' of ' + bundle.txProof.treeSize + ', ' + bundle.txProof.path.length
        + ' sibling hash(es) → transaction root ' + header.txRoot)) return checks;
  }
  const receipt = unhex(bundle.receipt);
  if (!check('The receipt is for this ' + (bundle.transaction ? 'transaction' : 'ledger trigger'),
      hex(receipt.slice(1, 33)) === bundle.txHash, 'the receipt names ' + hex(receipt.slice(1, 33)))) return checks;
  check('The receipt is in the block (inclusion proof)',
      await verifyInclusion(H, receipt, bundle.receiptProof, header.receiptRoot),
      'leaf ' + bundle.receiptProof.leafIndex + ' of ' + bundle.receiptProof.treeSize + ' → receipt root ' + header.receiptRoot);
  return checks;
}
