// HTTP for agreement packs: list, one pack's summary and GeoJSON (with the
// disclaimer on every feature), classification of up to 100,000 points per
// request, and the activity check against the limits.
import { z } from "zod";
import { checkActivity, classifyRequest, InputError, MAX_POINTS_PER_BATCH, packPlaces, packSummary, packToGeoJSON, type InputIssue } from "../../../core/agreement/index.ts";
import { packListSchema } from "../../../core/api/packs.ts";
import type { AppContext } from "../../context.ts";
import { errors, type ErrorDetail } from "../../platform/http/errors.ts";
import type { Router } from "../../platform/http/route.ts";
import { listBundledPacks, loadBundledClassifier, loadBundledPack, PackNotFoundError } from "./pack-files.ts";

const idParams = z.object({ id: z.string().regex(/^[a-z0-9-]+$/, "a pack id such as israel-syria-1974").max(100) });

function issuePath(i: InputIssue): string {
  return ["body", i.feature !== undefined ? `features.${i.feature}` : "", i.line !== undefined ? `line ${i.line}` : "", i.field ?? ""].filter(Boolean).join(".");
}

/** Pack input errors become 400s that name the feature, id and field; an unknown pack is a 404. */
async function guarded<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof InputError) {
      const details: ErrorDetail[] = e.issues.slice(0, 100).map((i) => ({ path: issuePath(i) + (i.id !== undefined ? ` (id ${i.id})` : ""), problem: i.message }));
      throw errors.validation(e.message, details);
    }
    if (e instanceof PackNotFoundError) throw errors.notFound("agreement pack");
    throw e;
  }
}

export function agreementRoutes(r: Router, _ctx: AppContext): void {
  r.route({
    method: "GET", url: "/api/packs", auth: "none", tags: ["agreements"], summary: "Bundled agreement packs",
    response: packListSchema,
    handler: async () => ({ items: await listBundledPacks() }),
  });

  r.route({
    method: "GET", url: "/api/packs/:id", auth: "none", tags: ["agreements"], summary: "A pack's metadata, parties, zones, limits and sources", params: idParams,
    response: z.record(z.string(), z.unknown()),
    handler: async ({ params }) => guarded(async () => packSummary(await loadBundledPack(params.id)) as unknown as Record<string, unknown>),
  });

  r.route({
    method: "GET", url: "/api/packs/:id/places", auth: "none", tags: ["agreements"], summary: "The pack's gazetteer: each place's id, kind, governorate and display names in English, Arabic and Hebrew",
    params: idParams,
    response: z.object({ places: z.array(z.object({ id: z.string(), names: z.object({ en: z.string(), ar: z.string().optional(), he: z.string().optional() }), feature: z.string(), admin1: z.string().nullable() })) }),
    handler: async ({ params, reply }) =>
      guarded(async () => {
        reply.header("cache-control", "public, max-age=3600");
        return packPlaces(await loadBundledPack(params.id));
      }),
  });

  r.route({
    method: "GET", url: "/api/packs/:id/geojson", auth: "none", tags: ["agreements"], summary: "Lines, zones, sites and governorates as GeoJSON; every feature carries the pack's disclaimer",
    params: idParams, query: z.object({ admin1: z.enum(["true", "false"]).default("true") }),
    response: z.record(z.string(), z.unknown()),
    handler: async ({ params, query, reply }) =>
      guarded(async () => {
        reply.header("cache-control", "public, max-age=3600");
        return packToGeoJSON(await loadBundledPack(params.id), { admin1: query.admin1 === "true" });
      }),
  });

  r.route({
    method: "POST", url: "/api/packs/:id/classify", auth: "user", scope: "read", tags: ["agreements"],
    summary: `Classify up to ${MAX_POINTS_PER_BATCH.toLocaleString("en")} points ({points:[{id,lon,lat}]} or a GeoJSON FeatureCollection) or one geometry: zone, distance to each line on the ground, side, near-line flag, governorate`,
    params: idParams, body: z.unknown(),
    response: z.object({ results: z.array(z.record(z.string(), z.unknown())), disclaimer: z.string().nullable() }),
    handler: async ({ params, body }) =>
      guarded(async () => classifyRequest(await loadBundledClassifier(params.id), body) as unknown as { results: Array<Record<string, unknown>>; disclaimer: string | null }),
  });

  r.route({
    method: "POST", url: "/api/packs/:id/check", auth: "user", scope: "read", tags: ["agreements"],
    summary: "Check a declared activity (area, window, forces) against the limits; concurrent activities are summed per band",
    params: idParams, body: z.object({ activity: z.unknown(), concurrent: z.array(z.unknown()).max(500).default([]) }),
    response: z.record(z.string(), z.unknown()),
    handler: async ({ params, body }) =>
      guarded(async () => checkActivity(await loadBundledPack(params.id), body.activity as never, body.concurrent as never) as unknown as Record<string, unknown>),
  });
}
