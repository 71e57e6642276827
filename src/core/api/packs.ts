// Wire shape of a pack's basemap: everything the web map draws offline,
// in one response (no tile or glyph server). Shared by server and web.
import { z } from "zod";

const featureCollection = z.object({ type: z.literal("FeatureCollection"), features: z.array(z.record(z.string(), z.unknown())) });

export const basemapPlaceSchema = z.object({
  id: z.string(),
  feature: z.string(),
  lon: z.number(),
  lat: z.number(),
  rank: z.number(),
  name: z.object({ en: z.string(), ar: z.string().nullable(), he: z.string().nullable() }),
});
export type BasemapPlace = z.infer<typeof basemapPlaceSchema>;

export const basemapSchema = z.object({
  id: z.string(),
  title: z.string(),
  approximate: z.boolean(),
  disclaimer: z.string(),
  attribution: z.string(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  countries: featureCollection,
  admin1: featureCollection,
  zones: featureCollection,
  lines: featureCollection,
  sites: featureCollection,
  places: z.array(basemapPlaceSchema),
});
export type BasemapDto = z.infer<typeof basemapSchema>;

/** A bundled pack as listed (from its pack.json; no geometry). */
export const packListingSchema = z.object({
  id: z.string(), title: z.string(), version: z.string(), approximate: z.boolean(), accuracy_m: z.number(), disclaimer: z.string(),
  parties: z.array(z.object({ id: z.string(), name: z.string(), side: z.string(), line: z.string() })),
});
export type PackListing = z.infer<typeof packListingSchema>;
export const packListSchema = z.object({ items: z.array(packListingSchema) });
