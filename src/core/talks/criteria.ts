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

/** What the verdict says, as a message id and its values, for readers in any language (`summary` is its English wording). */
const msg = <K extends string, V extends z.ZodRawShape>(key: K, values: V) => z.object({ key: z.literal(key), values: z.object(values) });
export const measuredMessageSchema = z.discriminatedUnion("key", [
  msg("max.breached", { count: z.number(), week: z.string(), max: z.number() }),
  msg("max.fulfilled", { max: z.number(), weeks: z.number(), worst: z.number() }),
  msg("max.in_progress", { done: z.number(), weeks: z.number(), max: z.number() }),
  msg("inspections.breached", { count: z.number(), item: z.string(), zone: z.string(), date: z.string() }),
  msg("inspections.none", { zone: z.string(), from: z.string() }),
  msg("inspections.clear", { item: z.string(), n: z.number(), zone: z.string() }),
  msg("lead.none", { party: z.string(), from: z.string() }),
  msg("lead.share", { share: z.number(), n: z.number(), hours: z.number(), required: z.number() }),
  msg("unavailable", { source: z.enum(["incidents", "hotline"]) }),
]);
export type MeasuredMessage = z.infer<typeof measuredMessageSchema>;

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The English wording of a measured verdict. */
export function measuredSummary(m: MeasuredMessage): string {
  switch (m.key) {
    case "max.breached": return `${m.values.count} incidents in the week of ${m.values.week}, above the limit of ${m.values.max}`;
    case "max.fulfilled": return `at most ${m.values.max} a week for ${m.values.weeks} weeks (worst week ${m.values.worst})`;
    case "max.in_progress": return `${m.values.done} of ${m.values.weeks} weeks done, none above ${m.values.max}`;
    case "inspections.breached": return `${m.values.count} ${m.values.item} found in ${m.values.zone} at the inspection of ${m.values.date}`;
    case "inspections.none": return `no inspection of ${m.values.zone} since ${m.values.from}`;
    case "inspections.clear": return `no ${m.values.item} found at ${m.values.n} inspection(s) of ${m.values.zone}`;
    case "lead.none": return `no notification from ${m.values.party} since ${m.values.from}`;
    case "lead.share": return `${pct(m.values.share)} of ${m.values.n} notifications gave at least ${m.values.hours} h (required ${pct(m.values.required)})`;
    case "unavailable": return `${m.values.source === "incidents" ? "incident counts are" : "hotline figures are"} not available in this deployment`;
  }
}

export interface Evaluation {
  status: CriterionStatus;
  /** Whether it is being met so far (for in-progress criteria). */
  on_track: boolean;
  summary: string;
  message: MeasuredMessage;
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

/** The verdict when the deployment has no source for the criterion's data. */
export function unavailable(source: "incidents" | "hotline"): Evaluation {
  const message: MeasuredMessage = { key: "unavailable", values: { source } };
  return { status: "insufficient_data", on_track: true, summary: measuredSummary(message), message, numbers: {}, records: [] };
}

/** `today` is YYYY-MM-DD; `due` the commitment's due date if any. */
export function evaluateCriterion(c: Criterion, data: CriterionData, today: string, due: string | null): Evaluation {
  const verdict = (status: CriterionStatus, on_track: boolean, message: MeasuredMessage, numbers: Evaluation["numbers"], records: string[]): Evaluation =>
    ({ status, on_track, summary: measuredSummary(message), message, numbers, records });
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
        return verdict("breached", false, { key: "max.breached", values: { count: w.count, week: w.week, max: c.max } }, { ...numbers, breaching_week: w.week }, w.ids);
      }
      if (completed.length >= c.weeks) return verdict("fulfilled", true, { key: "max.fulfilled", values: { max: c.max, weeks: c.weeks, worst } }, numbers, []);
      return verdict("in_progress", true, { key: "max.in_progress", values: { done: completed.length, weeks: c.weeks, max: c.max } }, numbers, []);
    }
    case "none_found_at_inspections": {
      const relevant = (data.inspections ?? []).filter((i) => i.zone === c.zone && i.date >= c.from).sort((a, b) => a.date.localeCompare(b.date));
      const found = relevant.filter((i) => (i.findings[c.item] ?? 0) > 0);
      const numbers = { inspections: relevant.length, with_item_found: found.length, item: c.item, zone: c.zone };
      if (found.length > 0) {
        const f = found[0]!;
        return verdict("breached", false, { key: "inspections.breached", values: { count: f.findings[c.item]!, item: c.item, zone: c.zone, date: f.date } }, numbers, found.map((i) => i.id));
      }
      if (relevant.length === 0) return verdict("insufficient_data", true, { key: "inspections.none", values: { zone: c.zone, from: c.from } }, numbers, []);
      const done = due !== null && today > due;
      return verdict(done ? "fulfilled" : "in_progress", true, { key: "inspections.clear", values: { item: c.item, n: relevant.length, zone: c.zone } }, numbers, relevant.map((i) => i.id));
    }
    case "notification_lead_share": {
      const notes = (data.notifications ?? []).filter((n) => n.party === c.party && n.sent_at.slice(0, 10) >= c.from);
      const late = notes.filter((n) => (Date.parse(n.starts_at) - Date.parse(n.sent_at)) / 3_600_000 < c.min_hours);
      const share = notes.length ? (notes.length - late.length) / notes.length : null;
      const numbers = { notifications: notes.length, with_enough_lead: notes.length - late.length, share: share === null ? null : Math.round(share * 1000) / 1000, required_share: c.share, min_hours: c.min_hours };
      if (share === null) return verdict("insufficient_data", true, { key: "lead.none", values: { party: c.party, from: c.from } }, numbers, []);
      const ok = share >= c.share;
      const message: MeasuredMessage = { key: "lead.share", values: { share, n: notes.length, hours: c.min_hours, required: c.share } };
      if (due !== null && today > due) return verdict(ok ? "fulfilled" : "breached", ok, message, numbers, late.map((n) => n.id));
      return verdict("in_progress", ok, message, numbers, late.map((n) => n.id));
    }
  }
}
