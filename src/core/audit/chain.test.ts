import { test } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync, sign } from "node:crypto";
import fc from "fast-check";
import { GENESIS_HASH, checkpointMessage, entryHash, verifyChain, type AuditCheckpoint, type AuditEntry, type AuditPlaceholder } from "./chain.ts";
import { canonicalJson } from "./canonical.ts";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const pub = publicKey.export({ type: "spki", format: "pem" }).toString();

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const body = { seq: i, prev_hash: prev, at: `2026-01-01T00:00:${String(i % 60).padStart(2, "0")}.000Z`, actor_user: "u", actor_party: i % 2 ? "ISR" : "SYR", action: "x.create", subject_type: "note", subject_id: `n${i}`, state_hash: "ab".repeat(32), distribution: i % 2 ? "party:ISR" : "shared", owner_party: i % 2 ? "ISR" : "SYR" };
    const e = { ...body, hash: entryHash(body) };
    out.push(e);
    prev = e.hash;
  }
  return out;
}

function checkpoint(entries: AuditEntry[], seq: number): AuditCheckpoint {
  const body = { deployment: "dep_1", seq, head_hash: entries[seq - 1]!.hash, at: "2026-01-02T00:00:00.000Z" };
  return { ...body, key_id: "k", signature: sign(null, checkpointMessage(body), privateKey).toString("base64") };
}

test("canonical JSON sorts keys and is stable", () => {
  assert.equal(canonicalJson({ b: 1, a: [2, { d: 1, c: "x" }] }), '{"a":[2,{"c":"x","d":1}],"b":1}');
});

test("an intact chain with a covering checkpoint verifies; placeholders keep it verifiable", () => {
  const e = chain(10);
  assert.equal(verifyChain(e, [checkpoint(e, 10)], pub, { requireCovered: true }).ok, true);
  const partial: Array<AuditEntry | AuditPlaceholder> = e.map((x) => (x.owner_party === "ISR" ? { seq: x.seq, hash: x.hash, hidden: true as const } : x));
  const r = verifyChain(partial, [checkpoint(e, 10)], pub, { requireCovered: true });
  assert.equal(r.ok, true);
  assert.equal(r.hidden, 5);
});

test("a forged checkpoint signature is rejected", () => {
  const e = chain(3);
  const cp = { ...checkpoint(e, 3), signature: Buffer.alloc(64).toString("base64") };
  const r = verifyChain(e, [cp], pub);
  assert.equal(r.ok, false);
  assert.match(r.first_bad!.problem, /signature/);
});

test("entries after the last checkpoint are reported when coverage is required", () => {
  const e = chain(6);
  const r = verifyChain(e, [checkpoint(e, 4)], pub, { requireCovered: true });
  assert.equal(r.ok, false);
  assert.equal(r.first_bad!.seq, 5);
});

test("property: any single edit, deletion, insertion or swap is detected and located", () => {
  fc.assert(
    fc.property(fc.integer({ min: 3, max: 30 }), fc.nat(), fc.constantFrom("edit", "delete", "insert", "swap", "hide-edit"), (n, pick, kind) => {
      const e = chain(n);
      const cps = [checkpoint(e, n)];
      const i = pick % (n - 1);
      let items: Array<AuditEntry | AuditPlaceholder> = e.map((x) => ({ ...x }));
      if (kind === "edit") (items[i] as AuditEntry).subject_id = "forged";
      if (kind === "delete") items.splice(i, 1);
      if (kind === "insert") items.splice(i, 0, { ...e[i]!, subject_id: "extra" });
      if (kind === "swap") [items[i], items[i + 1]] = [items[i + 1]!, items[i]!];
      if (kind === "hide-edit") items = items.map((x, j) => (j === i ? { seq: x.seq, hash: "f".repeat(64), hidden: true as const } : x));
      const r = verifyChain(items, cps, pub, { requireCovered: true });
      assert.equal(r.ok, false, `${kind} at ${i}`);
      assert.ok(r.first_bad!.seq !== null && r.first_bad!.seq <= i + 2, `${kind} located near ${i + 1}, got ${r.first_bad!.seq}`);
    }),
    { numRuns: 300 },
  );
});
