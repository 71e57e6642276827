// What a finding of the activity check says, as a message id with its values,
// so each reader sees it in their own language (the web app words it from
// these), and its English wording, which the API also carries as `message`.
// Values are facts (counts, zone ids, line keys); wording lives in catalogues.
import { z } from "zod";
import { compassSchema, countedItem } from "./schema.ts";

const n = z.number();
const s = z.string();
const side = compassSchema;
const item = countedItem;
const msg = <K extends string, V extends z.ZodRawShape>(key: K, values: V) => z.object({ key: z.literal(key), values: z.object(values) });

export const findingTextSchema = z.discriminatedUnion("key", [
  msg("not_party", { party: s }),
  /** `near`: within the pack's accuracy of a line drawn only approximately (then `accuracy_m` is set). */
  msg("line.stays", { side, line: s, line_name: s, near: z.boolean(), accuracy_m: n }),
  msg("line.beyond", { side, line: s, line_name: s }),
  msg("line.touches", { line: s, line_name: s, accuracy_m: n }),
  msg("forces.police_only", {}),
  msg("forces.none_declared", {}),
  msg("forces.none_allowed", {}),
  msg("forces.may_enter", { zone: s, accuracy_m: n }),
  /** `activities`: how many concurrent activities of the party the total adds up (1 = this one alone). */
  msg("max.above", { total: n, item, zone: s, max: n, activities: n, near: z.boolean(), accuracy_m: n }),
  msg("max.within", { total: n, item, zone: s, max: n, activities: n }),
  msg("calibre.wrong", { count: n, calibres: s, allowed_mm: n }),
  msg("calibre.unknown", { count: n, allowed_mm: n }),
  msg("calibre.ok", { allowed_mm: n }),
  msg("range.over", { count: n, max_km: n }),
  msg("range.unknown", { count: n }),
  msg("range.ok", { max_km: n }),
  msg("sam.present", { count: n, zone: s, near: z.boolean(), accuracy_m: n }),
  msg("observation.in_site", { sites: s }),
  msg("observation.clear", {}),
  msg("no_limit", {}),
  msg("outside", {}),
  msg("notice.short", { lead_min: n, required_min: n, short_min: n }),
]);
export type FindingText = z.infer<typeof findingTextSchema>;

/** The English wording (the API's `message`, logs and exports). */
export function findingEnglish(m: FindingText): string {
  const near = (accuracy: number) => `within ±${accuracy} m of a line drawn only approximately`;
  switch (m.key) {
    case "not_party": return `${m.values.party} is not a party to this agreement; only the zone limits that bind every party are checked`;
    case "line.stays": return m.values.near ? `stays ${m.values.side} of ${m.values.line_name}, but ${near(m.values.accuracy_m)}` : `stays ${m.values.side} of ${m.values.line_name}`;
    case "line.beyond": return `reaches beyond ${m.values.line_name} (the party's forces must stay ${m.values.side} of it)`;
    case "line.touches": return `touches ${m.values.line_name} ${near(m.values.accuracy_m)}; cannot judge which side`;
    case "forces.police_only": return "police only";
    case "forces.none_declared": return "no military forces declared";
    case "forces.none_allowed": return "military forces declared in a zone where none are allowed";
    case "forces.may_enter": return `military forces declared ${near(m.values.accuracy_m)}; the activity may or may not enter ${m.values.zone}`;
    case "max.above":
    case "max.within": {
      const x = m.values;
      const across = x.activities > 1 ? ` across ${x.activities} concurrent activities` : "";
      if (m.key === "max.within") return `${x.total} ${x.item}${across} in ${x.zone}, within the limit of ${x.max}`;
      return `${x.total} ${x.item}${across} in ${x.zone}, above the limit of ${x.max}${m.values.near ? ` (${near(m.values.accuracy_m)})` : ""}`;
    }
    case "calibre.wrong": return `${m.values.count} artillery pieces of calibre ${m.values.calibres} mm; only ${m.values.allowed_mm} mm is permitted here`;
    case "calibre.unknown": return `calibre not declared for ${m.values.count} artillery pieces; the pack cannot judge (only ${m.values.allowed_mm} mm is permitted)`;
    case "calibre.ok": return `all artillery is ${m.values.allowed_mm} mm`;
    case "range.over": return `${m.values.count} artillery pieces with range over ${m.values.max_km} km`;
    case "range.unknown": return `range not declared for ${m.values.count} artillery pieces; the pack cannot judge`;
    case "range.ok": return `all artillery has a range of at most ${m.values.max_km} km`;
    case "sam.present": return `${m.values.count} surface-to-air missile unit(s) in ${m.values.zone}${m.values.near ? ` (${near(m.values.accuracy_m)})` : ""}`;
    case "observation.in_site": return `military observation declared within the area of ${m.values.sites} (the site's area is approximate)`;
    case "observation.clear": return "military observation declared, but not in the protected site's area";
    case "no_limit": return "no limit of the agreement applies to what was declared";
    case "outside": return "outside every zone of the agreement";
    case "notice.short": return `short notice: the activity starts in ${m.values.lead_min} min, the channel rules ask for ${m.values.required_min} min (${m.values.short_min} min short)`;
  }
}
