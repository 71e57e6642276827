// The scoring rule of ../shared/eval/SCHEMA.md, pure: labels and proposals in,
// counts out. Matching is strict (type, actor countries, place, date); the
// per-field report uses a looser alignment by evidence so that a wrong place
// or date shows up as a field error rather than only as a missed event.
import type { EventLabel } from "./labels.ts";
import { distanceKm } from "./lookup.ts";
import { isoToDays } from "./dates.ts";

/** The subset of a proposal the scorer reads; extractor proposals fit it. */
export interface ScoredProposal {
  event_type: string;
  sub_event_type: string;
  plover: string;
  actor1: { country: string | null } | null;
  actor2: { country: string | null } | null;
  admin1: string | null;
  admin1_name?: string | null;
  lat: number | null;
  lon: number | null;
  date: string | null;
  fatalities?: number | null;
  flags: { background: boolean };
  evidence: Array<{ text: string }>;
}

export interface ArticleScoreInput {
  labels: readonly EventLabel[];
  proposals: readonly ScoredProposal[];
}

const FIELDS = ["type", "sub_type", "plover", "actors", "place", "date", "background", "fatalities"] as const;
type Field = (typeof FIELDS)[number];

export interface FieldTally { right: number; of: number }

export interface ScoreTally {
  articles: number;
  labels: number;
  required: number;
  proposed: number;
  matched: number;
  matchedOptional: number;
  byField: Record<Field, FieldTally>;
}

export interface ScoreSummary {
  articles: number;
  labels: number;
  proposed: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  by_field: Record<Field, number | null> & { aligned: number };
}

// Governorates and districts by ISO 3166-2 code, with the spellings news and datasets use.
const ADMIN1_ALIASES: Record<string, string[]> = {
  "SY-SU": ["suwayda", "sweida", "suwaida", "suweida", "soueida", "swaida", "sueida", "as suwayda", "suwaydaa", "jabal druze"],
  "SY-DR": ["daraa", "dara", "deraa", "dera", "daraa governorate", "hauran"],
  "SY-QU": ["quneitra", "qunaytirah", "kuneitra", "qunaitra", "qunaytira", "al qunaytirah"],
  "SY-DI": ["damascus", "dimashq", "damascus city"],
  "SY-RD": ["rif dimashq", "rif dimashq governorate", "damascus countryside", "rural damascus", "reef dimashq", "rif damascus", "damascus suburbs"],
  "SY-HI": ["homs", "hims"],
  "SY-HM": ["hama", "hamah"],
  "SY-LA": ["latakia", "lattakia", "al ladhiqiyah"],
  "SY-TA": ["tartus", "tartous"],
  "SY-ID": ["idlib", "idleb"],
  "SY-HL": ["aleppo", "halab"],
  "SY-DY": ["deir ez zor", "deir ezzor", "dayr az zawr"],
  "SY-RA": ["raqqa", "ar raqqah"],
  "SY-HA": ["hasakah", "al hasakah", "hasaka"],
  "IL-Z": ["northern", "north district", "northern district", "hazafon", "hatzafon"],
  "IL-HA": ["haifa", "hefa"],
  "IL-M": ["central", "hamerkaz", "center district"],
  "IL-TA": ["tel aviv"],
  "IL-JM": ["jerusalem"],
  "IL-D": ["southern", "hadarom"],
  "JO-IR": ["irbid"],
  "JO-AM": ["amman"],
  "JO-MA": ["mafraq"],
  "LB-BA": ["beirut"],
  "LB-NA": ["nabatieh", "nabatiyah", "an nabatiyah"],
  "LB-JA": ["south lebanon", "south"],
  "LB-BI": ["beqaa", "bekaa"],
  "SA-01": ["riyadh", "ar riyad", "riyad"],
  "AZ-BA": ["baku"],
  "FR-75": ["paris", "ile de france"],
  "US-DC": ["district of columbia", "washington"],
};
const ALIAS_TO_CODE = new Map<string, string>();
for (const [code, names] of Object.entries(ADMIN1_ALIASES)) for (const n of names) ALIAS_TO_CODE.set(n, code);

