// File formats of an agreement pack (see packs/README.md). Zod schemas so a
// pack folder is checked field by field before any geometry is derived.
import { z } from "zod";

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "use letters, digits, dashes and underscores");
const partyId = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, "use an upper-case code such as ISR");
const finite = z.number().refine(Number.isFinite, "must be a finite number");
const lonNum = finite.pipe(z.number().min(-180).max(180));
const latNum = finite.pipe(z.number().min(-90).max(90));
export const positionSchema = z.tuple([lonNum, latNum]).rest(z.number());
const ringSchema = z.array(positionSchema).min(4, "a ring needs at least 4 positions (closed)");
const polygonCoords = z.array(ringSchema).min(1);

export const lineGeometrySchema = z.object({ type: z.literal("LineString"), coordinates: z.array(positionSchema).min(2) });
export const polygonGeometrySchema = z.object({ type: z.literal("Polygon"), coordinates: polygonCoords });
export const multiPolygonGeometrySchema = z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(polygonCoords).min(1) });
export const areaGeometrySchema = z.discriminatedUnion("type", [polygonGeometrySchema, multiPolygonGeometrySchema]);
export const pointGeometrySchema = z.object({ type: z.literal("Point"), coordinates: positionSchema });

const names = z.object({ en: z.string().min(1), ar: z.string().optional(), he: z.string().optional() });

export const sourceSchema = z.object({
  id,
  title: z.string().min(1),
  /** Where a reader can check it: a URL, or a citation for print sources. */
  url: z.string().url().optional(),
  citation: z.string().optional(),
  licence: z.string().optional(),
}).refine((s) => s.url !== undefined || s.citation !== undefined, { message: "a source needs a url or a citation", path: ["url"] });

export const compassSchema = z.enum(["west", "east", "north", "south"]);

export const partySchema = z.object({
  id: partyId,
  name: z.string().min(1),
  /** The line this party's forces must stay behind, and on which side of it. */
  line: id,
  side: compassSchema,
  /** Country polygon (countries.geojson `iso3`) the party's bands are clipped to. */
  country: z.string().regex(/^[A-Z]{3}$/),
});

export const packMetaSchema = z.object({
  format: z.literal("truceline-pack/1"),
  id,
  title: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "use semantic versioning, e.g. 1.0.0"),
  agreement: z.object({ name: z.string().min(1), signed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), text_source: id }),
  parties: z.array(partySchema).min(2),
  mediators: z.array(z.object({ id: partyId, name: z.string().min(1) })).default([]),
  observers: z.array(z.object({ id: partyId, name: z.string().min(1) })).default([]),
  sources: z.array(sourceSchema).min(1),
  approximate: z.boolean(),
  /** Stated accuracy of the lines, in metres; points this close to a line are reported "near". */
  accuracy_m: finite.pipe(z.number().min(0).max(100_000)),
  disclaimer: z.string().min(1),
  attribution: z.string().min(1),
  /** Central meridian of the local projection; defaults to the middle of the lines. */
  projection_lon0: lonNum.optional(),
});
export type PackMeta = z.infer<typeof packMetaSchema>;

const feature = <G extends z.ZodType, P extends z.ZodType>(geometry: G, properties: P) =>
  z.object({ type: z.literal("Feature"), geometry, properties, id: z.union([z.string(), z.number()]).optional() });
const collection = <F extends z.ZodType>(f: F) => z.object({ type: z.literal("FeatureCollection"), features: z.array(f) });

export const lineFeatureSchema = feature(lineGeometrySchema, z.object({
  id,
  /** Short key used in results, e.g. "A" for distance_km.A. */
  key: z.string().regex(/^[A-Za-z0-9-]+$/),
  name: z.string().min(1),
  names: names.optional(),
  source: id,
}).loose());
export const linesFileSchema = collection(lineFeatureSchema).extend({ features: z.array(lineFeatureSchema).min(1) });

export const zonePolygonFeatureSchema = feature(areaGeometrySchema, z.object({ id, source: id }).loose());
export const zonePolygonsFileSchema = collection(zonePolygonFeatureSchema);

export const siteFeatureSchema = feature(pointGeometrySchema, z.object({
  id,
  name: z.string().min(1),
  kind: z.string().min(1),
  /** Radius of the area the site stands for; approximate. */
  radius_km: finite.pipe(z.number().positive().max(100)),
  source: id,
}).loose());
export const sitesFileSchema = collection(siteFeatureSchema);

export const countryFeatureSchema = feature(areaGeometrySchema, z.object({ iso3: z.string().regex(/^[A-Z]{3}$/), name: z.string().min(1) }).loose());
export const countriesFileSchema = collection(countryFeatureSchema);

export const admin1FeatureSchema = feature(areaGeometrySchema, z.object({
  iso_3166_2: z.string().min(2),
  name_en: z.string().min(1),
  name_ar: z.string().nullable().optional(),
  name_he: z.string().nullable().optional(),
}).loose());
export const admin1FileSchema = collection(admin1FeatureSchema);

