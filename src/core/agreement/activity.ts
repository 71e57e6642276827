// The activity check: a declared activity (where, when, with what) against
// the pack's limits, including the limits that cap a band's total across all
// of a party's concurrently notified activities.
import { z } from "zod";
import type { Pack } from "./build.ts";
import type { Classifier, GeometryClassification } from "./classify.ts";
import { classifierFor, parseGeometry } from "./classify.ts";
import { InputError, pathToField } from "./errors.ts";
import type { InputIssue } from "./errors.ts";
import type { Limit } from "./schema.ts";
import { ZONE_OUTSIDE } from "./schema.ts";
import { findingEnglish, type FindingText } from "./finding-text.ts";

const count = z.number().int("must be a whole number").min(0, "must not be negative");
export const artilleryEntrySchema = z.object({
  count: z.number().int().min(1),
  /** Maximum range in km; omit when unknown (the check then warns). */
  range_km: z.number().positive().optional(),
  caliber_mm: z.number().positive().optional(),
});
export const forcesSchema = z.object({
  troops: count.default(0),
  brigades: count.default(0),
  tanks: count.default(0),
  artillery: z.array(artilleryEntrySchema).default([]),
  /** Surface-to-air missile launchers or batteries. */
  sam: count.default(0),
  aircraft: count.default(0),
  /** The activity includes military observation (posts, sensors, reconnaissance). */
  military_observation: z.boolean().default(false),
  /** Civil police, which the area of separation allows. */
  police: count.default(0),
});
export type Forces = z.infer<typeof forcesSchema>;

export const activitySchema = z.object({
  id: z.string().min(1),
  party: z.string().min(1),
  geometry: z.unknown(),
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
  description: z.string().optional(),
  forces: forcesSchema.default({ troops: 0, brigades: 0, tanks: 0, artillery: [], sam: 0, aircraft: 0, military_observation: false, police: 0 }),
}).refine((a) => Date.parse(a.end) > Date.parse(a.start), { message: "end must be after start", path: ["end"] });
export type ActivityInput = z.input<typeof activitySchema>;
export type Activity = z.infer<typeof activitySchema>;

export type FindingStatus = "breach" | "warning" | "compliant";
export interface Finding {
  status: FindingStatus;
  zone: string | null;
  limit_id: string | null;
  limit: string | null;
  clause: string | null;
  source: { id: string; title: string; url?: string; citation?: string } | null;
  /** English wording of `text`. */
  message: string;
  /** What the finding says, as a message id and values, for readers in any language. */
  text: FindingText;
  /** This activity's own figure, the peak total across concurrent activities, and the cap. */
  declared?: number;
  total?: number;
  allowed?: number;
  /** Activities counted in the total, and when the peak falls. */
  activities?: string[];
  peak_at?: string;
}
export interface ActivityCheck {
  activity_id: string;
  party: string;
  status: FindingStatus;
  geometry: GeometryClassification;
  findings: Finding[];
  disclaimer: string | null;
}

function parseActivity(input: unknown, where: Partial<InputIssue>): Activity {
  const r = activitySchema.safeParse(input);
  if (!r.success) throw new InputError(r.error.issues.map((i) => ({ ...where, field: pathToField(i.path), message: i.message })));
  parseGeometry(r.data.geometry, where);
  return r.data;
}

const artilleryCount = (f: Forces) => f.artillery.reduce((s, a) => s + a.count, 0);
const itemCount = (f: Forces, item: "troops" | "brigades" | "tanks" | "artillery") => (item === "artillery" ? artilleryCount(f) : f[item]);
const hasGroundForces = (f: Forces) => f.troops > 0 || f.brigades > 0 || f.tanks > 0 || artilleryCount(f) > 0 || f.sam > 0 || f.military_observation;

const RANK: Record<FindingStatus, number> = { compliant: 0, warning: 1, breach: 2 };

/**
 * Checks one activity. `concurrent` are the other notified activities (any
 * party; only the same party's, overlapping in time and touching the same
 * zone, count towards a band's totals). Throws InputError for bad input.
 */