/** Normalises an admin-1 name or ISO 3166-2 code to one comparable key. */
export function admin1Key(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^[A-Z]{2}-[A-Z0-9~]{1,4}$/.test(v)) return v === "SY-X01~" ? "SY-QU" : v;
  let n = v.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  n = n.replace(/['’‘`ʿʾ]/g, "").replace(/[-_]/g, " ");
  n = n.replace(/\b(governorate|province|district|muhafazat|region)\b/g, " ");
  n = n.replace(/^\s*(al|as|ad|ar|ash|el|es|az|at|an)\s+/, "").replace(/\s+/g, " ").trim();
  return ALIAS_TO_CODE.get(n) ?? ALIAS_TO_CODE.get(n.replace(/^(al|as|ash|ad|ar) /, "")) ?? n;
}

function plover(p: string | null | undefined): string | null {
  if (!p) return null;
  return p.toUpperCase() === "FIGHT" ? "ASSAULT" : p.toUpperCase();
}

function actorsAgree(l: EventLabel, p: ScoredProposal): boolean {
  const p1 = p.actor1?.country ?? null;
  const p2 = p.actor2?.country ?? null;
  const ok = (want: string | null, got: string | null): boolean => want === null || want === got;
  return (ok(l.actor1_country, p1) && ok(l.actor2_country, p2)) || (ok(l.actor1_country, p2) && ok(l.actor2_country, p1));
}

/** Rule 3. `null` when the label's place is not scored. */
export function placeAgrees(l: EventLabel, p: ScoredProposal): boolean | null {
  const lHas = l.admin1 !== null || (l.lat !== null && l.lon !== null);
  if (!lHas) return null;
  const la = admin1Key(l.admin1);
  const pa = admin1Key(p.admin1) ?? admin1Key(p.admin1_name);
  if (la && pa && (la === pa || la === admin1Key(p.admin1_name))) return true;
  if (l.lat !== null && l.lon !== null && p.lat !== null && p.lon !== null && distanceKm(l.lon, l.lat, p.lon, p.lat) <= 25) return true;
  return false;
}

/** Rule 4. */
export function dateAgrees(l: EventLabel, p: ScoredProposal): boolean {
  if (p.date === null) return l.date === null;
  const d = isoToDays(p.date);
  if (l.date_start !== null && d < isoToDays(l.date_start) - 1) return false;
  if (l.date_end !== null && d > isoToDays(l.date_end) + 1) return false;
  return true;
}

function strictMatch(l: EventLabel, p: ScoredProposal): boolean {
  return l.event_type === p.event_type && actorsAgree(l, p) && placeAgrees(l, p) !== false && dateAgrees(l, p);
}

function normSentence(s: string): string {
  return s.replace(/\s+/g, " ").trim().toLowerCase();
}

/** Whether the label cites this sentence as evidence (one contains the other, whitespace and case aside). */
export function labelCites(l: Pick<EventLabel, "evidence">, sentence: string): boolean {
  const t = normSentence(sentence);
  return l.evidence.some((e) => {
    const x = normSentence(e);
    return x.includes(t) || t.includes(x);
  });
}

function evidenceOverlap(l: EventLabel, p: ScoredProposal): number {
  return p.evidence.filter((e) => labelCites(l, e.text)).length;
}

function quality(l: EventLabel, p: ScoredProposal): number {
  return (l.sub_event_type === p.sub_event_type ? 1 : 0) + (plover(l.plover) === plover(p.plover) ? 1 : 0) + evidenceOverlap(l, p) * 2 + (placeAgrees(l, p) === true ? 0.5 : 0);
}

function greedy(labels: readonly EventLabel[], proposals: readonly ScoredProposal[], ok: (l: EventLabel, p: ScoredProposal) => boolean): Array<[number, number]> {
  const pairs: Array<{ li: number; pi: number; q: number }> = [];
  labels.forEach((l, li) => proposals.forEach((p, pi) => { if (ok(l, p)) pairs.push({ li, pi, q: quality(l, p) }); }));
  pairs.sort((a, b) => b.q - a.q || a.li - b.li || a.pi - b.pi);
  const usedL = new Set<number>();
  const usedP = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const { li, pi } of pairs) {
    if (usedL.has(li) || usedP.has(pi)) continue;
    usedL.add(li);
    usedP.add(pi);
    out.push([li, pi]);
  }
  return out;
}

