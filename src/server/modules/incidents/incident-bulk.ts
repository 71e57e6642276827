// The SQLite bulk insert behind large imports. Per row, the two AFTER INSERT
// triggers on incidents (full-text tokens, weighted calm roll-up, weekly counts) cost several
// times the insert itself; here they are set aside inside the batch's own
// transaction, the rows go in through one prepared statement, and their work
// is replayed once for the whole batch in set-based SQL (FTS rows with one
// INSERT … SELECT, roll-up cells summed with GROUP BY before the upsert).
// Schema changes in SQLite are transactional: other connections never see
// the triggers missing, and a failed batch rolls them back with its rows.
// Only triggers whose exact text we know are replayed; any other stays in
// place and fires per row, so a changed trigger can slow imports but never
// be skipped silently.
import { createHash } from "node:crypto";
import type SQLite from "better-sqlite3";
import { FATALITY_WEIGHT, precisionWeight, severity, verificationWeight } from "../../../core/indicators/calm-index.ts";
import { categorySql } from "../../platform/db/migrations/2026-11-29T1400_indicators.ts";
import { countsReplaySql } from "../../platform/db/migrations/2026-11-30T0910_incident_counts_weekly.ts";
import { INCIDENT_COLUMNS } from "./incident-audit.ts";
import type { IncidentsTable } from "./incident.table.ts";

/** Below this many rows a batch uses the triggers as they are: dropping them costs a schema change. */
export const BULK_MIN_ROWS = 500;

const FTS_BODY = (r: string) => ["notes", "location", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2"].map((c) => `${r}.${c}`).join(" || ' ' || ");

// The roll-up of migration 2026-11-29T1700 as grouped SQL: the same weights, from the same sources.
const caseOf = (expr: string, table: Record<string | number, number>, otherwise: number) =>
  `(CASE ${expr} ${Object.entries(table).map(([k, v]) => `WHEN ${/^\d+$/.test(k) ? k : `'${k}'`} THEN ${v.toFixed(6)}`).join(" ")} ELSE ${otherwise.toFixed(6)} END)`;

function calmReplaySql(): string {
  const r = "i";
  const prec = `max(1, min(3, coalesce(${r}.geo_precision, 3)))`;
  const vw = caseOf(`${r}.verification`, verificationWeight, 0);
  const pw = caseOf(prec, precisionWeight, precisionWeight[3]);
  const sev = caseOf(categorySql(r), severity, 0);
  const fat = `coalesce(${r}.fatalities, 0)`;
  const points = `(${sev} + ${FATALITY_WEIGHT.toFixed(6)} * ${fat})`;
  const values: Record<string, string> = {
    events: "1",
    fatalities: fat,
    w_events: `(${vw} * ${pw})`,
    w_fatalities: `(${fat} * ${vw} * ${pw})`,
    score: `(${points} * ${vw} * ${pw})`,
    score_low: `(CASE WHEN ${r}.verification = 'verified' THEN ${points} * ${pw} ELSE 0 END)`,
    score_high: `(CASE WHEN ${r}.verification = 'rejected' THEN 0 ELSE ${points} END)`,
  };
  const cols = Object.keys(values);
  const areas: Array<[string, string]> = [["zone", `coalesce(${r}.zone, 'outside')`], ["admin1", `coalesce(${r}.pack_admin1, 'none')`]];
  return areas
    .map(([type, area]) => `INSERT INTO calm_weekly (area_type, week, area, category, distribution, owner_party, ${cols.join(", ")})
      SELECT '${type}', ${r}.week, ${area}, ${categorySql(r)}, ${r}.distribution, coalesce(${r}.owner_party, ''), ${cols.map((c) => `sum(${values[c]})`).join(", ")}
      FROM incidents ${r} WHERE ${r}.rowid > @after AND ${r}.merged_into IS NULL AND (${categorySql(r)}) IS NOT NULL
      GROUP BY ${r}.week, ${area}, ${categorySql(r)}, ${r}.distribution, coalesce(${r}.owner_party, '')
      ON CONFLICT (area_type, week, area, category, distribution, owner_party) DO UPDATE SET ${cols.map((c) => `${c} = ${c} + excluded.${c}`).join(", ")};`)
    .join("\n");
}

interface Replay {
  /** sha256 of the trigger's text in sqlite_master: replayed only when it is exactly this. */
  sha256: string;
  sql: string;
}

/** The triggers this module can stand in for, by name. */
export const REPLAYS: Record<string, Replay> = {
  incidents_fts_ins: {
    sha256: "8090651d873c73f6",
    sql: `INSERT INTO incidents_fts(rowid, body) SELECT i.rowid, ${FTS_BODY("i")} FROM incidents i WHERE i.rowid > @after;`,
  },
  calm_weekly_ins: { sha256: "881e01ccfff97fa7", sql: calmReplaySql() },
  incident_counts_ins: { sha256: "9404bb67f04301a2", sql: countsReplaySql },
};

const short = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);

