// The SQLite bulk insert behind large imports. Per row, the three AFTER INSERT
// triggers on incidents (full-text tokens, weighted calm cells, weekly counts)
// cost several times the insert itself; here they are set aside inside the
// batch's own transaction, the rows go in through one prepared statement, and
// their work is replayed once for the whole batch: FTS rows and count cells in
// set-based SQL over the new rows, calm cells summed in JavaScript from the
// rows in hand (one upsert per cell).
// Schema changes in SQLite are transactional: other connections never see
// the triggers missing, and a failed batch rolls them back with its rows.
// Only triggers whose exact text we know are replayed; any other stays in
// place and fires per row, so a changed trigger can slow imports but never
// be skipped silently.
import { createHash } from "node:crypto";
import type SQLite from "better-sqlite3";
import { FATALITY_WEIGHT, categoryOf, precisionWeight, severity, verificationWeight, type VerificationState } from "../../../core/indicators/calm-index.ts";
import { countsReplaySql } from "../../platform/db/migrations/2026-11-30T0910_incident_counts_weekly.ts";
import { preparedOn } from "../../platform/db/statements.ts";
import { INCIDENT_COLUMNS } from "./incident-audit.ts";
import type { IncidentsTable } from "./incident.table.ts";

/** Below this many rows a batch uses the triggers as they are: dropping them costs a schema change. */
export const BULK_MIN_ROWS = 500;

const FTS_BODY = (r: string) => ["notes", "location", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2"].map((c) => `${r}.${c}`).join(" || ' ' || ");

/**
 * A trigger's work for a whole batch: set-based SQL over the new rows (rowid
 * above @after), or a function of the batch's rows when that is cheaper than
 * reading them again. Replayed only when the trigger's text in sqlite_master
 * has exactly this sha256.
 */
type Replay = { sha256: string; sql: string } | { sha256: string; run: (conn: SQLite.Database, rows: readonly IncidentsTable[]) => void };

// The weighted calm cells of a batch summed in JavaScript from the rows in hand: the same keys and the
// same contributions as the trigger (weights rounded to 6 places as the trigger's SQL writes them), and
// one upsert per cell instead of two grouped passes of large CASE expressions over the new rows.
const sixPlaces = (v: number) => Number(v.toFixed(6));
const CALM_VALUES = ["events", "fatalities", "w_events", "w_fatalities", "score", "score_low", "score_high"] as const;
function replayCalm(conn: SQLite.Database, rows: readonly IncidentsTable[]): void {
  const cells = new Map<string, { key: string[]; v: number[] }>();
  for (const r of rows) {
    if (r.merged_into !== null) continue;
    const category = categoryOf({ event_type: r.event_type, sub_event_type: r.sub_event_type, tags: r.tags, plover: r.plover_event, plover_mode: r.plover_mode });
    if (category === null) continue;
    const prec = Math.max(1, Math.min(3, r.geo_precision ?? 3)) as 1 | 2 | 3;
    const vw = sixPlaces(verificationWeight[r.verification as VerificationState] ?? 0);
    const pw = sixPlaces(precisionWeight[prec] ?? precisionWeight[3]);
    const fat = r.fatalities ?? 0;
    const points = sixPlaces(severity[category]) + sixPlaces(FATALITY_WEIGHT) * fat;
    const add = [1, fat, vw * pw, fat * vw * pw, points * vw * pw, r.verification === "verified" ? points * pw : 0, r.verification === "rejected" ? 0 : points];
    for (const [type, area] of [["zone", r.zone ?? "outside"], ["admin1", r.pack_admin1 ?? "none"]] as const) {
      const key = [type, r.week, area, category, r.distribution, r.owner_party ?? ""];
      const k = key.join("\u0000");
      const cell = cells.get(k);
      if (!cell) cells.set(k, { key, v: add.slice() });
      else for (let i = 0; i < add.length; i++) cell.v[i]! += add[i]!;
    }
  }
  const st = preparedOn(conn, `INSERT INTO calm_weekly (area_type, week, area, category, distribution, owner_party, ${CALM_VALUES.join(", ")}) VALUES (${Array(6 + CALM_VALUES.length).fill("?").join(", ")})
      ON CONFLICT (area_type, week, area, category, distribution, owner_party) DO UPDATE SET ${CALM_VALUES.map((c) => `${c} = ${c} + excluded.${c}`).join(", ")}`);
  for (const c of cells.values()) st.run([...c.key, ...c.v]);
}

/** The triggers this module can stand in for, by name. */
export const REPLAYS: Record<string, Replay> = {
  incidents_fts_ins: {
    sha256: "8090651d873c73f6",
    sql: `INSERT INTO incidents_fts(rowid, body) SELECT i.rowid, ${FTS_BODY("i")} FROM incidents i WHERE i.rowid > @after;`,
  },
  calm_weekly_ins: { sha256: "881e01ccfff97fa7", run: replayCalm },
  incident_counts_ins: { sha256: "9404bb67f04301a2", sql: countsReplaySql },
};

const short = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);

