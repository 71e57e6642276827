// ACLED CSV import: streamed with constant memory, in batches that are each
// one transaction (a crash leaves whole batches or nothing of one), idempotent
// on event_id_cnty (a later row updates, an identical one changes nothing),
// and every bad row reported by line number while the good rows go in.
import { StringDecoder } from "node:string_decoder";
import type { Distribution } from "../../../core/access/distribution.ts";
import { parseAcledHeader, parseAcledRow, parseDeletionsHeader, type AcledColumnSet, type AcledHeader } from "../../../core/incidents/acled.ts";
import { CsvReader, type CsvRecord } from "../../../core/incidents/csv.ts";
import type { IncidentData } from "../../../core/incidents/incident.ts";
import type { Actor } from "../../platform/audit/audit.service.ts";
import { sqliteConnection } from "../../platform/db/database.ts";
import { findByAcledIdsSqlite } from "./incident-bulk.ts";
import { incidentRepository as repo, type IncidentRow } from "./incident.repository.ts";
import { sameContent, type IncidentService } from "./incident.service.ts";

export interface ImportError {
  line: number;
  reason: string;
}

export interface ImportSummary {
  imported: number;
  updated: number;
  unchanged: number;
  deleted: number;
  columns: AcledColumnSet | null;
  errors: ImportError[];
  errors_truncated?: number;
}

export interface ImportOptions {
  distribution: Distribution;
  ownerParty?: string | null;
  batchSize?: number;
  /** Errors listed in the summary; more are counted in errors_truncated. */
  maxErrors?: number;
  /** Called after each committed batch (progress for the CLI). */
  onBatch?: (s: ImportSummary) => void;
}

