// Incidents as compact map points: one row per incident, columns named once.
// 100,000 points are a few megabytes instead of the GeoJSON's tens.
import { z } from "zod";

export const MAP_POINT_FIELDS = ["id", "lon", "lat", "date", "type", "verification"] as const;
export const mapPointsSchema = z.object({
  fields: z.array(z.string()),
  rows: z.array(z.tuple([z.string(), z.number(), z.number(), z.string(), z.string(), z.string()])),
  truncated: z.boolean(),
});
export type MapPoints = z.infer<typeof mapPointsSchema>;

/** The same, checked only at the top level: the browser parses 100,000 rows without walking each tuple. */
export const mapPointsShallowSchema = z.object({ fields: z.array(z.string()), rows: z.array(z.unknown()), truncated: z.boolean() })
  .transform((v) => v as unknown as MapPoints);