const INSERT_SQL = `insert into incidents (${INCIDENT_COLUMNS.join(",")}) values (${INCIDENT_COLUMNS.map(() => "?").join(",")})`;
const TRIGGERS_SQL = "select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'incidents'";
const MAX_ROWID_SQL = "select coalesce(max(rowid), 0) as m from incidents";

/** Which of the table's triggers would be replayed (for tests: a changed trigger shows up here). */
export function replayableTriggers(conn: SQLite.Database): string[] {
  return (preparedOn(conn, TRIGGERS_SQL).all() as Array<{ name: string; sql: string }>).filter((t) => REPLAYS[t.name]?.sha256 === short(t.sql)).map((t) => t.name);
}

/**
 * Inserts `rows` on `conn`, which must be inside the caller's write
 * transaction (the Kysely transaction of the batch). Trigger effects are the
 * same as row-by-row inserts.
 */
export function bulkInsertSqlite(conn: SQLite.Database, rows: readonly IncidentsTable[]): void {
  const insert = preparedOn(conn, INSERT_SQL);
  if (!conn.inTransaction) throw new Error("bulkInsertSqlite must run inside a transaction");
  const bulk = rows.length >= BULK_MIN_ROWS;
  const set: Array<{ name: string; sql: string }> = [];
  if (bulk) {
    for (const t of preparedOn(conn, TRIGGERS_SQL).all() as Array<{ name: string; sql: string }>) if (REPLAYS[t.name]?.sha256 === short(t.sql)) set.push(t);
  }
  const after = set.length ? (preparedOn(conn, MAX_ROWID_SQL).pluck().get() as number) : 0;
  for (const t of set) conn.exec(`DROP TRIGGER ${t.name}`);
  const vals: unknown[] = new Array(INCIDENT_COLUMNS.length);
  for (const r of rows) {
    for (let i = 0; i < INCIDENT_COLUMNS.length; i++) vals[i] = r[INCIDENT_COLUMNS[i]!];
    insert.run(vals);
  }
  for (const t of set) {
    const replay = REPLAYS[t.name]!;
    if ("run" in replay) replay.run(conn, rows);
    // New rows are exactly those above the old maximum rowid: SQLite allocates max+1 while we hold the write lock.
    else for (const stmt of replay.sql.split(/;\s*(?=INSERT|$)/).filter((x) => x.trim())) preparedOn(conn, stmt).run({ after });
    conn.exec(t.sql);
  }
}

const UPDATE_COLUMNS = INCIDENT_COLUMNS.filter((c) => c !== "id");
const UPDATE_SQL = `update incidents set ${UPDATE_COLUMNS.map((c) => `${c} = ?`).join(", ")} where id = ?`;
/** Replaces whole rows by id (the triggers fire as usual: updates are rare in imports). */
export function replaceSqlite(conn: SQLite.Database, rows: readonly IncidentsTable[]): void {
  if (!conn.inTransaction) throw new Error("replaceSqlite must run inside a transaction");
  const st = preparedOn(conn, UPDATE_SQL);
  const vals: unknown[] = new Array(UPDATE_COLUMNS.length + 1);
  for (const r of rows) {
    for (let i = 0; i < UPDATE_COLUMNS.length; i++) vals[i] = r[UPDATE_COLUMNS[i]!];
    vals[UPDATE_COLUMNS.length] = r.id;
    st.run(vals);
  }
}

/** Rows with any of these event_id_cnty, in one statement whatever the batch size (ids passed as one JSON array). */
export function findByAcledIdsSqlite(conn: SQLite.Database, ids: readonly string[]): IncidentsTable[] {
  return ids.length ? (preparedOn(conn, "select * from incidents where event_id_cnty in (select value from json_each(?))").all(JSON.stringify(ids)) as IncidentsTable[]) : [];
}
