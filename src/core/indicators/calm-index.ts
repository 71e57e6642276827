// The calm index: how quiet an area was in a week, from the incidents recorded
// there, weighted by how sure we are that each happened (verification state)
// and that it happened in this area (location precision).
//
// Why these weights:
// - Verification. A verified incident counts fully; a corroborated one almost
//   (a second independent source); one still under review or only reported by
//   one side counts about half — in a two-party channel a single side's report
//   is as often a claim as a fact; a disputed one less; a rejected one not at all.
// - Precision (ACLED geo_precision). 1 = the town itself, 2 = near it or part
//   of a region, 3 = only the region: the less precise, the less sure the event
//   belongs to this zone or governorate.
// - Severity. Air and drone strikes weigh most (they are what the talks were
//   judged by), then shelling and armed clashes, then ground incursions; each
//   fatality adds on top.
// The band brackets the uncertainty: its low end counts only verified
// incidents (still discounted for imprecise places), its high end counts every
// incident not rejected at full weight, as if every claim were true and exact. The index maps a weekly score s to
// 100·exp(−s/10): 100 is a week with nothing, ~37 a week with ten weighted points.

export const categories = ["air_drone", "shelling", "armed_clash", "incursion"] as const;
export type Category = (typeof categories)[number];

export const verificationStates = ["reported", "under_review", "corroborated", "verified", "disputed", "rejected"] as const;
export type VerificationState = (typeof verificationStates)[number];

export const verificationWeight: Record<VerificationState, number> = {
  verified: 1,
  corroborated: 0.8,
  under_review: 0.5,
  reported: 0.5,
  disputed: 0.3,
  rejected: 0,
};

export const precisionWeight: Record<1 | 2 | 3, number> = { 1: 1, 2: 0.8, 3: 0.5 };

export const severity: Record<Category, number> = { air_drone: 3, shelling: 2, armed_clash: 2, incursion: 1 };
export const FATALITY_WEIGHT = 1;
export const SCALE = 10;

/** One aggregated cell: events of one category, state and precision in an area-week. */
export interface WeeklyCell {
  area: string;
  week: string;
  category: Category;
  verification: VerificationState;
  precision: 1 | 2 | 3;
  events: number;
  fatalities: number;
}

export interface CategoryFigure {
  raw: number;
  weighted: number;
}

export interface AreaWeek {
  area: string;
  week: string;
  counts: Record<Category, CategoryFigure>;
  fatalities: CategoryFigure;
  score: number;
  score_low: number;
  score_high: number;
  calm: number;
  calm_low: number;
  calm_high: number;
  previous: { week: string; score: number; calm: number } | null;
  change: { score: number; score_pct: number | null; calm: number } | null;
  /** Raw events and fatalities since `runningFrom`, up to and including this week. */
  running: Record<Category | "fatalities", number>;
}

export const calmOf = (score: number): number => Math.round(1000 * 100 * Math.exp(-score / SCALE)) / 1000;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** ACLED/PLOVER fields → calm-index category, or null when the incident does not count. */
export function categoryOf(i: { event_type: string; sub_event_type: string; tags?: string | null; plover?: string | null; plover_mode?: string | null }): Category | null {
  if (i.sub_event_type === "Air/drone strike") return "air_drone";
  if (i.sub_event_type === "Shelling/artillery/missile attack") return "shelling";
  if (i.event_type === "Battles") return "armed_clash";
  const tags = (i.tags ?? "").toLowerCase();
  if (tags.includes("incursion") || (i.plover === "MOBILIZE" && i.plover_mode === "troops") || i.sub_event_type === "Headquarters or base established") return "incursion";
  if (i.event_type === "Explosions/Remote violence") return "shelling";
  return null;
}

function emptyCounts(): Record<Category, CategoryFigure> {
  return { air_drone: { raw: 0, weighted: 0 }, shelling: { raw: 0, weighted: 0 }, armed_clash: { raw: 0, weighted: 0 }, incursion: { raw: 0, weighted: 0 } };
}

/**
 * Cells with the weights applied: what the database roll-up stores, so that
 * reading a year of figures touches a few thousand rows. `aggregateCells`
 * is the reference the SQL triggers are tested against.
 */
export interface AggregatedCell {
  area: string;
  week: string;
  category: Category;
  events: number;
  fatalities: number;
  w_events: number;
  w_fatalities: number;
  score: number;
  score_low: number;
  score_high: number;
}

