// How the audit chain vouches for incidents without one entry per row: every
// write puts the rows it touches into a new *set* (one per import batch, or
// one for a single edit), and the chain records the set with a digest of its
// rows. A row that later changes moves to the newer set, and the set it left
// is recorded again with its new digest, so the start-up check can compare
// every set with the chain — a row edited, added or removed behind the
// server's back changes some set's digest.
import { createHash } from "node:crypto";
import type SQLite from "better-sqlite3";
import { PostgresAdapter, sql } from "kysely";
import type { DbOrTx } from "../../platform/db/database.ts";
import { preparedOn } from "../../platform/db/statements.ts";
import { registerAuditedSubject } from "../../platform/audit/subjects.ts";
import type { IncidentsTable } from "./incident.table.ts";

/** Every column, in a fixed order: the digest covers all of them. */
export const INCIDENT_COLUMNS = [
  "id", "event_id_cnty", "event_date", "week", "time_precision", "disorder_type", "event_type", "sub_event_type",
  "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
  "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
  "error_radius_m", "source", "source_distribution", "source_scale", "notes", "fatalities", "tags", "acled_timestamp",
  "plover_event", "plover_mode", "plover_context", "zone", "line_distances", "near_line", "pack_admin1", "pack_id",
  "pack_version", "verification", "merged_into", "distribution", "owner_party", "created_by", "created_at", "updated_at", "audit_set",
] as const satisfies ReadonlyArray<keyof IncidentsTable>;

const PAGE = 10_000;

/**
 * Each row as one JSON array text built by the database itself: the digest
 * needs every column, and one string per row is several times cheaper to
 * move into JavaScript than an object of fifty properties. The same
 * expression serves writes and the start-up check, so they always agree.
 */
function rowJson(db: DbOrTx) {
  const cols = sql.join(INCIDENT_COLUMNS.map((c) => sql.ref(`incidents.${c}`)));
  return isPostgres(db) ? sql<string>`json_build_array(${cols})::text` : sql<string>`json_array(${cols})`;
}

// The dialect is a property of the Kysely instance; look it up once per instance.
const dialectOf = new WeakMap<object, boolean>();
function isPostgres(db: DbOrTx): boolean {
  let v = dialectOf.get(db);
  if (v === undefined) {
    v = db.getExecutor().adapter instanceof PostgresAdapter;
    dialectOf.set(db, v);
  }
  return v;
}

const EMPTY = createHash("sha256").digest("hex");

// A write transaction on SQLite can name its native connection (the same one
// Kysely runs it on): a set's digest then streams plain strings from one
// prepared statement instead of building a result object per row.
const nativeOf = new WeakMap<object, SQLite.Database>();
// The same text as rowJson() builds for SQLite, so both paths agree byte for byte.
const DIGEST_SQL = `select json_array(${INCIDENT_COLUMNS.map((c) => `"incidents"."${c}"`).join(", ")}) from incidents where audit_set = ? order by id`;
export function bindNativeSqlite(tx: DbOrTx, conn: SQLite.Database): void {
  nativeOf.set(tx, conn);
}

function nativeSetDigest(conn: SQLite.Database, id: string): string {
  const st = preparedOn(conn, DIGEST_SQL).pluck();
  const h = createHash("sha256");
  for (const j of st.iterate(id) as IterableIterator<string>) h.update(j + "\n");
  return h.digest("hex");
}

/** Digest of the rows currently in each of the given sets. Streams: constant memory for any table size. */
export async function setDigests(db: DbOrTx, ids: readonly string[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  const wanted = new Set(ids);
  const native = nativeOf.get(db);
  if (native && ids.length <= 20) {
    for (const id of ids) out.set(id, { rows_sha256: nativeSetDigest(native, id) });
    return out;
  }
  if (ids.length <= 20) {
    for (const id of ids) {
      const h = createHash("sha256");
      let after: string | null = null;
      for (;;) {
        let q = db.selectFrom("incidents").select(["incidents.id", rowJson(db).as("j")]).where("audit_set", "=", id);
        if (after !== null) q = q.where("id", ">", after);
        const rows = await q.orderBy("id").limit(PAGE).execute();
        for (const r of rows) h.update(r.j + "\n");
        if (rows.length < PAGE) break;
        after = rows[rows.length - 1]!.id;
      }
      out.set(id, { rows_sha256: h.digest("hex") });
    }
    return out;
  }
  // Many sets (the start-up check): one pass over the whole table in (set, id) order.
  let cur: string | null = null;
  let h = createHash("sha256");
  let after: [string, string] | null = null;
  const flush = () => { if (cur !== null && wanted.has(cur)) out.set(cur, { rows_sha256: h.digest("hex") }); };
  for (;;) {
    let q = db.selectFrom("incidents").select(["incidents.id", "incidents.audit_set", rowJson(db).as("j")]);
    if (after) {
      const [s, i] = after;
      q = q.where((eb) => eb.or([eb("audit_set", ">", s), eb.and([eb("audit_set", "=", s), eb("id", ">", i)])]));
    }
    const rows = await q.orderBy("audit_set").orderBy("id").limit(PAGE).execute();
    for (const r of rows) {
      if (r.audit_set !== cur) { flush(); cur = r.audit_set; h = createHash("sha256"); }
      h.update(r.j + "\n");
    }
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    after = [last.audit_set, last.id];
  }
  flush();
  for (const id of ids) if (!out.has(id)) out.set(id, { rows_sha256: EMPTY });
  return out;
}

registerAuditedSubject("incident_set", { table: "incident_sets", key: "id", columns: ["id", "action", "distribution", "owner_party", "created_at"], extra: setDigests });
registerAuditedSubject("incident_claim", {
  table: "incident_claims",
  key: "id",
  columns: ["id", "incident_id", "kind", "author_party", "author_user", "distribution", "narrative", "narrative_distribution", "event_type", "sub_event_type", "fatalities", "responsible_actor", "saw", "heard", "observed_count", "weapon", "direction", "assessed_as", "article_id", "created_at", "updated_at"],
});
registerAuditedSubject("incident_verification", {
  table: "incident_verifications",
  key: "id",
  columns: ["id", "incident_id", "from_state", "to_state", "reason", "actor_user", "actor_party", "distribution", "owner_party", "at"],
});
registerAuditedSubject("incident_merge", {
  table: "incident_merges",
  key: "id",
  columns: ["id", "survivor_id", "merged_id", "reason", "actor_user", "actor_party", "at", "undone_at", "undone_by", "undo_reason"],
});
registerAuditedSubject("incident_evidence", {
  table: "incident_evidence",
  key: "id",
  columns: ["id", "incident_id", "claim_id", "owner_party", "uploader_user", "distribution", "sha256", "size_bytes", "content_type", "file_name", "stored_name", "created_at"],
});
