// Appends to the hash chain inside the caller's transaction, signs
// checkpoints, exports a party's view and checks the database against the chain.
import { sql } from "kysely";
import {
  GENESIS_HASH,
  entryHash,
  verifyChain,
  checkpointMessage,
  type AuditCheckpoint,
  type AuditEntry,
  type AuditPlaceholder,
  type ChainReport,
} from "../../../core/audit/chain.ts";
import { hashCanonical } from "../../../core/audit/canonical.ts";
import { canSee, type Distribution, type Viewer } from "../../../core/access/distribution.ts";
import { lockSequence, type Db, type DbOrTx, type Dialect, type Tx } from "../db/database.ts";
import type { DeploymentKey } from "../crypto/keys.ts";
import type { Clock } from "../clock.ts";
import { auditedSubjects } from "./subjects.ts";
import { lockSequenceWith, type Statements } from "../db/statements.ts";

export interface Actor {
  userId: string | null;
  party: string | null;
}

export const systemActor: Actor = { userId: null, party: null };

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  distribution: Distribution;
  ownerParty: string | null;
}

export interface AuditExport {
  format: "truceline-audit-export/1";
  deployment: string;
  party: string | null;
  public_key: string;
  key_id: string;
  exported_at: string;
  entries: Array<AuditEntry | AuditPlaceholder>;
  checkpoints: AuditCheckpoint[];
}

async function subjectState(db: DbOrTx, type: string, id: string): Promise<Record<string, unknown> | null> {
  const s = auditedSubjects[type];
  if (!s) throw new Error(`audit: subject type ${type} is not registered`);
  const row = (await db
    .selectFrom(s.table as never)
    .select(s.columns as never)
    .where(s.key as never, "=", id as never)
    .executeTakeFirst());
  if (!row) return null;
  const extra = s.extra ? (await s.extra(db, [id])).get(id) : undefined;
  return extra === undefined ? row : { ...row, _extra: extra };
}

export class AuditService {
  constructor(
    private readonly dialect: Dialect,
    private readonly key: DeploymentKey,
    private readonly deploymentId: string,
    private readonly clock: Clock,
  ) {}

  /** Record a change made in `tx`. The subject's state is read back from `tx` so it is what was written. */
  async record(tx: Tx, actor: Actor, rec: AuditRecord): Promise<AuditEntry> {
    const state = await subjectState(tx, rec.subjectType, rec.subjectId);
    const stateHash = state === null ? null : hashCanonical(state);
    await lockSequence(tx, this.dialect, "truceline_audit");
    const head = await tx.selectFrom("audit_log").select(["seq", "hash"]).orderBy("seq", "desc").limit(1).executeTakeFirst();
    const body = {
      seq: (head?.seq ?? 0) + 1,
      prev_hash: head?.hash ?? GENESIS_HASH,
      at: this.clock.now().toISOString(),
      actor_user: actor.userId,
      actor_party: actor.party,
      action: rec.action,
      subject_type: rec.subjectType,
      subject_id: rec.subjectId,
      state_hash: stateHash,
      distribution: rec.distribution,
      owner_party: rec.ownerParty,
    };
    const entry: AuditEntry = { ...body, hash: entryHash(body) };
    await tx.insertInto("audit_log").values(entry).execute();
    return entry;
  }

  /**
   * Entries for rows the caller has just written in `st`'s transaction, in
   * one statement: each row's state is taken from the values written (the
   * subject's registered columns, all of which must be given) instead of
   * being read back. Same chain, same hashes as `record`.
   */
  async recordWritten(st: Statements, actor: Actor, items: ReadonlyArray<{ rec: AuditRecord; row: object }>): Promise<AuditEntry[]> {
    if (!items.length) return [];
    const states = items.map(({ rec, row }) => {
      const s = auditedSubjects[rec.subjectType];
      if (!s || s.extra) throw new Error(`audit: subject type ${rec.subjectType} is not registered, or its state is more than its row`);
      const state: Record<string, unknown> = {};
      const written = row as Readonly<Record<string, unknown>>;
      for (const c of s.columns) {
        if (written[c] === undefined) throw new Error(`audit: the written ${rec.subjectType} lacks column ${c}`);
        state[c] = written[c];
      }
      return hashCanonical(state);
    });
    await lockSequenceWith(st, "truceline_audit");
    const head = await st.get<{ seq: number; hash: string }>("select seq, hash from audit_log order by seq desc limit 1");
    let seq = Number(head?.seq ?? 0);
    let prev = head?.hash ?? GENESIS_HASH;
    const at = this.clock.now().toISOString();
    const entries = items.map(({ rec }, i): AuditEntry => {
      const body = { seq: ++seq, prev_hash: prev, at, actor_user: actor.userId, actor_party: actor.party, action: rec.action, subject_type: rec.subjectType, subject_id: rec.subjectId, state_hash: states[i]!, distribution: rec.distribution, owner_party: rec.ownerParty };
      const entry = { ...body, hash: entryHash(body) };
      prev = entry.hash;
      return entry;
    });
    const cols = ["seq", "prev_hash", "hash", "at", "actor_user", "actor_party", "action", "subject_type", "subject_id", "state_hash", "distribution", "owner_party"] as const;
    await st.run(`insert into audit_log (${cols.join(", ")}) values ${entries.map(() => `(${cols.map(() => "?").join(", ")})`).join(", ")}`, entries.flatMap((e) => cols.map((c) => e[c])));
    return entries;
  }

