// All SQL of the incident register. Every read takes the viewer and filters
// in SQL through visibleTo, so lists, counts, GeoJSON and exports can never
// disagree about what a user may see. Bulk writes use one precompiled
// multi-row statement per chunk: the importer's hot path.
import { CompiledQuery, sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Viewer } from "../../../core/access/distribution.ts";
import { addDays, isRealDate, weekStart } from "../../../core/incidents/dates.ts";
import { visibleTo } from "../../platform/access.ts";
import type { DbOrTx, Dialect } from "../../platform/db/database.ts";
import type { Database } from "../../platform/db/schema.ts";
import { INCIDENT_COLUMNS } from "./incident-audit.ts";
import type {
  IncidentClaimsTable, IncidentEvidenceTable, IncidentMergesTable, IncidentSetsTable, IncidentVerificationsTable, IncidentsTable,
} from "./incident.table.ts";

export type IncidentRow = IncidentsTable;
export type ClaimRow = IncidentClaimsTable;
export type VerificationRow = IncidentVerificationsTable;
export type MergeRow = IncidentMergesTable;
export type EvidenceRow = IncidentEvidenceTable;
export type SetRow = IncidentSetsTable;

export interface IncidentFilter {
  from?: string | undefined;
  to?: string | undefined;
  /** [west, south, east, north] in degrees. */
  bbox?: readonly [number, number, number, number] | undefined;
  zone?: string | undefined;
  admin1?: string | undefined;
  event_type?: string | undefined;
  sub_event_type?: string | undefined;
  actor?: string | undefined;
  party?: string | undefined;
  verification?: string | undefined;
  q?: string | undefined;
  include_merged?: boolean | undefined;
}

export const GROUP_KEYS = {
  zone: "incidents.zone",
  admin1: "incidents.pack_admin1",
  event_type: "incidents.event_type",
  sub_event_type: "incidents.sub_event_type",
  verification: "incidents.verification",
  party: "incidents.owner_party",
  week: "incidents.week",
  month: "month",
} as const;
export type GroupKey = keyof typeof GROUP_KEYS;

export interface Cursor {
  event_date: string;
  id: string;
}

/**
 * Free text → the dialect's full-text query: every word must appear. On SQLite
 * a word is a whole (stemmed) term, and a prefix only when typed with a
 * trailing `*` ("drone" finds "drones"; "dro*" finds both); on PostgreSQL
 * every word is a prefix of the 'simple' configuration's tokens.
 */
function ftsQuery(dialect: Dialect, q: string): string | null {
  const words = [...q.toLowerCase().matchAll(/([\p{L}\p{N}]+)(\*)?/gu)].slice(0, 12);
  if (!words.length) return null;
  return dialect === "sqlite" ? words.map((w) => `"${w[1]}"${w[2] ?? ""}`).join(" ") : words.map((w) => `${w[1]}:*`).join(" & ");
}

/**
 * Above this many full-text matches a newest-first page walks the date index
 * and tests each row against the match set; below it, it fetches the matches
 * by rowid and sorts them. (Either is fast on its own side of the line and
 * slow on the other.)
 */
export const ftsTuning = { walkMin: 2000 };

const FTS_PG = sql`to_tsvector('simple', incidents.notes || ' ' || incidents.location || ' ' || incidents.actor1 || ' ' || incidents.actor2 || ' ' || incidents.assoc_actor_1 || ' ' || incidents.assoc_actor_2)`;

