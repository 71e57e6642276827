// The audit log's hash chain and its offline verification. Each entry commits
// to the previous entry's hash; signed checkpoints commit to the chain head.
// A party's export may replace entries it may not see by placeholders carrying
// only {seq, hash}: the chain still links through them, so nothing can be
// dropped, inserted or reordered without the verifier noticing.
import { createPublicKey, verify as edVerify } from "node:crypto";
import { canonicalJson, hashCanonical } from "./canonical.ts";

export const GENESIS_HASH = "0".repeat(64);

/** The fields an entry's hash covers, in the order they are documented. */
export interface AuditEntryBody {
  seq: number;
  prev_hash: string;
  at: string;
  actor_user: string | null;
  actor_party: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  /** SHA-256 of the subject's canonical state after the change; null when deleted. */
  state_hash: string | null;
  distribution: string;
  owner_party: string | null;
}

export interface AuditEntry extends AuditEntryBody {
  hash: string;
}

/** What a party receives in place of an entry it may not see. */
export interface AuditPlaceholder {
  seq: number;
  hash: string;
  hidden: true;
}

export interface AuditCheckpointBody {
  deployment: string;
  seq: number;
  head_hash: string;
  at: string;
}

export interface AuditCheckpoint extends AuditCheckpointBody {
  key_id: string;
  /** Ed25519 signature (base64) over the canonical JSON of the body. */
  signature: string;
}

export function entryHash(body: AuditEntryBody): string {
  return hashCanonical({
    seq: body.seq,
    prev_hash: body.prev_hash,
    at: body.at,
    actor_user: body.actor_user,
    actor_party: body.actor_party,
    action: body.action,
    subject_type: body.subject_type,
    subject_id: body.subject_id,
    state_hash: body.state_hash,
    distribution: body.distribution,
    owner_party: body.owner_party,
  });
}

export function checkpointMessage(cp: AuditCheckpointBody): Buffer {
  return Buffer.from(canonicalJson({ deployment: cp.deployment, seq: cp.seq, head_hash: cp.head_hash, at: cp.at }));
}

export function verifyCheckpointSignature(cp: AuditCheckpoint, publicKeyPem: string): boolean {
  try {
    return edVerify(null, checkpointMessage(cp), createPublicKey(publicKeyPem), Buffer.from(cp.signature, "base64"));
  } catch {
    return false;
  }
}

export interface ChainProblem {
  seq: number | null;
  problem: string;
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  hidden: number;
  checkpoints: number;
  head: { seq: number; hash: string } | null;
  /** The first problem found, naming the entry; null when ok. */
  first_bad: ChainProblem | null;
}

function isPlaceholder(e: AuditEntry | AuditPlaceholder): e is AuditPlaceholder {
  return (e as AuditPlaceholder).hidden === true;
}

/**
 * Verify a chain (full or with placeholders) and its checkpoints. Entries must
 * start at seq 1 and be consecutive. Every checkpoint must be signed by the
 * given key and name a seq whose hash equals its head. When `requireCovered`
 * is set the last entry must be covered by a checkpoint (a truncated tail
 * otherwise goes unseen).
 */
export function verifyChain(
  items: ReadonlyArray<AuditEntry | AuditPlaceholder>,
  checkpoints: readonly AuditCheckpoint[],
  publicKeyPem: string | null,
  opts: { requireCovered?: boolean } = {},
): ChainReport {
  const fail = (seq: number | null, problem: string, n: number, hidden: number): ChainReport => ({
    ok: false, entries: n, hidden, checkpoints: checkpoints.length, head: null, first_bad: { seq, problem },
  });
  const hashes: string[] = [];
  let prev = GENESIS_HASH;
  let hidden = 0;
  for (let i = 0; i < items.length; i++) {
    const e = items[i]!;
    const expectedSeq = i + 1;
    if (e.seq !== expectedSeq) {
      return fail(expectedSeq, e.seq > expectedSeq ? `entry ${expectedSeq} is missing (found ${e.seq} in its place)` : `entry ${e.seq} appears out of order at position ${expectedSeq}`, i, hidden);
    }
    if (isPlaceholder(e)) {
      hidden++;
      if (!/^[0-9a-f]{64}$/.test(e.hash)) return fail(e.seq, `placeholder ${e.seq} has no valid hash`, i, hidden);
      hashes.push(e.hash);
      prev = e.hash;
      continue;
    }
    if (e.prev_hash !== prev) return fail(e.seq, `entry ${e.seq} does not link to entry ${e.seq - 1} (prev_hash differs): an entry before it was changed, removed or inserted`, i, hidden);
    const h = entryHash(e);
    if (h !== e.hash) return fail(e.seq, `entry ${e.seq} was altered: its content no longer matches its hash`, i, hidden);
    hashes.push(h);
    prev = h;
  }
  let maxCovered = 0;
  for (const cp of checkpoints) {
    if (publicKeyPem !== null && !verifyCheckpointSignature(cp, publicKeyPem)) {
      return fail(cp.seq, `checkpoint at entry ${cp.seq} has a signature that does not verify with the deployment key`, items.length, hidden);
    }
    if (cp.seq === 0) continue;
    const h = hashes[cp.seq - 1];
    if (h === undefined) return fail(cp.seq, `checkpoint at entry ${cp.seq} covers entries that are missing: the log ends at ${items.length} (truncated)`, items.length, hidden);
    if (h !== cp.head_hash) return fail(cp.seq, `the chain up to entry ${cp.seq} differs from what the signed checkpoint recorded`, items.length, hidden);
    maxCovered = Math.max(maxCovered, cp.seq);
  }
  if (opts.requireCovered && items.length > maxCovered) {
    return fail(maxCovered + 1, `entries after ${maxCovered} are not covered by a signed checkpoint`, items.length, hidden);
  }
  const last = items.length ? { seq: items.length, hash: hashes[items.length - 1]! } : null;
  return { ok: true, entries: items.length, hidden, checkpoints: checkpoints.length, head: last, first_bad: null };
}
