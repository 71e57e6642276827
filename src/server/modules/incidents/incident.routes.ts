// HTTP for the incident register: list, count, GeoJSON and exports under
// need-to-know; write incidents and claims; verification; duplicates and
// merges; evidence files.
import { Readable } from "node:stream";
import { z } from "zod";
import { distributionSchema } from "../../../core/access/distribution.ts";
import { isRealDate } from "../../../core/incidents/dates.ts";
import {
  ACLED_EVENT_TYPES, CLAIM_KINDS, EVENT_TYPES, PLOVER_CONTEXTS, PLOVER_EVENTS, PLOVER_MODES, SUB_EVENT_TYPES, VERIFICATION_STATES,
} from "../../../core/incidents/taxonomy.ts";
import type { AppContext } from "../../context.ts";
import { errors } from "../../platform/http/errors.ts";
import type { Router } from "../../platform/http/route.ts";
import { byteStream, plainFileName } from "../../platform/http/uploads.ts";
import { exportContentType, exportLines, geoJsonFeature } from "./incident-export.ts";
import { GROUP_KEYS, type Cursor, type GroupKey, type IncidentFilter } from "./incident.repository.ts";
import {
  claimSchema, detailSchema, duplicateSchema, evidenceSchema, incidentSchema, mergeSchema, presentClaim, presentDetail, presentDuplicate,
  presentEvidence, presentIncident, presentMerge,
} from "./incident.presenter.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD").refine((s) => isRealDate(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)), "not a real calendar date");

const bboxSchema = z.string().transform((s, c) => {
  const p = s.split(",").map(Number);
  if (p.length !== 4 || p.some((v) => !Number.isFinite(v))) {
    c.addIssue({ code: "custom", message: "use west,south,east,north in decimal degrees" });
    return z.NEVER;
  }
  const [w, so, e, n] = p as [number, number, number, number];
  if (w < -180 || e > 180 || e < -180 || w > 180 || so < -90 || n > 90 || so > n) {
    c.addIssue({ code: "custom", message: "longitudes -180…180, latitudes -90…90, south ≤ north" });
    return z.NEVER;
  }
  return [w, so, e, n] as const;
});

export const incidentFilterQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  bbox: bboxSchema.optional(),
  zone: z.string().max(64).optional(),
  admin1: z.string().max(32).optional(),
  event_type: z.enum(EVENT_TYPES as [string, ...string[]]).optional(),
  sub_event_type: z.enum(SUB_EVENT_TYPES as [string, ...string[]]).optional(),
  actor: z.string().max(200).optional(),
  party: z.string().max(16).optional(),
  verification: z.enum(VERIFICATION_STATES).optional(),
  q: z.string().max(200).optional(),
  include_merged: z.enum(["true", "false"]).optional(),
});
type FilterQuery = z.infer<typeof incidentFilterQuery>;

export const toFilter = (q: FilterQuery): IncidentFilter => ({ ...q, include_merged: q.include_merged === "true" });

