// Measurable commitments: a criterion over recorded data, evaluated to a
// status with the numbers and the records behind it — "heavy weapons removed"
// is measured, not asserted.
import { z } from "zod";
import { addWeeks, weekOf } from "../indicators/weeks.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

export const criterionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("max_incidents_per_week"),
    /** ACLED event type and, optionally, sub-type the count is about. */
    event_type: z.string().min(1),
    sub_event_type: z.string().min(1).optional(),
    zone: z.string().min(1).optional(),
    admin1: z.string().min(1).optional(),
    max: z.number().int().min(0),
    weeks: z.number().int().min(1).max(104),
    from: isoDate,
  }),
  z.object({
    kind: z.literal("none_found_at_inspections"),
    zone: z.string().min(1),
    /** A key of an inspection's findings, e.g. "artillery", "tanks", "sam". */
    item: z.string().min(1),
    from: isoDate,
  }),
  z.object({
    kind: z.literal("notification_lead_share"),
    party: z.string().min(1),
    min_hours: z.number().positive(),
    /** Required share, 0..1 (0.95 = 95 %). */
    share: z.number().min(0).max(1),
    from: isoDate,
  }),
]);
export type Criterion = z.infer<typeof criterionSchema>;

export type CriterionStatus = "fulfilled" | "breached" | "in_progress" | "insufficient_data";

export interface Evaluation {
  status: CriterionStatus;
  /** Whether it is being met so far (for in-progress criteria). */
  on_track: boolean;
  summary: string;
  numbers: Record<string, number | string | null>;
  /** Ids of the records the verdict rests on (the breaching week's incidents, the inspections, the late notifications). */
  records: string[];
}

export interface WeekCount {
  week: string;
  count: number;
  ids: string[];
}
export interface InspectionFact {
  id: string;
  date: string;
  zone: string;
  findings: Record<string, number>;
}
export interface NotificationFact {
  id: string;
  party: string;
  sent_at: string;
  starts_at: string;
}

export interface CriterionData {
  weekly?: WeekCount[];
  inspections?: InspectionFact[];
  notifications?: NotificationFact[];
}

/** `today` is YYYY-MM-DD; `due` the commitment's due date if any. */
export function evaluateCriterion(c: Criterion, data: CriterionData, today: string, due: string | null): Evaluation {
  switch (c.kind) {
    case "max_incidents_per_week": {
      const first = weekOf(c.from);
      const weeks = Array.from({ length: c.weeks }, (_, i) => addWeeks(first, i));
      const current = weekOf(today);
      const byWeek = new Map((data.weekly ?? []).map((w) => [w.week, w]));
      const completed = weeks.filter((w) => w < current);
      const over = weeks.filter((w) => w <= current).map((w) => byWeek.get(w) ?? { week: w, count: 0, ids: [] }).filter((w) => w.count > c.max);
      const worst = Math.max(0, ...weeks.map((w) => byWeek.get(w)?.count ?? 0));
      const numbers = { max_allowed: c.max, worst_week_count: worst, weeks_completed: completed.length, weeks_required: c.weeks, first_week: first };
      if (over.length > 0) {
        const w = over[0]!;
        return { status: "breached", on_track: false, summary: `${w.count} incidents in the week of ${w.week}, above the limit of ${c.max}`, numbers: { ...numbers, breaching_week: w.week }, records: w.ids };
      }
      if (completed.length >= c.weeks) return { status: "fulfilled", on_track: true, summary: `at most ${c.max} a week for ${c.weeks} weeks (worst week ${worst})`, numbers, records: [] };
      return { status: "in_progress", on_track: true, summary: `${completed.length} of ${c.weeks} weeks done, none above ${c.max}`, numbers, records: [] };
    }
    case "none_found_at_inspections": {
      const relevant = (data.inspections ?? []).filter((i) => i.zone === c.zone && i.date >= c.from).sort((a, b) => a.date.localeCompare(b.date));
      const found = relevant.filter((i) => (i.findings[c.item] ?? 0) > 0);
      const numbers = { inspections: relevant.length, with_item_found: found.length, item: c.item, zone: c.zone };
      if (found.length > 0) {
        const f = found[0]!;
        return { status: "breached", on_track: false, summary: `${f.findings[c.item]} ${c.item} found in ${c.zone} at the inspection of ${f.date}`, numbers, records: found.map((i) => i.id) };
      }
      if (relevant.length === 0) return { status: "insufficient_data", on_track: true, summary: `no inspection of ${c.zone} since ${c.from}`, numbers, records: [] };
      const done = due !== null && today > due;
      return { status: done ? "fulfilled" : "in_progress", on_track: true, summary: `no ${c.item} found at ${relevant.length} inspection(s) of ${c.zone}`, numbers, records: relevant.map((i) => i.id) };
    }
    case "notification_lead_share": {
      const notes = (data.notifications ?? []).filter((n) => n.party === c.party && n.sent_at.slice(0, 10) >= c.from);
      const late = notes.filter((n) => (Date.parse(n.starts_at) - Date.parse(n.sent_at)) / 3_600_000 < c.min_hours);
      const share = notes.length ? (notes.length - late.length) / notes.length : null;
      const numbers = { notifications: notes.length, with_enough_lead: notes.length - late.length, share: share === null ? null : Math.round(share * 1000) / 1000, required_share: c.share, min_hours: c.min_hours };
      if (share === null) return { status: "insufficient_data", on_track: true, summary: `no notification from ${c.party} since ${c.from}`, numbers, records: [] };
      const ok = share >= c.share;
      const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
      const summary = `${pct(share)} of ${notes.length} notifications gave at least ${c.min_hours} h (required ${pct(c.share)})`;
      if (due !== null && today > due) return { status: ok ? "fulfilled" : "breached", on_track: ok, summary, numbers, records: late.map((n) => n.id) };
      return { status: "in_progress", on_track: ok, summary, numbers, records: late.map((n) => n.id) };
    }
  }
}