const statements = new WeakMap<SQLite.Database, { insert: SQLite.Statement; maxRowid: SQLite.Statement; triggers: SQLite.Statement }>();
function prepared(conn: SQLite.Database) {
  let s = statements.get(conn);
  if (!s) {
    s = {
      insert: conn.prepare(`insert into incidents (${INCIDENT_COLUMNS.join(",")}) values (${INCIDENT_COLUMNS.map(() => "?").join(",")})`),
      maxRowid: conn.prepare("select coalesce(max(rowid), 0) as m from incidents").pluck(),
      triggers: conn.prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'incidents'"),
    };
    statements.set(conn, s);
  }
  return s;
}

/** Which of the table's triggers would be replayed (for tests: a changed trigger shows up here). */
export function replayableTriggers(conn: SQLite.Database): string[] {
  return (prepared(conn).triggers.all() as Array<{ name: string; sql: string }>).filter((t) => REPLAYS[t.name]?.sha256 === short(t.sql)).map((t) => t.name);
}

/**
 * Inserts `rows` on `conn`, which must be inside the caller's write
 * transaction (the Kysely transaction of the batch). Trigger effects are the
 * same as row-by-row inserts.
 */
export function bulkInsertSqlite(conn: SQLite.Database, rows: readonly IncidentsTable[]): void {
  const s = prepared(conn);
  if (!conn.inTransaction) throw new Error("bulkInsertSqlite must run inside a transaction");
  const bulk = rows.length >= BULK_MIN_ROWS;
  const set: Array<{ name: string; sql: string }> = [];
  if (bulk) {
    for (const t of s.triggers.all() as Array<{ name: string; sql: string }>) if (REPLAYS[t.name]?.sha256 === short(t.sql)) set.push(t);
  }
  const after = set.length ? (s.maxRowid.get() as number) : 0;
  for (const t of set) conn.exec(`DROP TRIGGER ${t.name}`);
  const vals: unknown[] = new Array(INCIDENT_COLUMNS.length);
  for (const r of rows) {
    for (let i = 0; i < INCIDENT_COLUMNS.length; i++) vals[i] = r[INCIDENT_COLUMNS[i]!];
    s.insert.run(vals);
  }
  for (const t of set) {
    // New rows are exactly those above the old maximum rowid: SQLite allocates max+1 while we hold the write lock.
    for (const stmt of REPLAYS[t.name]!.sql.split(/;\s*(?=INSERT|$)/).filter((x) => x.trim())) conn.prepare(stmt).run({ after });
    conn.exec(t.sql);
  }
}

const updates = new WeakMap<SQLite.Database, SQLite.Statement>();
/** Replaces whole rows by id (the triggers fire as usual: updates are rare in imports). */
export function replaceSqlite(conn: SQLite.Database, rows: readonly IncidentsTable[]): void {
  if (!conn.inTransaction) throw new Error("replaceSqlite must run inside a transaction");
  let st = updates.get(conn);
  if (!st) {
    const cols = INCIDENT_COLUMNS.filter((c) => c !== "id");
    st = conn.prepare(`update incidents set ${cols.map((c) => `${c} = ?`).join(", ")} where id = ?`);
    updates.set(conn, st);
  }
  const cols = INCIDENT_COLUMNS.filter((c) => c !== "id");
  const vals: unknown[] = new Array(cols.length + 1);
  for (const r of rows) {
    for (let i = 0; i < cols.length; i++) vals[i] = r[cols[i]!];
    vals[cols.length] = r.id;
    st.run(vals);
  }
}

const byAcled = new WeakMap<SQLite.Database, SQLite.Statement>();
/** Rows with any of these event_id_cnty, in one statement whatever the batch size (ids passed as one JSON array). */
export function findByAcledIdsSqlite(conn: SQLite.Database, ids: readonly string[]): IncidentsTable[] {
  let st = byAcled.get(conn);
  if (!st) {
    st = conn.prepare("select * from incidents where event_id_cnty in (select value from json_each(?))");
    byAcled.set(conn, st);
  }
  return ids.length ? (st.all(JSON.stringify(ids)) as IncidentsTable[]) : [];
}
