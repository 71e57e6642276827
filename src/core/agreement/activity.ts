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
  message: string;
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
  const add = (l: Limit, zone: string | null, status: FindingStatus, message: string, extra: Partial<Finding> = {}) =>
    findings.push({ status, zone, limit_id: l.id, limit: l.text, clause: l.clause, source: sourceOf(l.source), message, ...extra });
  const nearText = `within ±${pack.meta.accuracy_m} m of a line drawn only approximately`;
  const isParty = pack.parties.some((p) => p.id === act.party);
  if (!isParty) {
    findings.push({ status: "warning", zone: null, limit_id: null, limit: null, clause: null, source: null, message: `${act.party} is not a party to this agreement; only the zone limits that bind every party are checked` });
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
        const lineName = pack.lines.find((x) => x.id === party.line)?.name ?? party.line;
        if (r.inside) add(l, null, r.certain ? "compliant" : "warning", r.certain ? `stays ${party.side} of ${lineName}` : `stays ${party.side} of ${lineName}, but ${nearText}`);
        else add(l, null, r.certain ? "breach" : "warning", r.certain ? `reaches beyond ${lineName} (the party's forces must stay ${party.side} of it)` : `touches ${lineName} ${nearText}; cannot judge which side`);
        break;
      }
      case "no_military_forces":
        for (const z of zones) {
          if (!hasGroundForces(f)) { add(l, z, "compliant", f.police > 0 ? "police only" : "no military forces declared"); continue; }
          const sure = touched.get(z)!.certain;
          add(l, z, sure ? "breach" : "warning", sure ? "military forces declared in a zone where none are allowed" : `military forces declared ${nearText}; the activity may or may not enter ${z}`);
        }
        break;
      case "max":
        if (itemCount(f, rule.item) === 0) break;
        for (const z of zones) {
          const pk = peak(z, rule.item);
          const extra = { declared: itemCount(f, rule.item), total: pk.total, allowed: rule.max, activities: pk.ids, peak_at: new Date(pk.at).toISOString() };
          const across = pk.ids.length > 1 ? ` across ${pk.ids.length} concurrent activities` : "";
          if (pk.total > rule.max) {
            const sure = touched.get(z)!.certain;
            add(l, z, sure ? "breach" : "warning", `${pk.total} ${rule.item}${across} in ${z}, above the limit of ${rule.max}${sure ? "" : ` (${nearText})`}`, extra);
          } else add(l, z, "compliant", `${pk.total} ${rule.item}${across} in ${z}, within the limit of ${rule.max}`, extra);
        }
        break;
      case "artillery_calibre_only":
        if (!f.artillery.length) break;
        for (const z of zones) {
          const wrong = f.artillery.filter((a) => a.caliber_mm !== undefined && a.caliber_mm !== rule.caliber_mm);
          const unknown = f.artillery.filter((a) => a.caliber_mm === undefined);
          const sure = touched.get(z)!.certain;
          if (wrong.length) add(l, z, sure ? "breach" : "warning", `${wrong.reduce((s, a) => s + a.count, 0)} artillery pieces of calibre ${[...new Set(wrong.map((a) => a.caliber_mm))].join("/")} mm; only ${rule.caliber_mm} mm is permitted here`);
          else if (unknown.length) add(l, z, "warning", `calibre not declared for ${unknown.reduce((s, a) => s + a.count, 0)} artillery pieces; the pack cannot judge (only ${rule.caliber_mm} mm is permitted)`);
          else add(l, z, "compliant", `all artillery is ${rule.caliber_mm} mm`);
        }
        break;
      case "artillery_max_range":
        if (!f.artillery.length) break;
        for (const z of zones) {
          const over = f.artillery.filter((a) => a.range_km !== undefined && a.range_km > rule.max_range_km);
          const unknown = f.artillery.filter((a) => a.range_km === undefined);
          const sure = touched.get(z)!.certain;
          if (over.length) add(l, z, sure ? "breach" : "warning", `${over.reduce((s, a) => s + a.count, 0)} artillery pieces with range over ${rule.max_range_km} km`);
          else if (unknown.length) add(l, z, "warning", `range not declared for ${unknown.reduce((s, a) => s + a.count, 0)} artillery pieces; the pack cannot judge`);
          else add(l, z, "compliant", `all artillery has a range of at most ${rule.max_range_km} km`);
        }
        break;
      case "no_sam":
        if (f.sam === 0) break;
        for (const z of zones) {
          const sure = touched.get(z)!.certain;
          add(l, z, sure ? "breach" : "warning", `${f.sam} surface-to-air missile unit(s) in ${z}${sure ? "" : ` (${nearText})`}`, { declared: f.sam, allowed: 0 });
        }
        break;
      case "no_military_observation": {
        if (!f.military_observation) break;
        const hit = rule.sites.filter((s) => geo.sites.includes(s));
        if (hit.length) add(l, zones[0] ?? null, "breach", `military observation declared within the area of ${hit.join(", ")} (the site's area is approximate)`);
        else if (zones.length) add(l, zones[0]!, "compliant", "military observation declared, but not in the protected site's area");
        break;
      }
    }
  }
  if (!findings.length) {
    const inAny = geo.zones.some((z) => z.zone !== ZONE_OUTSIDE);
    findings.push({ status: "compliant", zone: inAny ? geo.zones[0]!.zone : ZONE_OUTSIDE, limit_id: null, limit: null, clause: null, source: null, message: inAny ? "no limit of the agreement applies to what was declared" : "outside every zone of the agreement" });
  }
  const status = findings.reduce<FindingStatus>((s, x) => (RANK[x.status] > RANK[s] ? x.status : s), "compliant");
  return { activity_id: act.id, party: act.party, status, geometry: geo, findings, disclaimer: pack.meta.approximate ? pack.meta.disclaimer : null };
}