  /** Sign the current head. Returns null when there is nothing new to cover. */
  async checkpoint(db: Db): Promise<AuditCheckpoint | null> {
    return db.transaction().execute(async (tx) => {
      await lockSequence(tx, this.dialect, "truceline_audit");
      const head = await tx.selectFrom("audit_log").select(["seq", "hash"]).orderBy("seq", "desc").limit(1).executeTakeFirst();
      if (!head) return null;
      const last = await tx.selectFrom("audit_checkpoints").select("seq").orderBy("seq", "desc").limit(1).executeTakeFirst();
      if (last && last.seq >= head.seq) return null;
      const body = { deployment: this.deploymentId, seq: head.seq, head_hash: head.hash, at: this.clock.now().toISOString() };
      const cp: AuditCheckpoint = { ...body, key_id: this.key.keyId, signature: this.key.sign(checkpointMessage(body)) };
      await tx.insertInto("audit_checkpoints").values(cp).execute();
      return cp;
    });
  }

  private async readAll(db: DbOrTx): Promise<{ entries: AuditEntry[]; checkpoints: AuditCheckpoint[] }> {
    const entries = (await db.selectFrom("audit_log").selectAll().orderBy("seq").execute()) as AuditEntry[];
    const checkpoints = (await db.selectFrom("audit_checkpoints").selectAll().orderBy("seq").execute()) as AuditCheckpoint[];
    return { entries, checkpoints };
  }

  /**
   * A viewer's export: entries it may see in full, the others as hash-only
   * placeholders, plus every checkpoint. `null` viewer = the operator's full export.
   */
  async export(db: DbOrTx, viewer: Viewer | null): Promise<AuditExport> {
    const { entries, checkpoints } = await this.readAll(db);
    const out = entries.map((e): AuditEntry | AuditPlaceholder =>
      viewer === null || canSee(viewer, e.distribution as Distribution, e.owner_party) ? e : { seq: e.seq, hash: e.hash, hidden: true },
    );
    return {
      format: "truceline-audit-export/1",
      deployment: this.deploymentId,
      party: viewer?.party ?? null,
      public_key: this.key.publicKeyPem,
      key_id: this.key.keyId,
      exported_at: this.clock.now().toISOString(),
      entries: out,
      checkpoints,
    };
  }

  /**
   * The server's own check at start: the chain and its checkpoints, then every
   * audited table against the last state the chain recorded for each row.
   */
  async integrityCheck(db: DbOrTx): Promise<{ ok: boolean; problems: string[]; chain: ChainReport }> {
    const { entries, checkpoints } = await this.readAll(db);
    const chain = verifyChain(entries, checkpoints, this.key.publicKeyPem);
    const problems: string[] = [];
    if (!chain.ok && chain.first_bad) problems.push(`audit chain: ${chain.first_bad.problem}`);
    const latest = new Map<string, string | null>();
    for (const e of entries) latest.set(`${e.subject_type}\u0000${e.subject_id}`, e.state_hash);
    for (const [type, s] of Object.entries(auditedSubjects)) {
      const rows = (await db.selectFrom(s.table as never).select(s.columns as never).execute()) as Array<Record<string, unknown>>;
      const ids = rows.map((r) => String(r[s.key]));
      const extra = s.extra ? await s.extra(db, ids) : new Map<string, unknown>();
      const seen = new Set<string>();
      for (const row of rows) {
        const id = String(row[s.key]);
        seen.add(id);
        const k = `${type}\u0000${id}`;
        const x = extra.get(id);
        const h = hashCanonical(x === undefined ? row : { ...row, _extra: x });
        if (!latest.has(k)) problems.push(`${type} ${id}: present in table ${s.table} but never recorded in the audit log (inserted behind the server's back)`);
        else if (latest.get(k) === null) problems.push(`${type} ${id}: the audit log records it as deleted, yet it is in table ${s.table}`);
        else if (latest.get(k) !== h) problems.push(`${type} ${id}: its row in table ${s.table} differs from the state the audit log last recorded (edited behind the server's back)`);
      }
      for (const [k, h] of latest) {
        const [t, id] = k.split("\u0000") as [string, string];
        if (t === type && h !== null && !seen.has(id)) problems.push(`${type} ${id}: recorded in the audit log but missing from table ${s.table} (deleted behind the server's back)`);
      }
      if (problems.length > 50) break;
    }
    return { ok: problems.length === 0, problems, chain };
  }

  async listCheckpoints(db: DbOrTx, limit: number): Promise<AuditCheckpoint[]> {
    return (await db.selectFrom("audit_checkpoints").selectAll().orderBy("seq", "desc").limit(limit).execute());
  }

  async count(db: DbOrTx): Promise<number> {
    const r = await db.selectFrom("audit_log").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
