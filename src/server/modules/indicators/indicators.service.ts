// Indicators: the calm index per zone and governorate per week (from the
// trigger-kept roll-up, filtered by need-to-know), its CSV, and the public
// dashboard's aggregates after the publication delay.
import { stringify } from "csv-stringify/sync";
import { publicViewer, type Viewer } from "../../../core/access/distribution.ts";
import { categories, computeCalmIndex, type AreaWeek } from "../../../core/indicators/calm-index.ts";
import { weekOf, weeksEnding } from "../../../core/indicators/weeks.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/database.ts";
import { errors } from "../../platform/http/errors.ts";
import { indicatorsRepository as repo, visibleDeadlines, visibleNotifications, weeklyIncidentCounts } from "./indicators.repository.ts";

export interface AreaCatalogue {
  zones: () => Promise<string[]>;
  admin1: () => Promise<Array<{ code: string; name: string }>>;
}

export interface IndicatorsDeps {
  db: Db;
  clock: Clock;
  areas: AreaCatalogue;
  /** Days the public dashboard lags behind the present. */
  publicDelayDays: number;
}

export interface CalmQuery {
  area_type: "zone" | "admin1";
  /** Last week shown (any date in it); default: this week. */
  to?: string | undefined;
  weeks: number;
  areas?: string[] | undefined;
  running_from?: string | undefined;
}

export interface CalmResult {
  area_type: "zone" | "admin1";
  weeks: string[];
  areas: string[];
  rows: AreaWeek[];
}

export class IndicatorsService {
  constructor(private readonly d: IndicatorsDeps) {}

  async knownAreas(areaType: "zone" | "admin1"): Promise<string[]> {
    return areaType === "zone" ? [...(await this.d.areas.zones()), "outside"] : (await this.d.areas.admin1()).map((a) => a.code);
  }

  async calmIndex(viewer: Viewer, q: CalmQuery): Promise<CalmResult> {
    const to = q.to ?? this.d.clock.now().toISOString().slice(0, 10);
    // One week more than shown, so the first shown week has a previous period.
    const weeks = weeksEnding(to, q.weeks + 1);
    const known = await this.knownAreas(q.area_type);
    if (q.areas) {
      const unknown = q.areas.filter((a) => !known.includes(a));
      if (unknown.length) throw errors.validation(`Unknown ${q.area_type === "zone" ? "zone" : "governorate"}: ${unknown.join(", ")}.`, [{ path: "areas", problem: `use ${known.join(", ")}` }]);
    }
    const areas = q.areas ?? known;
    const cells = await repo.cells(this.d.db, viewer, q.area_type, weeks[0]!, weeks[weeks.length - 1]!, q.areas ?? null);
    const runningFrom = q.running_from ? weekOf(q.running_from) : weeks[1]!;
    const rows = computeCalmIndex(cells, areas, weeks, runningFrom).filter((r) => r.week !== weeks[0]);
    return { area_type: q.area_type, weeks: weeks.slice(1), areas, rows };
  }

  toCsv(result: CalmResult): string {
    const header = ["area_type", "area", "week", "calm", "calm_low", "calm_high", "score", "score_low", "score_high", "previous_score", "change_score", "change_pct", ...categories.flatMap((c) => [c, `${c}_weighted`]), "fatalities", "fatalities_weighted", ...categories.map((c) => `running_${c}`), "running_fatalities"];
    const lines = result.rows.map((r) => [
      result.area_type, r.area, r.week, r.calm, r.calm_low, r.calm_high, r.score, r.score_low, r.score_high,
      r.previous?.score ?? "", r.change?.score ?? "", r.change?.score_pct ?? "",
      ...categories.flatMap((c) => [r.counts[c].raw, r.counts[c].weighted]),
      r.fatalities.raw, r.fatalities.weighted,
      ...categories.map((c) => r.running[c]), r.running.fatalities,
    ]);
    return stringify([header, ...lines]);
  }

  /** Public figures: only public records count, and only up to the publication delay. */
  async publicDashboard(weeks: number): Promise<CalmResult & { as_of: string; delay_days: number; by_zone: CalmResult }> {
    const asOf = new Date(this.d.clock.now().getTime() - this.d.publicDelayDays * 86_400_000).toISOString().slice(0, 10);
    // The last complete week before the cut-off, so a partial week never shows as calm.
    const lastWeek = weeksEnding(asOf, 2)[0]!;
    const byAdmin = await this.calmIndex(publicViewer, { area_type: "admin1", to: lastWeek, weeks });
    const byZone = await this.calmIndex(publicViewer, { area_type: "zone", to: lastWeek, weeks });
    return { ...byAdmin, as_of: asOf, delay_days: this.d.publicDelayDays, by_zone: byZone };
  }
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return Math.round((s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) * 10) / 10;
};

/** Hotline figures over what a viewer may see: lead times, late notices, acknowledgement times, overdue replies. */
export async function hotlineFigures(db: Db, viewer: Viewer, from: string, to: string, now: Date) {
  const notes = await visibleNotifications(db, viewer, { from, to });
  const leads = notes.filter((n) => n.window_start !== null).map((n) => (Date.parse(n.window_start!) - Date.parse(n.received_at)) / 3_600_000);
  const late = notes.filter((n) => n.timing !== null && (JSON.parse(n.timing) as { late?: boolean }).late === true).length;
  const deadlines = await visibleDeadlines(db, viewer, from, to);
  const acks = deadlines.filter((d) => d.reply_kind === "acknowledgement" && d.met_at !== null);
  const cutoff = Math.min(now.getTime(), Date.parse(to));
  const overdue = deadlines.filter((d) => (d.met_at === null ? Date.parse(d.due_at) < cutoff : d.met_at > d.due_at)).length;
  return {
    notifications: notes.length,
    median_lead_h: median(leads),
    late,
    acknowledgements: acks.length,
    median_ack_min: median(acks.map((d) => (Date.parse(d.met_at!) - Date.parse(d.created_at)) / 60_000)),
    overdue,
  };
}

/** Data sources for measurable commitments. */
export function criterionSources(db: Db) {
  return {
    weeklyIncidents: (viewer: Viewer, f: Parameters<typeof weeklyIncidentCounts>[2]) => weeklyIncidentCounts(db, viewer, f),
    notifications: async (viewer: Viewer, party: string, from: string) =>
      (await visibleNotifications(db, viewer, { from: `${from}T00:00:00.000Z`, party }))
        .filter((n) => n.window_start !== null)
        .map((n) => ({ id: n.id, party: n.sender_party, sent_at: n.received_at, starts_at: n.window_start! })),
  };
}
