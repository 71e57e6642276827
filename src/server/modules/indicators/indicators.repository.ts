// SQL of indicators: the weekly roll-up filtered by need-to-know, and reports.
import { sql } from "kysely";
import type { Viewer } from "../../../core/access/distribution.ts";
import type { AggregatedCell } from "../../../core/indicators/calm-index.ts";
import { visibleTo } from "../../platform/access.ts";
import type { DbOrTx } from "../../platform/db/database.ts";
import type { ReportsTable } from "./indicators.table.ts";

export type ReportRow = ReportsTable;

export const indicatorsRepository = {
  /** Weighted cells of the roll-up a viewer may count, for weeks in [fromWeek, toWeek]. */
  async cells(db: DbOrTx, viewer: Viewer, areaType: "zone" | "admin1", fromWeek: string, toWeek: string, areas: readonly string[] | null): Promise<AggregatedCell[]> {
    let q = db
      .selectFrom("calm_weekly")
      .select([
        "area",
        "week",
        "category",
        sql<number>`sum(events)`.as("events"),
        sql<number>`sum(fatalities)`.as("fatalities"),
        sql<number>`sum(w_events)`.as("w_events"),
        sql<number>`sum(w_fatalities)`.as("w_fatalities"),
        sql<number>`sum(score)`.as("score"),
        sql<number>`sum(score_low)`.as("score_low"),
        sql<number>`sum(score_high)`.as("score_high"),
      ])
      .where("area_type", "=", areaType)
      .where("week", ">=", fromWeek)
      .where("week", "<=", toWeek)
      // owner '' stands for none: the mediator rule compares with the viewer's party, which is never ''.
      .where(visibleTo(viewer, "calm_weekly.distribution", "calm_weekly.owner_party"));
    if (areas) q = q.where("area", "in", areas.length ? areas : ["\u0000"]);
    const rows = await q.groupBy(["area", "week", "category"]).execute();
    return rows.map((r) => ({
      area: r.area,
      week: r.week,
      category: r.category as AggregatedCell["category"],
      events: Number(r.events),
      fatalities: Number(r.fatalities),
      w_events: Number(r.w_events),
      w_fatalities: Number(r.w_fatalities),
      score: Number(r.score),
      score_low: Number(r.score_low),
      score_high: Number(r.score_high),
    }));
  },
  insertReport: (db: DbOrTx, row: ReportRow) => db.insertInto("reports").values(row).execute(),
  findReport: (db: DbOrTx, viewer: Viewer, id: string) =>
    db.selectFrom("reports").selectAll().where("id", "=", id).where(visibleTo(viewer, "reports.distribution", "reports.owner_party")).executeTakeFirst(),
  listReports: (db: DbOrTx, viewer: Viewer, limit: number) =>
    db.selectFrom("reports").selectAll().where(visibleTo(viewer, "reports.distribution", "reports.owner_party")).orderBy("created_at", "desc").limit(limit).execute(),
  latestFor: (db: DbOrTx, audience: string, periodStart: string) =>
    db.selectFrom("reports").select("id").where("audience", "=", audience).where("period_start", "=", periodStart).executeTakeFirst(),
};

/** Incidents of a period for report maps: a few columns, need-to-know in SQL, merged duplicates left out. */
export async function periodIncidents(db: DbOrTx, viewer: Viewer, fromDate: string, toDate: string, limit = 5000) {
  return db
    .selectFrom("incidents")
    .select(["id", "event_date", "latitude", "longitude", "event_type", "sub_event_type", "verification", "zone", "pack_admin1", "fatalities", "tags", "plover_event", "plover_mode"])
    .where("event_date", ">=", fromDate)
    .where("event_date", "<=", toDate)
    .where("merged_into", "is", null)
    .where(visibleTo(viewer, "incidents.distribution", "incidents.owner_party"))
    .orderBy("event_date")
    .limit(limit)
    .execute();
}
