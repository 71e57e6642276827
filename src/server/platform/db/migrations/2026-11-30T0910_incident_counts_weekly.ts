// Weekly counts of incidents kept by triggers: one cell per (week, zone, admin
// area, type, sub-type, verification state, distribution, owner) with the
// number of unmerged incidents and their fatalities. Counts over months or
// years (weekly per zone, one sub-type over a year) read a few thousand cells
// instead of every incident in the range; the days of a range that only cover
// part of a week still come from the incidents themselves. Missing keys are
// stored as '' (a primary key has no NULLs) and read back as NULL.
import { sql, SqliteAdapter, type Kysely } from "kysely";

export const COUNT_KEYS = ["week", "zone", "pack_admin1", "event_type", "sub_event_type", "verification", "distribution", "owner_party"] as const;
const NULLABLE = new Set(["zone", "pack_admin1", "owner_party"]);
/** The cell key of incident row `r` as SQL. */
export const cellKey = (r: string) => COUNT_KEYS.map((k) => (NULLABLE.has(k) ? `coalesce(${r}.${k}, '')` : `${r}.${k}`));
const watched = "week, zone, pack_admin1, event_type, sub_event_type, verification, distribution, owner_party, merged_into, fatalities";
const cols = `${COUNT_KEYS.join(", ")}, n, fatalities`;
const conflict = `ON CONFLICT (${COUNT_KEYS.join(", ")}) DO UPDATE SET n = incident_counts_weekly.n + excluded.n, fatalities = incident_counts_weekly.fatalities + excluded.fatalities`;
const upsert = (r: string, sign: string) => `INSERT INTO incident_counts_weekly (${cols}) VALUES (${cellKey(r).join(", ")}, ${sign}1, ${sign}coalesce(${r}.fatalities, 0)) ${conflict};`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  let t = db.schema.createTable("incident_counts_weekly");
  for (const k of COUNT_KEYS) t = t.addColumn(k, "text", (c) => c.notNull());
  await t
    .addColumn("n", "integer", (c) => c.notNull())
    .addColumn("fatalities", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("incident_counts_weekly_pk", [...COUNT_KEYS] as never)
    .execute();
  if (isSqlite) {
    await sql.raw(`CREATE TRIGGER incident_counts_ins AFTER INSERT ON incidents WHEN NEW.merged_into IS NULL BEGIN ${upsert("NEW", "")} END`).execute(db);
    await sql.raw(`CREATE TRIGGER incident_counts_del AFTER DELETE ON incidents WHEN OLD.merged_into IS NULL BEGIN ${upsert("OLD", "-")} END`).execute(db);
    await sql.raw(`CREATE TRIGGER incident_counts_upd_old AFTER UPDATE OF ${watched} ON incidents WHEN OLD.merged_into IS NULL BEGIN ${upsert("OLD", "-")} END`).execute(db);
    await sql.raw(`CREATE TRIGGER incident_counts_upd_new AFTER UPDATE OF ${watched} ON incidents WHEN NEW.merged_into IS NULL BEGIN ${upsert("NEW", "")} END`).execute(db);
  } else {
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION incident_counts_apply() RETURNS trigger AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.merged_into IS NULL THEN ${upsert("OLD", "-")} END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.merged_into IS NULL THEN ${upsert("NEW", "")} END IF;
          RETURN NULL;
        END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    await sql.raw(`CREATE TRIGGER incident_counts_ins_del AFTER INSERT OR DELETE ON incidents FOR EACH ROW EXECUTE FUNCTION incident_counts_apply()`).execute(db);
    await sql.raw(`CREATE TRIGGER incident_counts_upd AFTER UPDATE OF ${watched} ON incidents FOR EACH ROW EXECUTE FUNCTION incident_counts_apply()`).execute(db);
  }
  await sql.raw(`INSERT INTO incident_counts_weekly (${cols}) SELECT ${cellKey("i").join(", ")}, count(*), sum(coalesce(i.fatalities, 0)) FROM incidents i WHERE i.merged_into IS NULL GROUP BY ${cellKey("i").join(", ")}`).execute(db);
}

/** The bulk importer's stand-in for incident_counts_ins: the new rows (rowid above @after) summed per cell. */
export const countsReplaySql = `INSERT INTO incident_counts_weekly (${cols})
  SELECT ${cellKey("i").join(", ")}, count(*), sum(coalesce(i.fatalities, 0)) FROM incidents i WHERE i.rowid > @after AND i.merged_into IS NULL
  GROUP BY ${cellKey("i").join(", ")} ${conflict};`;

export async function down(db: Kysely<unknown>): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (isSqlite) for (const t of ["incident_counts_ins", "incident_counts_del", "incident_counts_upd_old", "incident_counts_upd_new"]) await sql.raw(`DROP TRIGGER IF EXISTS ${t}`).execute(db);
  else {
    await sql.raw("DROP TRIGGER IF EXISTS incident_counts_ins_del ON incidents").execute(db);
    await sql.raw("DROP TRIGGER IF EXISTS incident_counts_upd ON incidents").execute(db);
    await sql.raw("DROP FUNCTION IF EXISTS incident_counts_apply()").execute(db);
  }
  await db.schema.dropTable("incident_counts_weekly").ifExists().execute();
}