export function incidentWhere(dialect: Dialect, viewer: Viewer, f: IncidentFilter, opts: { ftsWalk?: boolean } = {}): Expression<SqlBool>[] {
  const w: Expression<SqlBool>[] = [visibleTo(viewer, "incidents.distribution", "incidents.owner_party")];
  if (!f.include_merged) w.push(sql<SqlBool>`incidents.merged_into is null`);
  if (f.from) w.push(sql<SqlBool>`incidents.event_date >= ${f.from}`);
  if (f.to) w.push(sql<SqlBool>`incidents.event_date <= ${f.to}`);
  if (f.bbox) {
    const [west, south, east, north] = f.bbox;
    w.push(sql<SqlBool>`incidents.latitude between ${south} and ${north}`);
    w.push(west <= east ? sql<SqlBool>`incidents.longitude between ${west} and ${east}` : sql<SqlBool>`(incidents.longitude >= ${west} or incidents.longitude <= ${east})`);
  }
  if (f.zone) w.push(sql<SqlBool>`incidents.zone = ${f.zone}`);
  if (f.admin1) w.push(sql<SqlBool>`incidents.pack_admin1 = ${f.admin1}`);
  if (f.event_type) w.push(sql<SqlBool>`incidents.event_type = ${f.event_type}`);
  if (f.sub_event_type) w.push(sql<SqlBool>`incidents.sub_event_type = ${f.sub_event_type}`);
  if (f.verification) w.push(sql<SqlBool>`incidents.verification = ${f.verification}`);
  if (f.actor) w.push(sql<SqlBool>`(incidents.actor1 = ${f.actor} or incidents.actor2 = ${f.actor})`);
  if (f.party) {
    // A claim counts only when the viewer may see it: otherwise the filter would reveal hidden claims.
    w.push(sql<SqlBool>`(incidents.owner_party = ${f.party} or exists (select 1 from incident_claims c where c.incident_id = incidents.id and c.author_party = ${f.party} and ${visibleTo(viewer, "c.distribution", "c.author_party")}))`);
  }
  if (f.q) {
    const m = ftsQuery(dialect, f.q);
    if (m === null) w.push(sql<SqlBool>`1 = 0`);
    // The unary plus keeps SQLite from driving the query by rowid lookups, so it walks an index in the page's order.
    else if (dialect === "sqlite") w.push(opts.ftsWalk ? sql<SqlBool>`+incidents.rowid in (select rowid from incidents_fts where incidents_fts match ${m})` : sql<SqlBool>`incidents.rowid in (select rowid from incidents_fts where incidents_fts match ${m})`);
    else w.push(sql<SqlBool>`${FTS_PG} @@ to_tsquery('simple', ${m})`);
  }
  return w;
}

function filtered(db: DbOrTx, dialect: Dialect, viewer: Viewer, f: IncidentFilter, opts: { ftsWalk?: boolean } = {}) {
  return db.selectFrom("incidents").where((eb) => eb.and(incidentWhere(dialect, viewer, f, opts)));
}

/** Whether a page of `f` should walk in date order (many full-text matches) rather than look its matches up. */
async function ftsWalk(db: DbOrTx, dialect: Dialect, f: IncidentFilter): Promise<boolean> {
  if (dialect !== "sqlite" || !f.q) return false;
  const m = ftsQuery(dialect, f.q);
  if (m === null) return false;
  const r = await sql<{ n: number }>`select count(*) as n from (select rowid from incidents_fts where incidents_fts match ${m} limit ${ftsTuning.walkMin + 1})`.execute(db);
  return Number(r.rows[0]?.n ?? 0) > ftsTuning.walkMin;
}

const MAX_PARAMS = { sqlite: 32_000, postgres: 65_000 } as const;

function placeholders(dialect: Dialect, rows: number, cols: number): string {
  const parts: string[] = [];
  let n = 1;
  for (let r = 0; r < rows; r++) {
    const p: string[] = [];
    for (let c = 0; c < cols; c++) p.push(dialect === "sqlite" ? "?" : `$${n++}`);
    parts.push(`(${p.join(",")})`);
  }
  return parts.join(",");
}

const insertSqlCache = new Map<string, string>();

function insertSql(dialect: Dialect, rows: number): string {
  const key = `${dialect}:${rows}`;
  let s = insertSqlCache.get(key);
  if (!s) {
    s = `insert into incidents (${INCIDENT_COLUMNS.join(",")}) values ${placeholders(dialect, rows, INCIDENT_COLUMNS.length)}`;
    if (insertSqlCache.size > 64) insertSqlCache.clear();
    insertSqlCache.set(key, s);
  }
  return s;
}

function updateSql(dialect: Dialect): string {
  const cols = INCIDENT_COLUMNS.filter((c) => c !== "id");
  const set = cols.map((c, i) => `${c} = ${dialect === "sqlite" ? "?" : `$${i + 1}`}`).join(", ");
  return `update incidents set ${set} where id = ${dialect === "sqlite" ? "?" : `$${cols.length + 1}`}`;
}

type CountRow = Record<string, string | number | null>;

/** A filter bound that is a plain calendar day (YYYY-MM-DD), else null. */
const calendarDay = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) && isRealDate(+d.slice(0, 4), +d.slice(5, 7), +d.slice(8, 10)) ? d : null);

