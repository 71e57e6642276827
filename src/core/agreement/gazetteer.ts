// File formats of a pack's gazetteer (places.json) and actor dictionary
// (actors.json). Shared by the pack validator, the classifier's admin lookup
// and the intake extractor, so it lives in the pure core.
import { z } from "zod";

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

/** Names in the three languages of the product, each with spelling variants. */
export const multilingualNames = z.object({
  en: z.array(z.string().min(1)).min(1),
  ar: z.array(z.string().min(1)).default([]),
  he: z.array(z.string().min(1)).default([]),
});

export const placeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "use lowercase letters, digits and dashes"),
  /** First name in each list is the display name. */
  names: multilingualNames,
  feature: z.enum(["city", "town", "village", "site", "peak", "crossing", "region", "capital", "base"]),
  lon,
  lat,
  /** ISO 3166-2 of the governorate as the polygons decide it; informative only. */
  admin1: z.string().nullable().default(null),
  /** Where the coordinates come from, e.g. "GeoNames 163345" or "Wikipedia". */
  source: z.string().min(1),
  /** Names that also denote another place far away; the extractor prefers this one only in a regional context. */
  homonym_note: z.string().optional(),
  /** Lower = preferred when several places share a name. */
  rank: z.number().int().min(0).max(10).default(5),
});
export type Place = z.infer<typeof placeSchema>;

export const placesFileSchema = z.object({
  attribution: z.string().min(1),
  places: z.array(placeSchema).min(1),
});
export type PlacesFile = z.infer<typeof placesFileSchema>;

/** ACLED `inter` codes: 1 state forces … 8 external/other forces. */
export const interCode = z.number().int().min(1).max(8);

export const actorSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "use lowercase letters, digits and dashes"),
  names: multilingualNames,
  /** ISO 3166 alpha-3 of the country the actor belongs to, or null (e.g. UN bodies). */
  country: z.string().regex(/^[A-Z]{3}$/).nullable(),
  /** The deployment party this actor is counted under (e.g. "ISR"), if any. */
  party: z.string().nullable().default(null),
  inter: interCode,
  kind: z.enum(["state-forces", "security-service", "militia", "armed-group", "tribal", "un", "government", "mediator", "civilians", "other"]),
  /** The ACLED actor name this maps to, e.g. "Military Forces of Israel (2022-)". */
  acled_name: z.string().optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const actorsFileSchema = z.object({
  actors: z.array(actorSchema).min(1),
});
export type ActorsFile = z.infer<typeof actorsFileSchema>;
