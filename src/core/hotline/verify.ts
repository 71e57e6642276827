// Signature checks and the offline verification of a hotline export: who sent
// what, when the server received it, when (and whether) the other side
// acknowledged it, and whether every signature holds. Runs anywhere Node runs;
// needs nothing but the export and, ideally, the deployment's public key
// obtained independently.
import { createPublicKey, verify as edVerify, type KeyObject } from "node:crypto";
import { canonicalJson, sha256Hex } from "../audit/canonical.ts";
import { EXPORT_FORMAT, HOTLINE_FORMAT, RECEIPT_FORMAT, replyKinds, signedText, type MessageKind, type Receipt, type SignedMessage } from "./protocol.ts";

const SPKI_ED25519_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** Parses a public key given as base64 raw bytes or SPKI PEM; null when it is not an Ed25519 key. */
export function parsePublicKey(input: string): { raw: string; key: KeyObject; keyId: string } | null {
  try {
    let key: KeyObject;
    if (input.includes("BEGIN PUBLIC KEY")) key = createPublicKey(input);
    else {
      const raw = Buffer.from(input.trim(), "base64");
      if (raw.length !== 32) return null;
      key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: "der", type: "spki" });
    }
    if (key.asymmetricKeyType !== "ed25519") return null;
    const der = key.export({ type: "spki", format: "der" });
    const raw = der.subarray(der.length - 32).toString("base64");
    return { raw, key, keyId: hotlineKeyId(raw) };
  } catch {
    return null;
  }
}

export function hotlineKeyId(rawB64: string): string {
  return "ed25519:" + sha256Hex(Buffer.from(rawB64, "base64")).slice(0, 16);
}

/** Ed25519 over the canonical text; the signature may be base64 or base64url. */
export function verifyMessageSignature(publicKeyRawB64: string, message: SignedMessage, signature: string): boolean {
  const k = parsePublicKey(publicKeyRawB64);
  return k !== null && verifySignedText(k.key, signedText(message), signature);
}

/** The same check on a parsed key and the canonical text already computed (`signedText`). */
export function verifySignedText(key: KeyObject, text: string, signature: string): boolean {
  const sig = Buffer.from(signature, "base64");
  if (sig.length !== 64) return false;
  try {
    return edVerify(null, Buffer.from(text, "utf8"), key, sig);
  } catch {
    return false;
  }
}

/** `verifySignedText` on libuv's thread pool: a server checks signatures without holding its event loop. */
export function verifySignedTextAsync(key: KeyObject, text: string, signature: string): Promise<boolean> {
  const sig = Buffer.from(signature, "base64");
  if (sig.length !== 64) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      edVerify(null, Buffer.from(text, "utf8"), key, sig, (err, ok) => resolve(!err && ok));
    } catch {
      resolve(false);
    }
  });
}

export function verifyReceipt(deploymentPublicKeyPem: string, r: Receipt): boolean {
  try {
    return edVerify(null, Buffer.from(canonicalJson(r.body), "utf8"), createPublicKey(deploymentPublicKeyPem), Buffer.from(r.signature, "base64"));
  } catch {
    return false;
  }
}

export interface HotlineExport {
  format: typeof EXPORT_FORMAT;
  deployment: string;
  exported_at: string;
  exported_by: { user_id: string; party: string | null };
  deployment_key: { key_id: string; public_key: string };
  thread: { id: string; title: string; parties: string[]; via: string; mediator: string | null };
  keys: Array<{ key_id: string; user_id: string; username: string | null; party: string | null; public_key: string; created_at: string; revoked_at: string | null }>;
  messages: Array<{ id: string; seq: number; payload: SignedMessage; signature: string; receipt: Receipt; checks: unknown }>;
  /** Delivery and read receipts. */
  receipts: Receipt[];
}

export interface VerifiedMessage {
  id: string;
  seq: number;
  kind: MessageKind;
  sender: { user_id: string; username: string | null; party: string | null; key_id: string };
  client_time: string;
  received_at: string | null;
  late: boolean | null;
  shortfall_minutes: number | null;
  refers_to: string | null;
  corrects: string | null;
  acknowledged: { message_id: string; kind: MessageKind; party: string | null; user_id: string; received_at: string | null } | null;
  delivered: Array<{ party: string | null; user_id: string | null; at: string }>;
  read: Array<{ party: string | null; user_id: string | null; at: string }>;
  signature_ok: boolean;
  receipt_ok: boolean;
}

export interface HotlineVerifyReport {
  ok: boolean;
  deployment: string;
  thread_id: string;
  key_id: string;
  key_source: "given" | "embedded in the export";
  problems: string[];
  messages: VerifiedMessage[];
}