/** Counts straight from the incidents, optionally limited by `extra`. */
async function countRows(db: DbOrTx, dialect: Dialect, viewer: Viewer, f: IncidentFilter, keys: readonly GroupKey[], extra?: (eb: ExpressionBuilder<Database, "incidents">) => Expression<SqlBool>): Promise<CountRow[]> {
  const month = dialect === "sqlite" ? sql`substr(incidents.event_date, 1, 7)` : sql`substring(incidents.event_date from 1 for 7)`;
  const exprs = keys.map((k) => (k === "month" ? sql`${month}`.as("month") : sql.ref(GROUP_KEYS[k]).as(k)));
  let qb = filtered(db, dialect, viewer, f);
  if (extra) qb = qb.where(extra);
  if (keys.includes("week")) {
    // Implied by the date range (week is the Monday of event_date): lets weekly counts walk the week index in order.
    // Only for a real calendar day: a bound like 2025-02-31 compares as text and has no honest week.
    const day = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}/.test(d) && isRealDate(+d.slice(0, 4), +d.slice(5, 7), +d.slice(8, 10)) ? d.slice(0, 10) : null);
    const from = day(f.from), to = day(f.to);
    if (from) qb = qb.where(sql<SqlBool>`incidents.week >= ${weekStart(from)}`);
    if (to) qb = qb.where(sql<SqlBool>`incidents.week <= ${weekStart(to)}`);
  }
  let q = qb.select([...exprs, sql<number>`count(*)`.as("n"), sql<number>`sum(incidents.fatalities)`.as("fatalities")]);
  if (keys.length) q = q.groupBy(keys.map((k) => (k === "month" ? month : sql.ref(GROUP_KEYS[k]))));
  for (let i = 0; i < keys.length; i++) q = q.orderBy(sql.raw(String(i + 1)));
  const rows = await q.execute();
  return rows.map((r) => ({ ...(r as CountRow), n: Number((r as { n: unknown }).n), fatalities: Number((r as { fatalities: unknown }).fatalities ?? 0) }));
}

/** The weekly counts table's column for each group key it can answer. */
const CELL_COLUMN: Partial<Record<GroupKey, "week" | "zone" | "pack_admin1" | "event_type" | "sub_event_type" | "verification" | "owner_party">> = {
  week: "week", zone: "zone", admin1: "pack_admin1", event_type: "event_type", sub_event_type: "sub_event_type", verification: "verification", party: "owner_party",
};
const NULLABLE_CELL = new Set<string>(["zone", "pack_admin1", "owner_party"]);

/**
 * When counts can come from the weekly cells: only filters and keys the cells
 * carry, and day bounds. Returns the first and last whole weeks inside the
 * range (null = open); the days before and after them come from the incidents.
 */
function weeklyPlan(f: IncidentFilter, keys: readonly GroupKey[]): { first: string | null; last: string | null } | null {
  if (f.bbox || f.actor || f.party || f.q || f.include_merged) return null;
  if (!keys.every((k) => CELL_COLUMN[k] !== undefined)) return null;
  const from = calendarDay(f.from), to = calendarDay(f.to);
  if ((f.from !== undefined && from === null) || (f.to !== undefined && to === null)) return null;
  const first = from === null ? null : weekStart(from) === from ? from : addDays(weekStart(from), 7);
  const last = to === null ? null : addDays(weekStart(to), 6) === to ? weekStart(to) : addDays(weekStart(to), -7);
  if (first !== null && last !== null && first > last) return null; // under a whole week: the incidents alone
  return { first, last };
}

