// Weekly roll-up of incidents per area (zone and governorate), category,
// verification state, precision and distribution, kept up to date by database
// triggers in the same transaction as every incident write — imports included —
// so the calm index reads a few thousand rows instead of a million.
// Also the stored reports.
import { sql, SqliteAdapter, type Kysely } from "kysely";

/** Mirrors categoryOf() in src/core/indicators/calm-index.ts; a test keeps them equal. */
export function categorySql(r: string): string {
  return `CASE
    WHEN ${r}.sub_event_type = 'Air/drone strike' THEN 'air_drone'
    WHEN ${r}.sub_event_type = 'Shelling/artillery/missile attack' THEN 'shelling'
    WHEN ${r}.event_type = 'Battles' THEN 'armed_clash'
    WHEN lower(coalesce(${r}.tags, '')) LIKE '%incursion%' OR (${r}.plover_event = 'MOBILIZE' AND ${r}.plover_mode = 'troops') OR ${r}.sub_event_type = 'Headquarters or base established' THEN 'incursion'
    WHEN ${r}.event_type = 'Explosions/Remote violence' THEN 'shelling'
    ELSE NULL END`;
}

const areas = [
  ["zone", (r: string) => `coalesce(${r}.zone, 'outside')`],
  ["admin1", (r: string) => `coalesce(${r}.pack_admin1, 'none')`],
] as const;

function sqliteStatements(r: "NEW" | "OLD", sign: 1 | -1): string {
  const prec = `max(1, min(3, coalesce(${r}.geo_precision, 3)))`;
  return areas
    .map(([type, area]) => {
      const key = `'${type}', ${area(r)}, ${r}.week, ${categorySql(r)}, ${r}.verification, ${prec}, ${r}.distribution, coalesce(${r}.owner_party, '')`;
      return `INSERT OR IGNORE INTO incident_weekly (area_type, area, week, category, verification, precision, distribution, owner_party, events, fatalities) VALUES (${key}, 0, 0);
      UPDATE incident_weekly SET events = events + (${sign}), fatalities = fatalities + (${sign}) * coalesce(${r}.fatalities, 0)
        WHERE area_type = '${type}' AND area = ${area(r)} AND week = ${r}.week AND category = ${categorySql(r)} AND verification = ${r}.verification AND precision = ${prec} AND distribution = ${r}.distribution AND owner_party = coalesce(${r}.owner_party, '');`;
    })
    .join("\n");
}

const counted = (r: string) => `${r}.merged_into IS NULL AND (${categorySql(r)}) IS NOT NULL`;
const watched = "zone, pack_admin1, week, event_type, sub_event_type, tags, plover_event, plover_mode, verification, geo_precision, distribution, owner_party, merged_into, fatalities";

export async function up(db: Kysely<unknown>): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable("incident_weekly")
    .addColumn("area_type", "text", (c) => c.notNull())
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("week", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("verification", "text", (c) => c.notNull())
    .addColumn("precision", "integer", (c) => c.notNull())
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("owner_party", "text", (c) => c.notNull())
    .addColumn("events", "integer", (c) => c.notNull())
    .addColumn("fatalities", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("incident_weekly_pk", ["area_type", "week", "area", "category", "verification", "precision", "distribution", "owner_party"])
    .execute();

  if (isSqlite) {
    await sql.raw(`CREATE TRIGGER incident_weekly_ins AFTER INSERT ON incidents WHEN ${counted("NEW")} BEGIN ${sqliteStatements("NEW", 1)} END`).execute(db);
    await sql.raw(`CREATE TRIGGER incident_weekly_del AFTER DELETE ON incidents WHEN ${counted("OLD")} BEGIN ${sqliteStatements("OLD", -1)} END`).execute(db);
    await sql.raw(`CREATE TRIGGER incident_weekly_upd_old AFTER UPDATE OF ${watched} ON incidents WHEN ${counted("OLD")} BEGIN ${sqliteStatements("OLD", -1)} END`).execute(db);
    await sql.raw(`CREATE TRIGGER incident_weekly_upd_new AFTER UPDATE OF ${watched} ON incidents WHEN ${counted("NEW")} BEGIN ${sqliteStatements("NEW", 1)} END`).execute(db);
  } else {
    const upserts = (r: string, sign: string) =>
      areas
        .map(
          ([type, area]) => `INSERT INTO incident_weekly AS w (area_type, area, week, category, verification, precision, distribution, owner_party, events, fatalities)
            VALUES ('${type}', ${area(r)}, ${r}.week, ${categorySql(r)}, ${r}.verification, greatest(1, least(3, coalesce(${r}.geo_precision, 3))), ${r}.distribution, coalesce(${r}.owner_party, ''), ${sign}, ${sign} * coalesce(${r}.fatalities, 0))
            ON CONFLICT (area_type, week, area, category, verification, precision, distribution, owner_party)
            DO UPDATE SET events = w.events + excluded.events, fatalities = w.fatalities + excluded.fatalities;`,
        )
        .join("\n");
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION incident_weekly_apply() RETURNS trigger AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') AND ${counted("OLD")} THEN ${upserts("OLD", "-1")} END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') AND ${counted("NEW")} THEN ${upserts("NEW", "1")} END IF;
          RETURN NULL;
        END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    await sql.raw(`CREATE TRIGGER incident_weekly_ins_del AFTER INSERT OR DELETE ON incidents FOR EACH ROW EXECUTE FUNCTION incident_weekly_apply()`).execute(db);
    await sql.raw(`CREATE TRIGGER incident_weekly_upd AFTER UPDATE OF ${watched} ON incidents FOR EACH ROW EXECUTE FUNCTION incident_weekly_apply()`).execute(db);
  }

  // Backfill from what is already there.
  for (const [type, area] of areas) {
    const prec = isSqlite ? "max(1, min(3, coalesce(i.geo_precision, 3)))" : "greatest(1, least(3, coalesce(i.geo_precision, 3)))";
    await sql
      .raw(
        `INSERT INTO incident_weekly (area_type, area, week, category, verification, precision, distribution, owner_party, events, fatalities)
         SELECT '${type}', ${area("i")}, i.week, ${categorySql("i")}, i.verification, ${prec}, i.distribution, coalesce(i.owner_party, ''), count(*), sum(coalesce(i.fatalities, 0))
         FROM incidents i WHERE ${counted("i")}
         GROUP BY ${area("i")}, i.week, ${categorySql("i")}, i.verification, ${prec}, i.distribution, coalesce(i.owner_party, '')`,
      )
      .execute(db);
  }

  await db.schema
    .createTable("reports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("html_sha256", "text", (c) => c.notNull())
    .addColumn("pdf_sha256", "text", (c) => c.notNull())
    .addColumn("trigger", "text", (c) => c.notNull())
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("owner_party", "text")
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("reports_audience").on("reports").columns(["audience", "period_start"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (isSqlite) for (const t of ["incident_weekly_ins", "incident_weekly_del", "incident_weekly_upd_old", "incident_weekly_upd_new"]) await sql.raw(`DROP TRIGGER IF EXISTS ${t}`).execute(db);
  else {
    await sql.raw("DROP TRIGGER IF EXISTS incident_weekly_ins_del ON incidents").execute(db);
    await sql.raw("DROP TRIGGER IF EXISTS incident_weekly_upd ON incidents").execute(db);
    await sql.raw("DROP FUNCTION IF EXISTS incident_weekly_apply()").execute(db);
  }
  await db.schema.dropTable("reports").ifExists().execute();
  await db.schema.dropTable("incident_weekly").ifExists().execute();
}