export function checkActivity(pack: Pack, activity: unknown, concurrent: readonly unknown[] = [], classifier: Classifier = classifierFor(pack)): ActivityCheck {
  const act = parseActivity(activity, {});
  const others = concurrent.map((c, i) => parseActivity(c, { feature: i, field: "concurrent" })).filter((c) => c.id !== act.id);
  const geo = classifier.classifyGeometry(act.geometry);
  const touched = new Map(geo.zones.map((z) => [z.zone, z]));
  const findings: Finding[] = [];
  const sourceOf = (id: string) => {
    const s = pack.meta.sources.find((x) => x.id === id);
    return s ? { id: s.id, title: s.title, url: s.url, citation: s.citation } : null;
  };
  const add = (l: Limit, zone: string | null, status: FindingStatus, text: FindingText, extra: Partial<Finding> = {}) =>
    findings.push({ status, zone, limit_id: l.id, limit: l.text, clause: l.clause, source: sourceOf(l.source), message: findingEnglish(text), text, ...extra });
  const accuracy_m = pack.meta.accuracy_m;
  const isParty = pack.parties.some((p) => p.id === act.party);
  if (!isParty) {
    const text: FindingText = { key: "not_party", values: { party: act.party } };
    findings.push({ status: "warning", zone: null, limit_id: null, limit: null, clause: null, source: null, message: findingEnglish(text), text });
  }

  // Concurrent activities of the same party that overlap in time, with their zones.
  const aStart = Date.parse(act.start), aEnd = Date.parse(act.end);
  const overlapping = others
    .filter((o) => o.party === act.party && Date.parse(o.start) < aEnd && Date.parse(o.end) > aStart)
    .map((o) => ({ a: o, zones: new Set(classifier.classifyGeometry(o.geometry).zones.map((z) => z.zone)) }));
  const peak = (zone: string, item: "troops" | "brigades" | "tanks" | "artillery") => {
    const list = [{ a: act, zones: new Set([zone]) }, ...overlapping].filter((x) => x.zones.has(zone) && itemCount(x.a.forces, item) > 0);
    const times = [...new Set(list.map((x) => Math.max(Date.parse(x.a.start), aStart)))].sort((p, q) => p - q);
    let best = { total: itemCount(act.forces, item), at: aStart, ids: [act.id] };
    for (const t of times) {
      const active = list.filter((x) => Date.parse(x.a.start) <= t && Date.parse(x.a.end) > t);
      const total = active.reduce((s, x) => s + itemCount(x.a.forces, item), 0);
      if (total > best.total) best = { total, at: t, ids: active.map((x) => x.a.id) };
    }
    return best;
  };

  for (const l of pack.limits) {
    if (l.parties && !l.parties.includes(act.party)) continue;
    const zones = l.zones.includes("*") ? [...touched.keys()] : l.zones.filter((z) => touched.has(z));
    const f = act.forces;
    const rule = l.rule;
    switch (rule.kind) {
      case "own_side": {
        if (!isParty) break;
        const relevant = rule.applies_to === "aircraft" ? f.aircraft > 0 : rule.applies_to === "ground_forces" ? hasGroundForces(f) : hasGroundForces(f) || f.aircraft > 0;
        if (!relevant) break;
        const r = classifier.onOwnSide(act.party, act.geometry);
        const party = pack.parties.find((p) => p.id === act.party)!;
        const line = pack.lines.find((x) => x.id === party.line);
        const ln = { line: line?.key ?? party.line, line_name: line?.name ?? party.line };
        if (r.inside) add(l, null, r.certain ? "compliant" : "warning", { key: "line.stays", values: { side: party.side, ...ln, near: !r.certain, accuracy_m } });
        else add(l, null, r.certain ? "breach" : "warning", r.certain ? { key: "line.beyond", values: { side: party.side, ...ln } } : { key: "line.touches", values: { ...ln, accuracy_m } });
        break;
      }
      case "no_military_forces":
        for (const z of zones) {
          if (!hasGroundForces(f)) { add(l, z, "compliant", { key: f.police > 0 ? "forces.police_only" : "forces.none_declared", values: {} }); continue; }
          const sure = touched.get(z)!.certain;
          add(l, z, sure ? "breach" : "warning", sure ? { key: "forces.none_allowed", values: {} } : { key: "forces.may_enter", values: { zone: z, accuracy_m } });
        }
        break;
      case "max":
        if (itemCount(f, rule.item) === 0) break;
        for (const z of zones) {
          const pk = peak(z, rule.item);
          const extra = { declared: itemCount(f, rule.item), total: pk.total, allowed: rule.max, activities: pk.ids, peak_at: new Date(pk.at).toISOString() };
          const counted = { total: pk.total, item: rule.item, zone: z, max: rule.max, activities: pk.ids.length };
          if (pk.total > rule.max) {
            const sure = touched.get(z)!.certain;
            add(l, z, sure ? "breach" : "warning", { key: "max.above", values: { ...counted, near: !sure, accuracy_m } }, extra);
          } else add(l, z, "compliant", { key: "max.within", values: counted }, extra);
        }
        break;
      case "artillery_calibre_only":
        if (!f.artillery.length) break;
        for (const z of zones) {
          const wrong = f.artillery.filter((a) => a.caliber_mm !== undefined && a.caliber_mm !== rule.caliber_mm);
          const unknown = f.artillery.filter((a) => a.caliber_mm === undefined);
          const sure = touched.get(z)!.certain;
          if (wrong.length) add(l, z, sure ? "breach" : "warning", { key: "calibre.wrong", values: { count: wrong.reduce((s, a) => s + a.count, 0), calibres: [...new Set(wrong.map((a) => a.caliber_mm))].join("/"), allowed_mm: rule.caliber_mm } });
          else if (unknown.length) add(l, z, "warning", { key: "calibre.unknown", values: { count: unknown.reduce((s, a) => s + a.count, 0), allowed_mm: rule.caliber_mm } });
          else add(l, z, "compliant", { key: "calibre.ok", values: { allowed_mm: rule.caliber_mm } });
        }
        break;
      case "artillery_max_range":
        if (!f.artillery.length) break;
        for (const z of zones) {
          const over = f.artillery.filter((a) => a.range_km !== undefined && a.range_km > rule.max_range_km);
          const unknown = f.artillery.filter((a) => a.range_km === undefined);
          const sure = touched.get(z)!.certain;
          if (over.length) add(l, z, sure ? "breach" : "warning", { key: "range.over", values: { count: over.reduce((s, a) => s + a.count, 0), max_km: rule.max_range_km } });
          else if (unknown.length) add(l, z, "warning", { key: "range.unknown", values: { count: unknown.reduce((s, a) => s + a.count, 0) } });
          else add(l, z, "compliant", { key: "range.ok", values: { max_km: rule.max_range_km } });
        }
        break;
      case "no_sam":
        if (f.sam === 0) break;
        for (const z of zones) {
          const sure = touched.get(z)!.certain;
          add(l, z, sure ? "breach" : "warning", { key: "sam.present", values: { count: f.sam, zone: z, near: !sure, accuracy_m } }, { declared: f.sam, allowed: 0 });
        }
        break;
      case "no_military_observation": {
        if (!f.military_observation) break;
        const hit = rule.sites.filter((s) => geo.sites.includes(s));
        if (hit.length) add(l, zones[0] ?? null, "breach", { key: "observation.in_site", values: { sites: hit.join(", ") } });
        else if (zones.length) add(l, zones[0]!, "compliant", { key: "observation.clear", values: {} });
        break;
      }
    }
  }
  if (!findings.length) {
    const inAny = geo.zones.some((z) => z.zone !== ZONE_OUTSIDE);
    const text: FindingText = { key: inAny ? "no_limit" : "outside", values: {} };
    findings.push({ status: "compliant", zone: inAny ? geo.zones[0]!.zone : ZONE_OUTSIDE, limit_id: null, limit: null, clause: null, source: null, message: findingEnglish(text), text });
  }
  const status = findings.reduce<FindingStatus>((s, x) => (RANK[x.status] > RANK[s] ? x.status : s), "compliant");
  return { activity_id: act.id, party: act.party, status, geometry: geo, findings, disclaimer: pack.meta.approximate ? pack.meta.disclaimer : null };
}
