// Wire shapes of the calm index, the public dashboard and situation reports:
// the one definition the server's routes declare and the web app parses.
import { z } from "zod";

const figure = z.object({ raw: z.number(), weighted: z.number() });
export const calmRowSchema = z.object({
  area: z.string(),
  week: z.string(),
  counts: z.record(z.string(), figure),
  fatalities: figure,
  score: z.number(),
  score_low: z.number(),
  score_high: z.number(),
  calm: z.number(),
  calm_low: z.number(),
  calm_high: z.number(),
  previous: z.object({ week: z.string(), score: z.number(), calm: z.number() }).nullable(),
  change: z.object({ score: z.number(), score_pct: z.number().nullable(), calm: z.number() }).nullable(),
  running: z.record(z.string(), z.number()),
});
export type CalmRow = z.infer<typeof calmRowSchema>;

export const calmSchema = z.object({ area_type: z.string(), weeks: z.array(z.string()), areas: z.array(z.string()), rows: z.array(calmRowSchema) });
export type CalmDto = z.infer<typeof calmSchema>;

export const publicDashboardSchema = calmSchema.extend({ as_of: z.string(), delay_days: z.number(), by_zone: calmSchema });

export const reportSchema = z.object({
  id: z.string(), audience: z.string(), period_start: z.string(), period_end: z.string(), language: z.string(), trigger: z.string(),
  html_sha256: z.string(), pdf_sha256: z.string(), created_at: z.string(),
});
export type ReportDto = z.infer<typeof reportSchema>;
export const reportListSchema = z.object({ items: z.array(reportSchema) });

/** The rows of one area in week order. */
export function seriesOf(d: CalmDto, area: string): CalmRow[] {
  return d.rows.filter((r) => r.area === area).sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
}

/** Each area's row for the last week of the range (areas without one are left out). */
export function latestByArea(d: CalmDto): CalmRow[] {
  const last = d.weeks[d.weeks.length - 1];
  return d.areas.map((a) => d.rows.find((r) => r.area === a && r.week === last)).filter((r): r is CalmRow => r !== undefined);
}