export function emptyTally(): ScoreTally {
  const byField = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, of: 0 }])) as Record<Field, FieldTally>;
  return { articles: 0, labels: 0, required: 0, proposed: 0, matched: 0, matchedOptional: 0, byField };
}

/** Scores one article into `tally` (mutated) and returns the strict pairs. */
export function scoreArticle(tally: ScoreTally, input: ArticleScoreInput): Array<[number, number]> {
  const { labels, proposals } = input;
  tally.articles++;
  tally.labels += labels.length;
  tally.required += labels.filter((l) => !l.optional).length;
  tally.proposed += proposals.length;
  const strict = greedy(labels, proposals, strictMatch);
  for (const [li] of strict) {
    if (labels[li]!.optional) tally.matchedOptional++;
    else tally.matched++;
  }
  // Field accuracy over the events found at all: the strict pairs first (a label matched to a proposal is found by that
  // proposal, not by a look-alike from the same sentence), then the rest aligned by shared evidence or, failing that, by type.
  const usedL = new Set(strict.map(([li]) => li));
  const usedP = new Set(strict.map(([, pi]) => pi));
  const looseL = labels.map((l, li) => ({ l, li })).filter(({ li }) => !usedL.has(li));
  const looseP = proposals.map((p, pi) => ({ p, pi })).filter(({ pi }) => !usedP.has(pi));
  const loose = greedy(looseL.map((x) => x.l), looseP.map((x) => x.p), (l, p) => evidenceOverlap(l, p) > 0 || l.event_type === p.event_type)
    .map(([a, b]): [number, number] => [looseL[a]!.li, looseP[b]!.pi]);
  const aligned = [...strict, ...loose];
  for (const [li, pi] of aligned) {
    const l = labels[li]!;
    const p = proposals[pi]!;
    const add = (f: Field, right: boolean | null): void => {
      if (right === null) return;
      tally.byField[f].of++;
      if (right) tally.byField[f].right++;
    };
    add("type", l.event_type === p.event_type);
    add("sub_type", l.sub_event_type === null ? null : l.sub_event_type === p.sub_event_type);
    add("plover", l.plover === null ? null : plover(l.plover) === plover(p.plover));
    add("actors", actorsAgree(l, p));
    add("place", placeAgrees(l, p));
    add("date", dateAgrees(l, p));
    add("background", l.reported_by_article_as_past_background === p.flags.background);
    add("fatalities", l.fatalities === null && (p.fatalities ?? null) === null ? null : l.fatalities === (p.fatalities ?? null));
  }
  return strict;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export function summarise(t: ScoreTally): ScoreSummary {
  const precisionBase = t.proposed - t.matchedOptional;
  const precision = precisionBase > 0 ? t.matched / precisionBase : 0;
  const recall = t.required > 0 ? t.matched / t.required : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const byField = Object.fromEntries(FIELDS.map((f) => [f, t.byField[f].of ? r3(t.byField[f].right / t.byField[f].of) : null])) as Record<Field, number | null>;
  return {
    articles: t.articles,
    labels: t.labels,
    proposed: t.proposed,
    matched: t.matched,
    precision: r3(precision),
    recall: r3(recall),
    f1: r3(f1),
    by_field: { ...byField, aligned: Object.values(t.byField)[0]?.of ?? 0 },
  };
}