export const ZONE_OUTSIDE = "outside";
const zoneId = id.refine((v) => v !== ZONE_OUTSIDE, "\"outside\" is reserved for points in no zone");

export const zoneDefSchema = z.discriminatedUnion("kind", [
  z.object({ id: zoneId, name: z.string().min(1), names: names.optional(), kind: z.literal("polygon"), feature: id }),
  z.object({
    id: zoneId,
    name: z.string().min(1),
    /** Short labels for screens, per language (the name above stays the formal one in exports). */
    names: names.optional(),
    kind: z.literal("band"),
    line: id,
    side: compassSchema,
    from_km: finite.pipe(z.number().min(0)),
    to_km: finite.pipe(z.number().positive().max(500)),
    /**
     * iso3 codes of the countries whose union the band is cut to: keeps a band
     * out of third countries (Lebanon, Jordan) without opening slivers where a
     * country border and the treaty line differ by a few hundred metres.
     */
    clip_to_countries: z.array(z.string().regex(/^[A-Z]{3}$/)).default([]),
    /** Zones removed from the band (e.g. the area of separation). */
    minus: z.array(id).default([]),
  }).refine((b) => b.to_km > b.from_km, { message: "to_km must be greater than from_km", path: ["to_km"] }),
]);
export type ZoneDef = z.infer<typeof zoneDefSchema>;
export const zonesFileSchema = z.object({ zones: z.array(zoneDefSchema).min(1) });

export const forceItem = z.enum(["troops", "brigades", "tanks", "artillery", "sam", "aircraft"]);
export type ForceItem = z.infer<typeof forceItem>;
/** The items a "max" limit can count. */
export const countedItem = z.enum(["troops", "brigades", "tanks", "artillery"]);

export const limitRuleSchema = z.discriminatedUnion("kind", [
  /** No military forces of any kind (police allowed). */
  z.object({ kind: z.literal("no_military_forces") }),
  /** At most `max` of an item in the zone, summed over every concurrent activity of the party. */
  z.object({ kind: z.literal("max"), item: countedItem, max: z.number().int().min(0) }),
  /** Artillery in the zone must be of this calibre (e.g. short-range 122 mm). */
  z.object({ kind: z.literal("artillery_calibre_only"), caliber_mm: z.number().positive() }),
  /** No artillery piece whose range exceeds this. */
  z.object({ kind: z.literal("artillery_max_range"), max_range_km: z.number().positive() }),
  z.object({ kind: z.literal("no_sam") }),
  /** No military observation within the named sites' areas. */
  z.object({ kind: z.literal("no_military_observation"), sites: z.array(id).min(1) }),
  /** The party's forces (or only its aircraft) stay on its own side of its line. */
  z.object({ kind: z.literal("own_side"), applies_to: z.enum(["all_forces", "aircraft", "ground_forces"]) }),
]);
export type LimitRule = z.infer<typeof limitRuleSchema>;

export const limitSchema = z.object({
  id,
  /** Zone ids, or ["*"] for any zone. */
  zones: z.array(z.string().min(1)).min(1),
  /** Parties bound; omitted = every party. */
  parties: z.array(partyId).optional(),
  rule: limitRuleSchema,
  /** Human summary of the limit. */
  text: z.string().min(1),
  /** Where in the agreement it is written, e.g. "US Proposal (1)(a)". */
  clause: z.string().min(1),
  source: id,
  verified_by: z.string().optional(),
});
export type Limit = z.infer<typeof limitSchema>;
export const limitsFileSchema = z.object({ limits: z.array(limitSchema).min(1) });

export const messageKind = z.enum(["notification", "acknowledgement", "query", "answer", "protest", "response", "closure"]);
export type MessageKind = z.infer<typeof messageKind>;

export const channelRuleSchema = z.object({
  id,
  /** The message this rule times. */
  kind: messageKind,
  /** Zones it applies to; omitted = all. */
  zones: z.array(z.string().min(1)).optional(),
  /** For notifications: the activity must start at least this long after the message. */
  min_lead_minutes: z.number().int().min(0).optional(),
  /** What answers it, and within how long of the message. */
  reply: z.object({ kind: messageKind, within_minutes: z.number().int().positive() }).optional(),
  /** Who is alerted when the reply is late, and after how long past the message. */
  escalation: z.array(z.object({ after_minutes: z.number().int().positive(), to: z.enum(["mediator", "observer", "both_parties"]), level: z.number().int().min(1) })).default([]),
  /** Why the rule exists: a clause, or "channel procedure" when the treaty says nothing. */
  basis: z.string().min(1),
  source: id.optional(),
}).refine((r) => r.min_lead_minutes !== undefined || r.reply !== undefined, { message: "a rule needs min_lead_minutes or reply", path: ["reply"] });
export type ChannelRule = z.infer<typeof channelRuleSchema>;
export const channelRulesFileSchema = z.object({ rules: z.array(channelRuleSchema).min(1) });
export type ChannelRulesFile = z.infer<typeof channelRulesFileSchema>;
