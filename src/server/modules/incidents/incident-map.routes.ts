// Read-only: every incident the viewer may see as compact map points (column
// arrays, see core/api/map.ts) for the web map, which clusters and filters
// them in the browser: JSON by default, `format=binary` for the typed-array
// encoding the web app reads without parsing. The same need-to-know predicate and filters as the
// list; only six columns are read. The serialized answer is kept per
// (visibility set, filters) and data version — the audit log's head, which
// every incident write moves in its own transaction — so a second map (the
// hotline composer, another analyst of the same party, a reload) costs one
// indexed read, and an unchanged answer is a 304.
import { createHash } from "node:crypto";
import { z } from "zod";
import { encodePoints, mapPointsSchema, pointsJson, POINTS_MEDIA_TYPE } from "../../../core/api/map.ts";
import type { Viewer } from "../../../core/access/distribution.ts";
import type { AppContext } from "../../context.ts";
import type { Router } from "../../platform/http/route.ts";
import { mapPointColumns } from "./incident-map.repository.ts";
import { incidentFilterQuery, toFilter } from "./incident.routes.ts";

const MAX_POINTS = 200_000;
const CACHE_ENTRIES = 16;

/** What visibleTo() depends on: viewers with the same key see the same rows. */
export function visibilityKey(v: Viewer): string {
  return JSON.stringify([v.party, v.partyKind, [...v.groups].sort()]);
}

interface Entry { version: number; etag: string; body: string | Uint8Array }

export function incidentMapRoutes(r: Router, ctx: AppContext): void {
  const cache = new Map<string, Entry>();

  r.route({
    method: "GET", url: "/api/incidents/points", auth: "user", tags: ["incidents"],
    summary: `Incidents I may see as compact map points (columns: ids, lon, lat, day, type, verification), newest first, at most \`limit\`; ETag per data version. \`format=binary\` answers the same columns as ${POINTS_MEDIA_TYPE} (layout in src/core/api/map.ts)`,
    query: incidentFilterQuery.extend({
      limit: z.coerce.number().int().min(1).max(MAX_POINTS).default(MAX_POINTS),
      format: z.enum(["json", "binary"]).default("json"),
    }),
    response: mapPointsSchema,
    handler: async ({ auth, query, req, reply }) => {
      const head = await ctx.db.selectFrom("audit_log").select("seq").orderBy("seq", "desc").limit(1).executeTakeFirst();
      const version = Number(head?.seq ?? 0);
      const key = `${visibilityKey(auth.viewer)}|${JSON.stringify(query)}`;
      let entry = cache.get(key);
      if (!entry || entry.version !== version) {
        const cols = await mapPointColumns(ctx.db, ctx.dialect, auth.viewer, toFilter(query), query.limit);
        const etag = `W/"pts-${version}-${createHash("sha256").update(key).digest("base64url").slice(0, 16)}"`;
        entry = { version, etag, body: query.format === "binary" ? encodePoints(cols) : JSON.stringify(pointsJson(cols)) };
        cache.delete(key);
        cache.set(key, entry);
        while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
      }
      reply.header("etag", entry.etag).header("cache-control", "private, no-cache");
      if (req.headers["if-none-match"] === entry.etag) return reply.code(304).send();
      if (typeof entry.body === "string") return reply.type("application/json; charset=utf-8").send(entry.body);
      return reply.type(POINTS_MEDIA_TYPE).send(Buffer.from(entry.body.buffer, entry.body.byteOffset, entry.body.byteLength));
    },
  });
}
