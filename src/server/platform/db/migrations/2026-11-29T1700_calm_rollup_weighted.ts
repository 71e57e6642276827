// The weekly roll-up, second form: weights applied at write time, so a cell is
// (area, week, category, distribution, owner) and a year of figures for every
// area is a few thousand rows whatever the number of incidents. The weights
// come from src/core/indicators/calm-index.ts (weighCell), and a property test
// holds the triggers to it. Replaces the roll-up of 2026-11-29T1400.
import { sql, SqliteAdapter, type Kysely } from "kysely";
import { FATALITY_WEIGHT, precisionWeight, severity, verificationWeight } from "../../../../core/indicators/calm-index.ts";
import { categorySql } from "./2026-11-29T1400_indicators.ts";

const areas = [
  ["zone", (r: string) => `coalesce(${r}.zone, 'outside')`],
  ["admin1", (r: string) => `coalesce(${r}.pack_admin1, 'none')`],
] as const;

const caseOf = (expr: string, table: Record<string | number, number>, otherwise: number) =>
  `(CASE ${expr} ${Object.entries(table).map(([k, v]) => `WHEN ${typeof k === "number" || /^\d+$/.test(k) ? k : `'${k}'`} THEN ${v.toFixed(6)}`).join(" ")} ELSE ${otherwise.toFixed(6)} END)`;

/** The weighted contributions of one incident row `r`, as SQL expressions. */
function contributions(r: string, isSqlite: boolean) {
  const prec = isSqlite ? `max(1, min(3, coalesce(${r}.geo_precision, 3)))` : `greatest(1, least(3, coalesce(${r}.geo_precision, 3)))`;
  const vw = caseOf(`${r}.verification`, verificationWeight, 0);
  const pw = caseOf(prec, precisionWeight, precisionWeight[3]);
  const sev = caseOf(categorySql(r), severity, 0);
  const fat = `coalesce(${r}.fatalities, 0)`;
  const points = `(${sev} + ${FATALITY_WEIGHT.toFixed(6)} * ${fat})`;
  return {
    events: "1",
    fatalities: fat,
    w_events: `(${vw} * ${pw})`,
    w_fatalities: `(${fat} * ${vw} * ${pw})`,
    score: `(${points} * ${vw} * ${pw})`,
    score_low: `(CASE WHEN ${r}.verification = 'verified' THEN ${points} * ${pw} ELSE 0 END)`,
    score_high: `(CASE WHEN ${r}.verification = 'rejected' THEN 0 ELSE ${points} END)`,
  };
}

const valueCols = ["events", "fatalities", "w_events", "w_fatalities", "score", "score_low", "score_high"] as const;
const counted = (r: string) => `${r}.merged_into IS NULL AND (${categorySql(r)}) IS NOT NULL`;
const watched = "zone, pack_admin1, week, event_type, sub_event_type, tags, plover_event, plover_mode, verification, geo_precision, distribution, owner_party, merged_into, fatalities";

