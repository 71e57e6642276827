// HTTP for party notes: list, count, search, read, write, export.
import { Readable } from "node:stream";
import { z } from "zod";
import { distributionSchema } from "../../../core/access/distribution.ts";
import type { AppContext } from "../../context.ts";
import type { Router } from "../../platform/http/route.ts";
import { noteSchema, presentNote } from "./note.presenter.ts";

const filterQuery = z.object({
  q: z.string().max(200).optional(),
  party: z.string().max(16).optional(),
});

export function noteRoutes(r: Router, ctx: AppContext): void {
  r.route({
    method: "GET", url: "/api/notes", auth: "user", tags: ["notes"], summary: "Notes I may see, newest first, with cursor pagination",
    query: filterQuery.extend({ cursor: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }),
    response: z.object({ items: z.array(noteSchema), next_cursor: z.string().nullable() }),
    handler: async ({ auth, query }) => {
      const rows = await ctx.notes.list(auth.viewer, { q: query.q, ownerParty: query.party }, query.cursor ?? null, query.limit + 1);
      const page = rows.slice(0, query.limit);
      return { items: page.map((n) => presentNote(auth.viewer, n)), next_cursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
    },
  });

  r.route({
    method: "GET", url: "/api/notes/count", auth: "user", tags: ["notes"], summary: "How many notes I may see, in all and per owning party",
    query: filterQuery, response: z.object({ total: z.number(), by_party: z.record(z.string(), z.number()) }),
    handler: async ({ auth, query }) => {
      const f = { q: query.q, ownerParty: query.party };
      const [total, groups] = await Promise.all([ctx.notes.count(auth.viewer, f), ctx.notes.countByParty(auth.viewer, f)]);
      return { total, by_party: Object.fromEntries(groups.map((g) => [g.key, Number(g.n)])) };
    },
  });

  r.route({
    method: "GET", url: "/api/notes/export", auth: "user", tags: ["notes"], summary: "Every note I may see as JSON Lines (streamed)",
    query: filterQuery, response: null,
    handler: async ({ auth, query, reply }) => {
      reply.type("application/x-ndjson; charset=utf-8");
      const viewer = auth.viewer;
      const it = ctx.notes.iterate(viewer, { q: query.q, ownerParty: query.party });
      async function* lines() {
        for await (const n of it) yield JSON.stringify(presentNote(viewer, n)) + "\n";
      }
      return reply.send(Readable.from(lines()));
    },
  });

  r.route({
    method: "GET", url: "/api/notes/:id", auth: "user", tags: ["notes"], summary: "One note", params: z.object({ id: z.string().max(100) }), response: noteSchema,
    handler: async ({ auth, params }) => presentNote(auth.viewer, await ctx.notes.get(auth.viewer, params.id)),
  });

  r.route({
    method: "POST", url: "/api/notes", auth: "user", tags: ["notes"], summary: "Write a note", status: 201,
    body: z.object({ title: z.string().min(1).max(300), body: z.string().max(100_000).default(""), distribution: distributionSchema, body_distribution: distributionSchema.optional() }),
    response: noteSchema,
    handler: async ({ auth, body }) => presentNote(auth.viewer, await ctx.notes.create(auth.viewer, body)),
  });

  r.route({
    method: "PATCH", url: "/api/notes/:id", auth: "user", tags: ["notes"], summary: "Change a note or its distribution (owning party only; audited)",
    params: z.object({ id: z.string().max(100) }),
    body: z.object({ title: z.string().min(1).max(300).optional(), body: z.string().max(100_000).optional(), distribution: distributionSchema.optional(), body_distribution: distributionSchema.optional() }),
    response: noteSchema,
    handler: async ({ auth, params, body }) => presentNote(auth.viewer, await ctx.notes.update(auth.viewer, params.id, body)),
  });
}
