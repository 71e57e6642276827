// Read-only: every incident the viewer may see as a compact point for the web
// map, which clusters and filters them in the browser. The same need-to-know
// predicate and filters as the list; only six columns are read.
import { z } from "zod";
import { MAP_POINT_FIELDS, mapPointsSchema, type MapPoints } from "../../../core/api/map.ts";
import type { AppContext } from "../../context.ts";
import type { Router } from "../../platform/http/route.ts";
import { mapPoints } from "./incident-map.repository.ts";
import { incidentFilterQuery, toFilter } from "./incident.routes.ts";

const MAX_POINTS = 200_000;

export function incidentMapRoutes(r: Router, ctx: AppContext): void {
  r.route({
    method: "GET", url: "/api/incidents/points", auth: "user", tags: ["incidents"],
    summary: "Incidents I may see as compact map points (id, lon, lat, date, type, verification), newest first, at most `limit`",
    query: incidentFilterQuery.extend({ limit: z.coerce.number().int().min(1).max(MAX_POINTS).default(MAX_POINTS) }),
    response: mapPointsSchema,
    handler: async ({ auth, query }) => {
      const rows = await mapPoints(ctx.db, ctx.dialect, auth.viewer, toFilter(query), query.limit + 1);
      const out: MapPoints = {
        fields: [...MAP_POINT_FIELDS],
        rows: rows.slice(0, query.limit).map((x) => [x.id, x.longitude, x.latitude, x.event_date, x.event_type, x.verification]),
        truncated: rows.length > query.limit,
      };
      return out;
    },
  });
}