/** Checks every signature and link in an export; `problems` names each failure. */
export function verifyHotlineExport(exp: HotlineExport, deploymentPublicKeyPem: string | null): HotlineVerifyReport {
  const problems: string[] = [];
  if (exp.format !== EXPORT_FORMAT) throw new Error(`not a Truceline hotline export (format ${String(exp.format)})`);
  const depKey = deploymentPublicKeyPem ?? exp.deployment_key.public_key;
  const keys = new Map(exp.keys.map((k) => [k.key_id, k]));
  for (const k of exp.keys) {
    const parsed = parsePublicKey(k.public_key);
    if (!parsed || parsed.keyId !== k.key_id) problems.push(`key ${k.key_id}: its public key does not match its id`);
  }
  const byId = new Map<string, VerifiedMessage>();
  const out: VerifiedMessage[] = [];
  const sorted = [...exp.messages].sort((a, b) => a.seq - b.seq);
  sorted.forEach((m, i) => {
    const where = `message ${m.id} (seq ${m.seq})`;
    if (m.seq !== i + 1) problems.push(`${where}: expected seq ${i + 1}; a message is missing before it`);
    const p = m.payload;
    const key = keys.get(p.key_id);
    let signatureOk = false;
    if (p.format !== HOTLINE_FORMAT) problems.push(`${where}: unknown payload format ${String(p.format)}`);
    if (p.deployment !== exp.deployment) problems.push(`${where}: signed for deployment ${p.deployment}, not ${exp.deployment}`);
    if (p.thread_id !== exp.thread.id) problems.push(`${where}: signed for thread ${p.thread_id}, not ${exp.thread.id}`);
    if (!key) problems.push(`${where}: signed with key ${p.key_id}, which the export does not include`);
    else if (key.user_id !== p.sender) problems.push(`${where}: key ${p.key_id} belongs to ${key.user_id}, not the stated sender ${p.sender}`);
    else {
      signatureOk = verifyMessageSignature(key.public_key, p, m.signature);
      if (!signatureOk) problems.push(`${where}: the sender's signature does not verify`);
    }
    const r = m.receipt.body;
    const receiptOk = verifyReceipt(depKey, m.receipt);
    if (!receiptOk) problems.push(`${where}: the server's receipt signature does not verify with key ${exp.deployment_key.key_id}`);
    if (r.format !== RECEIPT_FORMAT || r.event !== "received") problems.push(`${where}: the receipt is not a receive receipt`);
    if (r.message_id !== m.id || r.thread_seq !== m.seq || r.thread_id !== exp.thread.id) problems.push(`${where}: the receipt names another message`);
    if (r.payload_sha256 !== sha256Hex(signedText(p))) problems.push(`${where}: the receipt was issued for other content (payload hash differs)`);
    if (r.sender_signature !== m.signature) problems.push(`${where}: the receipt was issued for another signature`);
    const checksHash = m.checks === null || m.checks === undefined ? null : sha256Hex(canonicalJson(m.checks));
    if (r.findings_sha256 !== checksHash) problems.push(`${where}: the stored checks differ from those the receipt vouches for`);
    if (key?.revoked_at && key.revoked_at <= r.at) problems.push(`${where}: received after its key was revoked (${key.revoked_at})`);
    const v: VerifiedMessage = {
      id: m.id,
      seq: m.seq,
      kind: p.kind,
      sender: { user_id: p.sender, username: key?.username ?? null, party: key?.party ?? null, key_id: p.key_id },
      client_time: p.client_time,
      received_at: receiptOk ? r.at : null,
      late: r.late,
      shortfall_minutes: r.shortfall_minutes,
      refers_to: p.refers_to,
      corrects: p.corrects,
      acknowledged: null,
      delivered: [],
      read: [],
      signature_ok: signatureOk,
      receipt_ok: receiptOk,
    };
    byId.set(m.id, v);
    out.push(v);
  });
  for (const v of out) {
    if (v.refers_to !== null && !byId.has(v.refers_to)) problems.push(`message ${v.id}: refers to ${v.refers_to}, which is not in the export`);
    if (v.corrects !== null && !byId.has(v.corrects)) problems.push(`message ${v.id}: corrects ${v.corrects}, which is not in the export`);
    if (!replyKinds.includes(v.kind) || v.refers_to === null || !v.signature_ok || !v.receipt_ok) continue;
    const orig = byId.get(v.refers_to);
    if (orig && orig.acknowledged === null && orig.sender.party !== v.sender.party) {
      orig.acknowledged = { message_id: v.id, kind: v.kind, party: v.sender.party, user_id: v.sender.user_id, received_at: v.received_at };
    }
  }
  for (const rc of exp.receipts) {
    const b = rc.body;
    const target = byId.get(b.message_id);
    if (!verifyReceipt(depKey, rc)) {
      problems.push(`${b.event} receipt for ${b.message_id} (${b.party ?? "?"}): signature does not verify`);
      continue;
    }
    if (!target) {
      problems.push(`${b.event} receipt for ${b.message_id}: no such message in the export`);
      continue;
    }
    const src = exp.messages.find((m) => m.id === b.message_id)!;
    if (b.payload_sha256 !== sha256Hex(signedText(src.payload))) problems.push(`${b.event} receipt for ${b.message_id}: issued for other content`);
    const entry = { party: b.party, user_id: b.user_id, at: b.at };
    if (b.event === "delivered") target.delivered.push(entry);
    else if (b.event === "read") target.read.push(entry);
  }
  return { ok: problems.length === 0, deployment: exp.deployment, thread_id: exp.thread.id, key_id: exp.deployment_key.key_id, key_source: deploymentPublicKeyPem ? "given" : "embedded in the export", problems, messages: out };
}