export function pointsOf(category: Category, fatalities: number): number {
  return severity[category] + FATALITY_WEIGHT * fatalities;
}

/** Weights of one incident (or a cell of identical ones) — mirrored by the roll-up triggers. */
export function weighCell(c: WeeklyCell): Omit<AggregatedCell, "area" | "week" | "category"> {
  const w = verificationWeight[c.verification] * precisionWeight[c.precision];
  const points = severity[c.category] * c.events + FATALITY_WEIGHT * c.fatalities;
  return {
    events: c.events,
    fatalities: c.fatalities,
    w_events: c.events * w,
    w_fatalities: c.fatalities * w,
    score: points * w,
    score_low: c.verification === "verified" ? points * precisionWeight[c.precision] : 0,
    score_high: c.verification === "rejected" ? 0 : points,
  };
}

export function aggregateCells(cells: readonly WeeklyCell[]): AggregatedCell[] {
  const out = new Map<string, AggregatedCell>();
  for (const c of cells) {
    const k = `${c.area}\u0000${c.week}\u0000${c.category}`;
    let a = out.get(k);
    if (!a) out.set(k, (a = { area: c.area, week: c.week, category: c.category, events: 0, fatalities: 0, w_events: 0, w_fatalities: 0, score: 0, score_low: 0, score_high: 0 }));
    const w = weighCell(c);
    a.events += w.events;
    a.fatalities += w.fatalities;
    a.w_events += w.w_events;
    a.w_fatalities += w.w_fatalities;
    a.score += w.score;
    a.score_low += w.score_low;
    a.score_high += w.score_high;
  }
  return [...out.values()];
}

/**
 * Compute the index for every area × week from weighted cells. `weeks` must be
 * consecutive and ascending; the first week serves as "previous" for the
 * second (pass one extra leading week to get a change for the first shown).
 */
export function computeCalmIndex(cells: readonly AggregatedCell[], areas: readonly string[], weeks: readonly string[], runningFrom: string | null = null): AreaWeek[] {
  type Acc = { counts: Record<Category, CategoryFigure>; fat: CategoryFigure; score: number; low: number; high: number };
  const acc = new Map<string, Acc>();
  const key = (a: string, w: string) => `${a}\u0000${w}`;
  for (const c of cells) {
    const k = key(c.area, c.week);
    let a = acc.get(k);
    if (!a) acc.set(k, (a = { counts: emptyCounts(), fat: { raw: 0, weighted: 0 }, score: 0, low: 0, high: 0 }));
    const fig = a.counts[c.category];
    fig.raw += c.events;
    fig.weighted += c.w_events;
    a.fat.raw += c.fatalities;
    a.fat.weighted += c.w_fatalities;
    a.score += c.score;
    a.low += c.score_low;
    a.high += c.score_high;
  }
  const out: AreaWeek[] = [];
  for (const area of areas) {
    const running: Record<Category | "fatalities", number> = { air_drone: 0, shelling: 0, armed_clash: 0, incursion: 0, fatalities: 0 };
    let prev: { week: string; score: number } | null = null;
    for (const week of weeks) {
      const a = acc.get(key(area, week)) ?? { counts: emptyCounts(), fat: { raw: 0, weighted: 0 }, score: 0, low: 0, high: 0 };
      if (runningFrom === null || week >= runningFrom) {
        for (const c of categories) running[c] += a.counts[c].raw;
        running.fatalities += a.fat.raw;
      }
      const counts = emptyCounts();
      for (const c of categories) counts[c] = { raw: a.counts[c].raw, weighted: r3(a.counts[c].weighted) };
      const score = r3(a.score);
      out.push({
        area,
        week,
        counts,
        fatalities: { raw: a.fat.raw, weighted: r3(a.fat.weighted) },
        score,
        score_low: r3(a.low),
        score_high: r3(a.high),
        calm: calmOf(score),
        // More points = less calm, so the low end of the calm band comes from the high score.
        calm_low: calmOf(a.high),
        calm_high: calmOf(a.low),
        previous: prev ? { week: prev.week, score: prev.score, calm: calmOf(prev.score) } : null,
        change: prev ? { score: r3(score - prev.score), score_pct: prev.score === 0 ? null : r3(((score - prev.score) / prev.score) * 100), calm: r3(calmOf(score) - calmOf(prev.score)) } : null,
        running: { ...running },
      });
      prev = { week, score };
    }
  }
  return out;
}