/** Sums groups from both sources, drops empty ones, and orders by the keys (missing values first). */
function mergeCounts(keys: readonly GroupKey[], parts: CountRow[][]): CountRow[] {
  const out = new Map<string, CountRow>();
  for (const rows of parts) {
    for (const r of rows) {
      const k = JSON.stringify(keys.map((x) => r[x] ?? null));
      const cur = out.get(k);
      if (cur) { cur.n = Number(cur.n) + Number(r.n); cur.fatalities = Number(cur.fatalities) + Number(r.fatalities ?? 0); }
      else out.set(k, { ...r, n: Number(r.n), fatalities: Number(r.fatalities ?? 0) });
    }
  }
  if (!keys.length) return [out.get("[]") ?? { n: 0, fatalities: 0 }]; // no keys: the one total row, even when 0
  const cmp = (a: string | number | null, b: string | number | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  return [...out.values()].filter((r) => Number(r.n) !== 0).sort((a, b) => {
    for (const k of keys) { const c = cmp(a[k] ?? null, b[k] ?? null); if (c) return c; }
    return 0;
  });
}

export const incidentRepository = {
  async insertMany(db: DbOrTx, dialect: Dialect, rows: readonly IncidentRow[]): Promise<void> {
    const per = Math.min(25, Math.floor(MAX_PARAMS[dialect] / INCIDENT_COLUMNS.length));
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const params: unknown[] = [];
      for (const r of chunk) for (const c of INCIDENT_COLUMNS) params.push(r[c]);
      await db.executeQuery(CompiledQuery.raw(insertSql(dialect, chunk.length), params));
    }
  },
  async replace(db: DbOrTx, dialect: Dialect, row: IncidentRow): Promise<void> {
    const params: unknown[] = INCIDENT_COLUMNS.filter((c) => c !== "id").map((c) => row[c]);
    params.push(row.id);
    await db.executeQuery(CompiledQuery.raw(updateSql(dialect), params));
  },
  /** Refresh the planner's statistics after a bulk change (SQLite; PostgreSQL's autovacuum does this itself). */
  async optimize(db: DbOrTx, dialect: Dialect): Promise<void> {
    if (dialect === "sqlite") await sql`PRAGMA optimize`.execute(db);
  },
  deleteByIds: (db: DbOrTx, ids: readonly string[]) => db.deleteFrom("incidents").where("id", "in", ids).execute(),
  insertSet: (db: DbOrTx, row: SetRow) => db.insertInto("incident_sets").values(row).execute(),
  findSets: (db: DbOrTx, ids: readonly string[]) => (ids.length ? db.selectFrom("incident_sets").selectAll().where("id", "in", ids).execute() : Promise.resolve([])),
  /** Unfiltered: for writes that authorize explicitly, and the importer's idempotency. */
  findRaw: (db: DbOrTx, id: string) => db.selectFrom("incidents").selectAll().where("id", "=", id).executeTakeFirst(),
  findManyRaw: (db: DbOrTx, ids: readonly string[]) => (ids.length ? db.selectFrom("incidents").selectAll().where("id", "in", ids).execute() : Promise.resolve([])),
  findByAcledIds: (db: DbOrTx, ids: readonly string[]) =>
    ids.length ? db.selectFrom("incidents").selectAll().where("event_id_cnty", "in", ids).execute() : Promise.resolve([] as IncidentRow[]),
  findVisible: (db: DbOrTx, dialect: Dialect, viewer: Viewer, id: string) =>
    db.selectFrom("incidents").selectAll().where("id", "=", id).where(visibleTo(viewer, "incidents.distribution", "incidents.owner_party")).executeTakeFirst(),
  async list(db: DbOrTx, dialect: Dialect, viewer: Viewer, f: IncidentFilter, after: Cursor | null, limit: number): Promise<IncidentRow[]> {
    const walk = await ftsWalk(db, dialect, f);
    const page = (g: IncidentFilter, actorCol?: "actor1" | "actor2") => {
      let qb = filtered(db, dialect, viewer, g, { ftsWalk: walk }).selectAll("incidents");
      if (actorCol) qb = qb.where(sql.ref(`incidents.${actorCol}`), "=", f.actor!);
      // A row-value comparison is a range on the (…, event_date, id) indexes; the equivalent OR is not.
      if (after) qb = qb.where(sql<SqlBool>`(incidents.event_date, incidents.id) < (${after.event_date}, ${after.id})`);
      return qb.orderBy("incidents.event_date", "desc").orderBy("incidents.id", "desc").limit(limit);
    };
    if (!f.actor) return page(f).execute();
    // "actor1 = A or actor2 = A" sorts every match before the limit applies; the newest page of each
    // column's own index, merged, is the same page at a fraction of the cost (UNION drops a row found by both).
    const rest: IncidentFilter = { ...f, actor: undefined };
    const both = db.selectFrom(page(rest, "actor1").as("a1")).selectAll().union(db.selectFrom(page(rest, "actor2").as("a2")).selectAll());
    return db.selectFrom(both.as("u")).selectAll().orderBy("u.event_date", "desc").orderBy("u.id", "desc").limit(limit).execute();
  },
  async count(db: DbOrTx, dialect: Dialect, viewer: Viewer, f: IncidentFilter): Promise<number> {
    if (weeklyPlan(f, [])) return Number((await incidentRepository.countBy(db, dialect, viewer, f, []))[0]?.n ?? 0);
    const r = await filtered(db, dialect, viewer, f).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  /** Counts grouped by the keys; from the weekly cells where they can answer (see weeklyPlan), else from the incidents. */
  async countBy(db: DbOrTx, dialect: Dialect, viewer: Viewer, f: IncidentFilter, keys: readonly GroupKey[]): Promise<CountRow[]> {
    const plan = weeklyPlan(f, keys);
    if (!plan) return countRows(db, dialect, viewer, f, keys);
    let cq = db.selectFrom("incident_counts_weekly as c").where(visibleTo(viewer, "c.distribution", "c.owner_party"));
    if (f.zone) cq = cq.where("c.zone", "=", f.zone);
    if (f.admin1) cq = cq.where("c.pack_admin1", "=", f.admin1);
    if (f.event_type) cq = cq.where("c.event_type", "=", f.event_type);
    if (f.sub_event_type) cq = cq.where("c.sub_event_type", "=", f.sub_event_type);
    if (f.verification) cq = cq.where("c.verification", "=", f.verification);
    if (plan.first) cq = cq.where("c.week", ">=", plan.first);
    if (plan.last) cq = cq.where("c.week", "<=", plan.last);
    const col = (k: GroupKey) => CELL_COLUMN[k]!;
    // '' in a cell is a missing zone, admin area or owner: NULL, as the incidents give it.
    const exprs = keys.map((k) => (NULLABLE_CELL.has(col(k)) ? sql`nullif(${sql.ref(`c.${col(k)}`)}, '')`.as(k) : sql.ref(`c.${col(k)}`).as(k)));
    let agg = cq.select([...exprs, sql<number>`sum(c.n)`.as("n"), sql<number>`sum(c.fatalities)`.as("fatalities")]);
    if (keys.length) agg = agg.groupBy(keys.map((k) => sql.ref(`c.${col(k)}`)));
    const cells = (await agg.execute()) as CountRow[];
    // The days outside the whole weeks (at most six at each end) come from the incidents.
    const edges = plan.first === null && plan.last === null ? [] : await countRows(db, dialect, viewer, f, keys, (eb) => {
      const outside: Expression<SqlBool>[] = [];
      // As day bounds, not week bounds: the date indexes then drive the query (a bare "week <" made SQLite walk every earlier week).
      if (plan.first) outside.push(sql<SqlBool>`incidents.event_date < ${plan.first}`);
      if (plan.last) outside.push(sql<SqlBool>`incidents.event_date > ${addDays(plan.last, 6)}`);
      return eb.or(outside);
    });
    return mergeCounts(keys, [cells.filter((r) => r.n !== null), edges]);
  },
  /** Streams in (date, id) order in pages, so an export of any size uses constant memory. */
  async *iterate(db: DbOrTx, dialect: Dialect, viewer: Viewer, f: IncidentFilter, page = 1000): AsyncGenerator<IncidentRow> {
    let after: Cursor | null = null;
    for (;;) {
      const rows: IncidentRow[] = await incidentRepository.list(db, dialect, viewer, f, after, page);
      for (const r of rows) yield r;
      if (rows.length < page) return;
      const last = rows[rows.length - 1]!;
      after = { event_date: last.event_date, id: last.id };
    }
  },
  /** Candidates for the duplicate rule: same type, dates within ±days, visible, not merged. */
  duplicateCandidates: (db: DbOrTx, viewer: Viewer, row: Pick<IncidentRow, "id" | "event_type">, from: string, to: string, limit = 500) =>
    db.selectFrom("incidents").selectAll()
      .where(visibleTo(viewer, "incidents.distribution", "incidents.owner_party"))
      .where("event_type", "=", row.event_type).where("event_date", ">=", from).where("event_date", "<=", to)
      .where("merged_into", "is", null).where("id", "!=", row.id)
      .orderBy("event_date").orderBy("id").limit(limit).execute(),
  /** Rows whose classification came from another pack or version (page by id). */
  staleClassification: (db: DbOrTx, packId: string, version: string, after: string | null, limit: number) => {
    let q = db.selectFrom("incidents").selectAll().where((eb) => eb.or([eb("pack_id", "is", null), eb("pack_id", "!=", packId), eb("pack_version", "is", null), eb("pack_version", "!=", version)]));
    if (after) q = q.where("id", ">", after);
    return q.orderBy("id").limit(limit).execute();
  },
  mergedInto: (db: DbOrTx, viewer: Viewer, survivorId: string) =>
    db.selectFrom("incidents").select(["id"]).where("merged_into", "=", survivorId).where(visibleTo(viewer, "incidents.distribution", "incidents.owner_party")).execute(),
  hasDependents: async (db: DbOrTx, ids: readonly string[]): Promise<Set<string>> => {
    if (!ids.length) return new Set();
    const [a, b, c, d] = await Promise.all([
      db.selectFrom("incident_claims").select("incident_id as id").where("incident_id", "in", ids).execute(),
      db.selectFrom("incident_evidence").select("incident_id as id").where("incident_id", "in", ids).execute(),
      db.selectFrom("incident_verifications").select("incident_id as id").where("incident_id", "in", ids).execute(),
      db.selectFrom("incident_merges").select("merged_id as id").where((eb) => eb.or([eb("merged_id", "in", ids), eb("survivor_id", "in", ids)])).execute(),
    ]);
    return new Set([...a, ...b, ...c, ...d].map((r) => r.id));
  },

  // Claims
  insertClaim: (db: DbOrTx, row: ClaimRow) => db.insertInto("incident_claims").values(row).execute(),
  updateClaim: (db: DbOrTx, id: string, patch: Partial<ClaimRow>) => db.updateTable("incident_claims").set(patch).where("id", "=", id).execute(),
  findClaimRaw: (db: DbOrTx, id: string) => db.selectFrom("incident_claims").selectAll().where("id", "=", id).executeTakeFirst(),
  claimsVisible: (db: DbOrTx, viewer: Viewer, incidentIds: readonly string[]) =>
    incidentIds.length
      ? db.selectFrom("incident_claims").selectAll().where("incident_id", "in", incidentIds).where(visibleTo(viewer, "incident_claims.distribution", "incident_claims.author_party")).orderBy("created_at").orderBy("id").execute()
      : Promise.resolve([] as ClaimRow[]),
  claimsByArticle: (db: DbOrTx, viewer: Viewer, articleId: string) =>
    db.selectFrom("incident_claims").selectAll().where("article_id", "=", articleId).where(visibleTo(viewer, "incident_claims.distribution", "incident_claims.author_party")).execute(),

  // Verification history
  insertVerification: (db: DbOrTx, row: VerificationRow) => db.insertInto("incident_verifications").values(row).execute(),
  verificationsVisible: (db: DbOrTx, viewer: Viewer, incidentId: string) =>
    db.selectFrom("incident_verifications").selectAll().where("incident_id", "=", incidentId).where(visibleTo(viewer, "incident_verifications.distribution", "incident_verifications.owner_party")).orderBy("at").orderBy("id").execute(),

  // Merges
  insertMerge: (db: DbOrTx, row: MergeRow) => db.insertInto("incident_merges").values(row).execute(),
  updateMerge: (db: DbOrTx, id: string, patch: Partial<MergeRow>) => db.updateTable("incident_merges").set(patch).where("id", "=", id).execute(),
  findMergeRaw: (db: DbOrTx, id: string) => db.selectFrom("incident_merges").selectAll().where("id", "=", id).executeTakeFirst(),
  mergesOf: (db: DbOrTx, incidentId: string) =>
    db.selectFrom("incident_merges").selectAll().where((eb) => eb.or([eb("survivor_id", "=", incidentId), eb("merged_id", "=", incidentId)])).orderBy("at").execute(),

  // Evidence
  insertEvidence: (db: DbOrTx, row: EvidenceRow) => db.insertInto("incident_evidence").values(row).execute(),
  findEvidenceVisible: (db: DbOrTx, viewer: Viewer, incidentId: string, id: string) =>
    db.selectFrom("incident_evidence").selectAll().where("id", "=", id).where("incident_id", "=", incidentId).where(visibleTo(viewer, "incident_evidence.distribution", "incident_evidence.owner_party")).executeTakeFirst(),
  evidenceVisible: (db: DbOrTx, viewer: Viewer, incidentIds: readonly string[]) =>
    incidentIds.length
      ? db.selectFrom("incident_evidence").selectAll().where("incident_id", "in", incidentIds).where(visibleTo(viewer, "incident_evidence.distribution", "incident_evidence.owner_party")).orderBy("created_at").execute()
      : Promise.resolve([] as EvidenceRow[]),
};