async function* records(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<CsvRecord[]> {
  const dec = new StringDecoder("utf8");
  const reader = new CsvReader();
  for await (const chunk of input) {
    const recs = reader.push(typeof chunk === "string" ? chunk : dec.write(chunk));
    if (recs.length) yield recs;
  }
  const tail = reader.push(dec.end());
  tail.push(...reader.end());
  if (tail.length) yield tail;
}

export class AcledImporter {
  constructor(private readonly svc: IncidentService) {}

  async import(actor: Actor, input: AsyncIterable<Uint8Array | string>, opts: ImportOptions): Promise<ImportSummary> {
    const sum: ImportSummary = { imported: 0, updated: 0, unchanged: 0, deleted: 0, columns: null, errors: [] };
    const maxErrors = opts.maxErrors ?? 10_000;
    const fail = (line: number, reason: string) => {
      if (sum.errors.length < maxErrors) sum.errors.push({ line, reason });
      else sum.errors_truncated = (sum.errors_truncated ?? 0) + 1;
    };
    const conn = this.svc.d.dialect === "sqlite" ? sqliteConnection(this.svc.d.db) : null;
    // Larger batches on SQLite: its per-batch costs (trigger replay, set digest, commit) are then spread thin.
    const batchSize = opts.batchSize ?? (conn ? 10_000 : 5000);
    const classifier = await this.svc.getClassifier();
    let header: AcledHeader | null = null;
    let pending = new Map<string, { line: number; data: IncidentData }>();

    const flush = async () => {
      if (!pending.size) return;
      const batch = pending;
      pending = new Map();
      const now = this.svc.d.clock.now().toISOString();
      const share = { distribution: opts.distribution, owner_party: opts.ownerParty ?? null, source_distribution: null, created_by: actor.userId };
      const built = [...batch.values()].map((b) => ({ line: b.line, row: this.svc.buildRow(b.data, this.svc.classifyWith(classifier, b.data.longitude, b.data.latitude), share, now) }));
      await this.svc.d.db.transaction().execute(async (tx) => {
        const ids = [...batch.keys()];
        const existing = new Map<string, IncidentRow>();
        if (conn) for (const r of findByAcledIdsSqlite(conn, ids)) existing.set(r.event_id_cnty!, r);
        else for (let i = 0; i < ids.length; i += 500) for (const r of await repo.findByAcledIds(tx, ids.slice(i, i + 500))) existing.set(r.event_id_cnty!, r);
        const inserts: IncidentRow[] = [], replaces: IncidentRow[] = [];
        let unchanged = 0;
        for (const { row } of built) {
          const old = existing.get(row.event_id_cnty!);
          if (!old) { inserts.push(row); continue; }
          const next: IncidentRow = { ...row, id: old.id, source_distribution: old.source_distribution, verification: old.verification, merged_into: old.merged_into, distribution: old.distribution, owner_party: old.owner_party, created_by: old.created_by, created_at: old.created_at };
          if (sameContent(old, next)) unchanged++;
          else replaces.push(next);
        }
        await this.svc.writeRows(tx, actor, "incident.import", { inserts, replaces });
        sum.imported += inserts.length;
        sum.updated += replaces.length;
        sum.unchanged += unchanged;
      });
      opts.onBatch?.(sum);
    };

    for await (const recs of records(input)) {
      for (const rec of recs) {
        if ("error" in rec) { if (header) fail(rec.line, `malformed CSV: ${rec.error}`); else { fail(rec.line, `malformed CSV header: ${rec.error}`); return sum; } continue; }
        if (!header) {
          const h = parseAcledHeader(rec.fields);
          if (!h.ok) { fail(rec.line, h.problem); return sum; }
          header = h.header;
          sum.columns = header.set;
          continue;
        }
        const r = parseAcledRow(header, rec.fields);
        if (!r.ok) { fail(rec.line, r.reason); continue; }
        const key = r.data.event_id_cnty!;
        // The same id twice in one batch: write the earlier first, so the later row is an update of it.
        if (pending.has(key)) await flush();
        pending.set(key, { line: rec.line, data: r.data });
        if (pending.size >= batchSize) await flush();
      }
    }
    if (!header) fail(1, "the file is empty: expected an ACLED header row");
    await flush();
    if (sum.imported + sum.updated > 10_000) await repo.optimize(this.svc.d.db, this.svc.d.dialect);
    return sum;
  }

  /** ACLED deletions file: removes those events, unless claims, files or history hang on them (then reported, kept). */
  async deletions(actor: Actor, input: AsyncIterable<Uint8Array | string>, sum: ImportSummary, opts: { batchSize?: number } = {}): Promise<ImportSummary> {
    let idIndex = -1;
    let pending: Array<{ line: number; id: string }> = [];
    const flush = async () => {
      if (!pending.length) return;
      const batch = pending;
      pending = [];
      await this.svc.d.db.transaction().execute(async (tx) => {
        const rows = await repo.findByAcledIds(tx, batch.map((b) => b.id));
        const byId = new Map(rows.map((r) => [r.event_id_cnty!, r]));
        const held = await repo.hasDependents(tx, rows.map((r) => r.id));
        const del: string[] = [];
        for (const b of batch) {
          const r = byId.get(b.id);
          if (!r) continue; // already gone: deletions are idempotent too
          if (held.has(r.id)) { sum.errors.push({ line: b.line, reason: `deletions: ${b.id} has claims, evidence, verification history or merges; kept — withdraw it by hand` }); continue; }
          del.push(r.id);
        }
        await this.svc.writeRows(tx, actor, "incident.delete", { deletes: del });
        sum.deleted += del.length;
      });
    };
    for await (const recs of records(input)) {
      for (const rec of recs) {
        if ("error" in rec) { sum.errors.push({ line: rec.line, reason: `deletions: malformed CSV: ${rec.error}` }); if (idIndex < 0) return sum; continue; }
        if (idIndex < 0) {
          const h = parseDeletionsHeader(rec.fields);
          if (!h.ok) { sum.errors.push({ line: rec.line, reason: `deletions: ${h.problem}` }); return sum; }
          idIndex = h.idIndex;
          continue;
        }
        const id = rec.fields[idIndex]?.trim() ?? "";
        if (!id) { sum.errors.push({ line: rec.line, reason: "deletions: event_id_cnty: is required" }); continue; }
        pending.push({ line: rec.line, id });
        if (pending.length >= (opts.batchSize ?? 2000)) await flush();
      }
    }
    await flush();
    return sum;
  }
}
