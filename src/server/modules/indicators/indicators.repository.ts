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

/** Notifications a viewer may see, received in [from, to): lead-time facts for reports and criteria. */
export function visibleNotifications(db: DbOrTx, viewer: Viewer, f: { from: string; to?: string | undefined; party?: string | undefined }) {
  let q = db
    .selectFrom("hotline_messages")
    .select(["id", "sender_party", "received_at", "window_start", "timing"])
    .where("kind", "=", "notification")
    .where("received_at", ">=", f.from)
    .where(visibleTo(viewer, "hotline_messages.distribution", "hotline_messages.owner_party"));
  if (f.to) q = q.where("received_at", "<", f.to);
  if (f.party) q = q.where("sender_party", "=", f.party);
  return q.orderBy("received_at").limit(100_000).execute();
}

/** Reply deadlines a viewer may see, opened in [from, to). */
export function visibleDeadlines(db: DbOrTx, viewer: Viewer, from: string, to: string) {
  return db
    .selectFrom("hotline_deadlines")
    .select(["reply_kind", "created_at", "due_at", "met_at"])
    .where("created_at", ">=", from)
    .where("created_at", "<", to)
    .where(visibleTo(viewer, "hotline_deadlines.distribution", "hotline_deadlines.owner_party"))
    .limit(100_000)
    .execute();
}

/** Incidents per week matching a commitment's criterion, with their ids. */
export async function weeklyIncidentCounts(db: DbOrTx, viewer: Viewer, f: { event_type: string; sub_event_type?: string | undefined; zone?: string | undefined; admin1?: string | undefined; from: string; to: string }) {
  let q = db
    .selectFrom("incidents")
    .select(["id", "week"])
    .where("event_type", "=", f.event_type)
    .where("event_date", ">=", f.from)
    .where("event_date", "<", f.to)
    .where("merged_into", "is", null)
    .where(visibleTo(viewer, "incidents.distribution", "incidents.owner_party"));
  if (f.sub_event_type) q = q.where("sub_event_type", "=", f.sub_event_type);
  if (f.zone) q = q.where("zone", "=", f.zone);
  if (f.admin1) q = q.where("pack_admin1", "=", f.admin1);
  const rows = await q.limit(100_000).execute();
  const byWeek = new Map<string, string[]>();
  for (const r of rows) byWeek.set(r.week, [...(byWeek.get(r.week) ?? []), r.id]);
  return [...byWeek.entries()].map(([week, ids]) => ({ week, count: ids.length, ids }));
}