function sqliteStatements(r: "NEW" | "OLD", sign: 1 | -1): string {
  const c = contributions(r, true);
  // One upsert per area: the cell's key from the row, its weighted contribution added (or taken away).
  return areas
    .map(
      ([type, area]) => `INSERT INTO calm_weekly (area_type, week, area, category, distribution, owner_party, ${valueCols.join(", ")})
        VALUES ('${type}', ${r}.week, ${area(r)}, ${categorySql(r)}, ${r}.distribution, coalesce(${r}.owner_party, ''), ${valueCols.map((v) => `(${sign}) * ${c[v]}`).join(", ")})
        ON CONFLICT (area_type, week, area, category, distribution, owner_party)
        DO UPDATE SET ${valueCols.map((v) => `${v} = ${v} + excluded.${v}`).join(", ")};`,
    )
    .join("\n");
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  // Retire the first roll-up.
  if (isSqlite) for (const t of ["incident_weekly_ins", "incident_weekly_del", "incident_weekly_upd_old", "incident_weekly_upd_new"]) await sql.raw(`DROP TRIGGER IF EXISTS ${t}`).execute(db);
  else {
    await sql.raw("DROP TRIGGER IF EXISTS incident_weekly_ins_del ON incidents").execute(db);
    await sql.raw("DROP TRIGGER IF EXISTS incident_weekly_upd ON incidents").execute(db);
    await sql.raw("DROP FUNCTION IF EXISTS incident_weekly_apply()").execute(db);
  }
  await db.schema.dropTable("incident_weekly").ifExists().execute();

  const real = isSqlite ? "real" : "double precision";
  let t = db.schema
    .createTable("calm_weekly")
    .addColumn("area_type", "text", (c) => c.notNull())
    .addColumn("week", "text", (c) => c.notNull())
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("owner_party", "text", (c) => c.notNull())
    .addColumn("events", "integer", (c) => c.notNull())
    .addColumn("fatalities", "integer", (c) => c.notNull());
  for (const v of ["w_events", "w_fatalities", "score", "score_low", "score_high"]) t = t.addColumn(v, sql.raw(real), (c) => c.notNull());
  await t.addPrimaryKeyConstraint("calm_weekly_pk", ["area_type", "week", "area", "category", "distribution", "owner_party"]).execute();

  if (isSqlite) {
    await sql.raw(`CREATE TRIGGER calm_weekly_ins AFTER INSERT ON incidents WHEN ${counted("NEW")} BEGIN ${sqliteStatements("NEW", 1)} END`).execute(db);
    await sql.raw(`CREATE TRIGGER calm_weekly_del AFTER DELETE ON incidents WHEN ${counted("OLD")} BEGIN ${sqliteStatements("OLD", -1)} END`).execute(db);
    await sql.raw(`CREATE TRIGGER calm_weekly_upd_old AFTER UPDATE OF ${watched} ON incidents WHEN ${counted("OLD")} BEGIN ${sqliteStatements("OLD", -1)} END`).execute(db);
    await sql.raw(`CREATE TRIGGER calm_weekly_upd_new AFTER UPDATE OF ${watched} ON incidents WHEN ${counted("NEW")} BEGIN ${sqliteStatements("NEW", 1)} END`).execute(db);
  } else {
    const upserts = (r: string, sign: string) => {
      const c = contributions(r, false);
      return areas
        .map(
          ([type, area]) => `INSERT INTO calm_weekly AS w (area_type, week, area, category, distribution, owner_party, ${valueCols.join(", ")})
            VALUES ('${type}', ${r}.week, ${area(r)}, ${categorySql(r)}, ${r}.distribution, coalesce(${r}.owner_party, ''), ${valueCols.map((v) => `${sign} * ${c[v]}`).join(", ")})
            ON CONFLICT (area_type, week, area, category, distribution, owner_party)
            DO UPDATE SET ${valueCols.map((v) => `${v} = w.${v} + excluded.${v}`).join(", ")};`,
        )
        .join("\n");
    };
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION calm_weekly_apply() RETURNS trigger AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') AND ${counted("OLD")} THEN ${upserts("OLD", "-1")} END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') AND ${counted("NEW")} THEN ${upserts("NEW", "1")} END IF;
          RETURN NULL;
        END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    await sql.raw(`CREATE TRIGGER calm_weekly_ins_del AFTER INSERT OR DELETE ON incidents FOR EACH ROW EXECUTE FUNCTION calm_weekly_apply()`).execute(db);
    await sql.raw(`CREATE TRIGGER calm_weekly_upd AFTER UPDATE OF ${watched} ON incidents FOR EACH ROW EXECUTE FUNCTION calm_weekly_apply()`).execute(db);
  }
  await rebuildCalmWeekly(db, isSqlite);
}

/** Recompute the roll-up from the incidents table (also used after bulk loads that bypass triggers). */
export async function rebuildCalmWeekly(db: Kysely<unknown>, isSqlite: boolean): Promise<void> {
  await sql.raw("DELETE FROM calm_weekly").execute(db);
  const c = contributions("i", isSqlite);
  for (const [type, area] of areas) {
    await sql
      .raw(
        `INSERT INTO calm_weekly (area_type, week, area, category, distribution, owner_party, ${valueCols.join(", ")})
         SELECT '${type}', i.week, ${area("i")}, ${categorySql("i")}, i.distribution, coalesce(i.owner_party, ''), ${valueCols.map((v) => `sum(${c[v]})`).join(", ")}
         FROM incidents i WHERE ${counted("i")}
         GROUP BY i.week, ${area("i")}, ${categorySql("i")}, i.distribution, coalesce(i.owner_party, '')`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (isSqlite) for (const t of ["calm_weekly_ins", "calm_weekly_del", "calm_weekly_upd_old", "calm_weekly_upd_new"]) await sql.raw(`DROP TRIGGER IF EXISTS ${t}`).execute(db);
  else {
    await sql.raw("DROP TRIGGER IF EXISTS calm_weekly_ins_del ON incidents").execute(db);
    await sql.raw("DROP TRIGGER IF EXISTS calm_weekly_upd ON incidents").execute(db);
    await sql.raw("DROP FUNCTION IF EXISTS calm_weekly_apply()").execute(db);
  }
  await db.schema.dropTable("calm_weekly").ifExists().execute();
}