function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.event_date}|${c.id}`).toString("base64url");
}
function decodeCursor(s: string): Cursor {
  const [event_date, id] = Buffer.from(s, "base64url").toString("utf8").split("|");
  if (!event_date || !id || !/^\d{4}-\d{2}-\d{2}$/.test(event_date)) throw errors.validation("Invalid query.cursor: use next_cursor from the previous page", [{ path: "query.cursor", problem: "not a cursor from this API" }]);
  return { event_date, id };
}

const precision = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const text = (max: number) => z.string().max(max);

const incidentFields = {
  event_date: isoDate,
  time_precision: precision.default(1),
  disorder_type: text(64).optional(),
  event_type: z.enum(EVENT_TYPES as [string, ...string[]]),
  sub_event_type: z.enum(SUB_EVENT_TYPES as [string, ...string[]]),
  actor1: text(200).min(1),
  assoc_actor_1: text(500).default(""),
  inter1: z.number().int().min(0).max(8).nullable().default(null),
  actor2: text(200).default(""),
  assoc_actor_2: text(500).default(""),
  inter2: z.number().int().min(0).max(8).nullable().default(null),
  interaction: z.number().int().min(0).max(88).nullable().default(null),
  civilian_targeting: z.enum(["", "Civilian targeting"]).default(""),
  iso: z.number().int().nullable().default(null),
  region: text(100).default(""),
  country: text(100).default(""),
  admin1: text(100).default(""),
  admin2: text(100).default(""),
  admin3: text(100).default(""),
  location: text(200).default(""),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  geo_precision: precision.default(1),
  error_radius_m: z.number().int().min(0).max(1_000_000).optional(),
  source: text(2000).default(""),
  source_scale: text(100).default(""),
  notes: text(20_000).default(""),
  fatalities: z.number().int().min(0).default(0),
  tags: text(500).default(""),
  plover_event: z.enum(PLOVER_EVENTS).nullable().optional(),
  plover_mode: z.enum([...new Set(Object.values(PLOVER_MODES).flat())] as [string, ...string[]]).nullable().optional(),
  plover_context: text(200).nullable().optional(),
  event_id_cnty: text(64).min(1).optional(),
  distribution: distributionSchema,
  source_distribution: distributionSchema.nullable().optional(),
};
const createBody = z.object(incidentFields).strict();
const patchBody = z.object(Object.fromEntries(Object.entries(incidentFields).filter(([k]) => k !== "event_id_cnty").map(([k, v]) => [k, (v as z.ZodType).optional()]))).strict();

const claimBody = z.object({
  kind: z.enum(CLAIM_KINDS),
  narrative: text(20_000).min(1),
  distribution: distributionSchema,
  narrative_distribution: distributionSchema.nullable().optional(),
  event_type: z.enum(EVENT_TYPES as [string, ...string[]]).nullable().optional(),
  sub_event_type: z.enum(SUB_EVENT_TYPES as [string, ...string[]]).nullable().optional(),
  fatalities: z.number().int().min(0).nullable().optional(),
  responsible_actor: text(200).nullable().optional(),
  saw: z.boolean().optional(),
  heard: z.boolean().optional(),
  observed_count: z.number().int().min(0).nullable().optional(),
  weapon: text(200).nullable().optional(),
  direction: text(200).nullable().optional(),
  assessed_as: text(500).nullable().optional(),
  article_id: text(100).nullable().optional(),
}).strict();
const claimPatch = claimBody.omit({ kind: true }).partial().strict();

const idParams = z.object({ id: z.string().max(100) });
const listResponse = z.object({ items: z.array(incidentSchema), next_cursor: z.string().nullable() });

function parseGroupBy(s: string | undefined): GroupKey[] {
  if (!s) return [];
  const keys = s.split(",").map((k) => k.trim()).filter(Boolean);
  const bad = keys.filter((k) => !(k in GROUP_KEYS));
  if (bad.length || keys.length > 3 || new Set(keys).size !== keys.length) {
    throw errors.validation(`Invalid query.group_by: ${bad.length ? `unknown key ${bad.join(", ")}` : "at most 3 distinct keys"}; keys: ${Object.keys(GROUP_KEYS).join(", ")}`, [{ path: "query.group_by", problem: `one to three of ${Object.keys(GROUP_KEYS).join(", ")}` }]);
  }
  return keys as GroupKey[];
}

export function incidentRoutes(r: Router, ctx: AppContext): void {
  r.route({
    method: "GET", url: "/api/incidents/taxonomy", auth: "user", tags: ["incidents"], summary: "ACLED event types and sub-types, PLOVER categories and modes, verification states, claim kinds",
    response: z.object({ event_types: z.record(z.string(), z.array(z.string())), plover_events: z.array(z.string()), plover_modes: z.record(z.string(), z.array(z.string())), plover_contexts: z.array(z.string()), verification_states: z.array(z.string()), claim_kinds: z.array(z.string()) }),
    handler: async () => ({
      event_types: ACLED_EVENT_TYPES as unknown as Record<string, string[]>, plover_events: [...PLOVER_EVENTS],
      plover_modes: PLOVER_MODES as unknown as Record<string, string[]>, plover_contexts: [...PLOVER_CONTEXTS],
      verification_states: [...VERIFICATION_STATES], claim_kinds: [...CLAIM_KINDS],
    }),
  });

  r.route({
    method: "GET", url: "/api/incidents", auth: "user", tags: ["incidents"], summary: "Incidents I may see, newest first, filtered, with cursor pagination",
    query: incidentFilterQuery.extend({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }),
    response: listResponse,
    handler: async ({ auth, query }) => {
      const rows = await ctx.incidents.list(auth.viewer, toFilter(query), query.cursor ? decodeCursor(query.cursor) : null, query.limit + 1);
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return { items: page.map((i) => presentIncident(auth.viewer, i)), next_cursor: rows.length > query.limit && last ? encodeCursor(last) : null };
    },
  });

  r.route({
    method: "GET", url: "/api/incidents/count", auth: "user", tags: ["incidents"], summary: "How many incidents I may see, in all and grouped by up to three of zone, admin1, event_type, sub_event_type, verification, party, week, month",
    query: incidentFilterQuery.extend({ group_by: z.string().max(100).optional() }),
    response: z.object({ total: z.number(), group_by: z.array(z.string()), groups: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))) }),
    handler: async ({ auth, query }) => {
      const keys = parseGroupBy(query.group_by);
      const f = toFilter(query);
      const [total, groups] = await Promise.all([ctx.incidents.count(auth.viewer, f), keys.length ? ctx.incidents.countBy(auth.viewer, f, keys) : Promise.resolve([])]);
      return { total, group_by: keys, groups };
    },
  });

  r.route({
    method: "GET", url: "/api/incidents/geojson", auth: "user", tags: ["incidents"], summary: "Incidents I may see as a GeoJSON FeatureCollection for the map (at most `limit`, newest first)",
    query: incidentFilterQuery.extend({ limit: z.coerce.number().int().min(1).max(10_000).default(2000) }),
    response: z.object({ type: z.literal("FeatureCollection"), features: z.array(z.record(z.string(), z.unknown())), truncated: z.boolean() }),
    handler: async ({ auth, query, reply }) => {
      const rows = await ctx.incidents.list(auth.viewer, toFilter(query), null, query.limit + 1);
      reply.type("application/geo+json; charset=utf-8");
      return { type: "FeatureCollection" as const, features: rows.slice(0, query.limit).map((i) => geoJsonFeature(auth.viewer, i)), truncated: rows.length > query.limit };
    },
  });

  r.route({
    method: "GET", url: "/api/incidents/export", auth: "user", tags: ["incidents"], summary: "Every incident I may see, streamed as ACLED CSV, PLOVER JSONL or GeoJSON",
    query: incidentFilterQuery.extend({ format: z.enum(["acled", "plover", "geojson"]) }), response: null,
    handler: async ({ auth, query, reply }) => {
      reply.type(exportContentType[query.format]);
      reply.header("content-disposition", `attachment; filename="incidents.${query.format === "acled" ? "csv" : query.format === "plover" ? "jsonl" : "geojson"}"`);
      return reply.send(Readable.from(exportLines(auth.viewer, query.format, ctx.incidents.iterate(auth.viewer, toFilter(query)))));
    },
  });

  r.route({
    method: "POST", url: "/api/incidents", auth: "user", tags: ["incidents"], summary: "Record an incident (classified against the agreement pack at write)", status: 201,
    body: createBody, response: incidentSchema,
    handler: async ({ auth, body }) => presentIncident(auth.viewer, await ctx.incidents.create(auth.viewer, body as never)),
  });

  r.route({
    method: "GET", url: "/api/incidents/:id", auth: "user", tags: ["incidents"], summary: "One incident with every claim side by side, its verification history, evidence and merges",
    params: idParams, response: detailSchema,
    handler: async ({ auth, params }) => presentDetail(auth.viewer, await ctx.incidents.detail(auth.viewer, params.id)),
  });

  r.route({
    method: "PATCH", url: "/api/incidents/:id", auth: "user", tags: ["incidents"], summary: "Change an incident the caller's party recorded (audited; reclassified)",
    params: idParams, body: patchBody, response: incidentSchema,
    handler: async ({ auth, params, body }) => presentIncident(auth.viewer, await ctx.incidents.update(auth.viewer, params.id, body as never)),
  });

  r.route({
    method: "POST", url: "/api/incidents/:id/claims", auth: "user", tags: ["incidents"], summary: "Add my party's claim: a party account, an observer finding, a news-derived candidate or a mediator note", status: 201,
    params: idParams, body: claimBody, response: claimSchema,
    handler: async ({ auth, params, body }) => presentClaim(auth.viewer, await ctx.incidents.addClaim(auth.viewer, params.id, body)),
  });

  r.route({
    method: "PATCH", url: "/api/incidents/:id/claims/:claimId", auth: "user", tags: ["incidents"], summary: "Change my party's own claim (never another's)",
    params: z.object({ id: z.string().max(100), claimId: z.string().max(100) }), body: claimPatch, response: claimSchema,
    handler: async ({ auth, params, body }) => presentClaim(auth.viewer, await ctx.incidents.updateClaim(auth.viewer, params.id, params.claimId, body)),
  });

  r.route({
    method: "POST", url: "/api/incidents/:id/verification", auth: "user", tags: ["incidents"], summary: "Move the verification state, with a reason (observers and the mediator adjudicate; a liaison may ask for review)",
    params: idParams, body: z.object({ to: z.enum(VERIFICATION_STATES), reason: z.string().min(1).max(4000) }).strict(), response: incidentSchema,
    handler: async ({ auth, params, body }) => presentIncident(auth.viewer, await ctx.incidents.verify(auth.viewer, params.id, body.to, body.reason)),
  });

  r.route({
    method: "GET", url: "/api/incidents/:id/duplicates", auth: "user", tags: ["incidents"], summary: "Duplicate candidates: ±1 day, ≤ 5 km (or same admin area when imprecise), same type, shared actors",
    params: idParams, response: z.object({ items: z.array(duplicateSchema) }),
    handler: async ({ auth, params }) => ({ items: (await ctx.incidents.duplicates(auth.viewer, params.id)).map((c) => presentDuplicate(auth.viewer, c)) }),
  });

  r.route({
    method: "POST", url: "/api/incidents/:id/merge", auth: "user", tags: ["incidents"], summary: "Merge a duplicate into this incident (observers and the mediator; every claim is kept; undoable)", status: 201,
    params: idParams, body: z.object({ duplicate_id: z.string().min(1).max(100), reason: z.string().min(1).max(4000) }).strict(), response: mergeSchema,
    handler: async ({ auth, params, body }) => presentMerge(await ctx.incidents.merge(auth.viewer, params.id, body.duplicate_id, body.reason)),
  });

  r.route({
    method: "POST", url: "/api/incident-merges/:id/undo", auth: "user", tags: ["incidents"], summary: "Undo a merge (audited)",
    params: idParams, body: z.object({ reason: z.string().min(1).max(4000) }).strict(), response: mergeSchema,
    handler: async ({ auth, params, body }) => presentMerge(await ctx.incidents.undoMerge(auth.viewer, params.id, body.reason)),
  });

  r.route({
    method: "POST", url: "/api/incidents/:id/evidence", auth: "user", tags: ["incidents"], rawBody: true, status: 201,
    summary: "Upload an evidence file as the raw body (content-type application/octet-stream); its type is sniffed from the bytes and its SHA-256 recorded",
    params: idParams,
    query: z.object({ distribution: distributionSchema, file_name: plainFileName.default("evidence"), claim_id: z.string().max(100).optional() }),
    response: evidenceSchema,
    handler: async ({ auth, params, query, req }) => {
      return presentEvidence(await ctx.incidents.addEvidence(auth.viewer, params.id, byteStream(req.body), query));
    },
  });

  r.route({
    method: "GET", url: "/api/incidents/:id/evidence/:evidenceId", auth: "user", tags: ["incidents"], summary: "Download an evidence file (its SHA-256 is checked first; x-sha256 header)",
    params: z.object({ id: z.string().max(100), evidenceId: z.string().max(100) }), response: null,
    handler: async ({ auth, params, reply }) => {
      const { row, data } = await ctx.incidents.readEvidence(auth.viewer, params.id, params.evidenceId);
      reply.type(row.content_type);
      reply.header("x-sha256", row.sha256);
      reply.header("content-disposition", `attachment; filename="${row.file_name.replace(/["\\]/g, "_")}"`);
      reply.header("content-security-policy", "default-src 'none'; sandbox");
      return reply.send(data);
    },
  });
}
