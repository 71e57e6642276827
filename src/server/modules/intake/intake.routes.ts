// HTTP for intake: articles in (paste, upload, URL), the review queue,
// accuracy on real traffic, the dyad timeline, and feeds.
import { z } from "zod";
import { distributionSchema } from "../../../core/access/distribution.ts";
import { addDays } from "../../../core/incidents/dates.ts";
import type { AppContext } from "../../context.ts";
import { errors } from "../../platform/http/errors.ts";
import type { Router } from "../../platform/http/route.ts";
import {
  acceptResultSchema, articleListSchema, articleSchema, articleSummarySchema, feedListSchema, feedPollSchema, feedSchema, ingestSchema, proposalDetailSchema, proposalListSchema, rejectResultSchema,
} from "../../../core/api/intake.ts";
import { presentArticle, presentArticleSummary, presentDecision, presentFeed, presentProposal } from "./intake.presenter.ts";
import type { IngestResult } from "./intake.service.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const idParams = z.object({ id: z.string().max(100) });
const page = { cursor: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) };
const range = z.object({ from: isoDate.optional(), to: isoDate.optional() }).refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });

const present = (r: IngestResult) => ({ article: presentArticleSummary(r.article), duplicate: r.duplicate, proposals: r.proposals.map(presentProposal) });

const editsSchema = z.object({
  date: isoDate.optional(),
  event_type: z.string().max(100).optional(),
  sub_event_type: z.string().max(100).optional(),
  plover: z.string().max(20).optional(),
  actor1: z.string().min(1).max(300).optional(),
  actor1_country: z.string().regex(/^[A-Z]{3}$/, "ISO 3166 alpha-3").nullable().optional(),
  actor2: z.string().max(300).nullable().optional(),
  actor2_country: z.string().regex(/^[A-Z]{3}$/, "ISO 3166 alpha-3").nullable().optional(),
  location: z.string().max(300).nullable().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  fatalities: z.number().int().min(0).nullable().optional(),
}).strict();

async function readBody(body: unknown, max: number): Promise<string> {
  if (typeof body === "string") return body;
  if (Buffer.isBuffer(body)) return body.toString("utf8");
  if (body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === "function") {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of body as AsyncIterable<Uint8Array>) {
      size += c.length;
      if (size > max) throw errors.validation(`Invalid body: the file is larger than ${max} bytes`, [{ path: "body", problem: `over ${max} bytes` }]);
      chunks.push(Buffer.from(c));
    }
    return Buffer.concat(chunks).toString("utf8");
  }
  throw errors.validation("Send the file as the request body (text/plain, text/html, text/markdown or application/octet-stream).", [{ path: "body", problem: "expected the file's bytes" }]);
}

export function intakeRoutes(r: Router, ctx: AppContext): void {
  // Uploads arrive as the raw file; text types become strings, anything else a stream.
  for (const type of ["text/html", "text/markdown"]) {
    if (!r.app.hasContentTypeParser(type)) r.app.addContentTypeParser(type, { parseAs: "string" }, (_req, body, done) => done(null, body));
  }

  r.route({
    method: "POST", url: "/api/intake/articles", auth: "user", tags: ["intake"], status: 201,
    summary: "Paste an article's text: stored (or linked to the copy already stored) and run through the extractor",
    body: z.object({ text: z.string().min(1).max(500_000), title: z.string().max(500).optional(), published: isoDate.optional(), source_url: z.string().url().max(2000).optional(), distribution: distributionSchema.optional() }).strict(),
    response: ingestSchema,
    handler: async ({ auth, body }) => present(await ctx.intake.paste(auth.viewer, body)),
  });

  r.route({
    method: "POST", url: "/api/intake/articles/upload", auth: "user", tags: ["intake"], status: 201, rawBody: true,
    summary: "Upload a .txt, .md or .html file as the raw body; HTML boilerplate (scripts, navigation, footers, asides) is removed and the page's publication date read",
    query: z.object({ file_name: z.string().min(1).max(200).refine((n) => !/[/\\]/.test(n), "a plain file name"), published: isoDate.optional(), distribution: distributionSchema.optional() }),
    response: ingestSchema,
    handler: async ({ auth, query, req }) => {
      const content = await readBody(req.body, ctx.config.intakeMaxBytes);
      return present(await ctx.intake.upload(auth.viewer, { content, file_name: query.file_name, content_type: req.headers["content-type"], published: query.published, distribution: query.distribution }));
    },
  });

  r.route({
    method: "POST", url: "/api/intake/articles/fetch", auth: "user", tags: ["intake"], status: 201,
    summary: "Fetch a page by URL (public addresses only; size and time limits; codes blocked_address, too_large, timeout, http_error, unsupported_content) and store it",
    body: z.object({ url: z.string().min(1).max(2000), published: isoDate.optional(), distribution: distributionSchema.optional() }).strict(),
    response: ingestSchema,
    handler: async ({ auth, body }) => present(await ctx.intake.fetchAndIngest(auth.viewer, body)),
  });

  r.route({
    method: "GET", url: "/api/intake/articles", auth: "user", tags: ["intake"], summary: "Articles I may see, newest first",
    query: z.object(page), response: articleListSchema,
    handler: async ({ auth, query }) => {
      const rows = await ctx.intake.listArticles(auth.viewer, query.cursor ?? null, query.limit + 1);
      const items = rows.slice(0, query.limit);
      return { items: items.map(presentArticleSummary), next_cursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
    },
  });

  r.route({
    method: "GET", url: "/api/intake/articles/:id", auth: "user", tags: ["intake"], summary: "An article's text with its sources, proposals (evidence offsets for highlighting) and decisions",
    params: idParams, response: articleSchema,
    handler: async ({ auth, params }) => presentArticle(await ctx.intake.getArticle(auth.viewer, params.id)),
  });

  r.route({
    method: "PATCH", url: "/api/intake/articles/:id", auth: "user", tags: ["intake"], summary: "Share an article (and its proposals) more widely or less: owning party's analysts; audited",
    params: idParams, body: z.object({ distribution: distributionSchema }).strict(), response: articleSummarySchema,
    handler: async ({ auth, params, body }) => presentArticleSummary(await ctx.intake.setDistribution(auth.viewer, params.id, body.distribution)),
  });

  r.route({
    method: "GET", url: "/api/intake/proposals", auth: "user", tags: ["intake"], summary: "The review queue: proposals I may see, newest first",
    query: z.object({ ...page, status: z.enum(["pending", "accepted", "rejected"]).optional(), article_id: z.string().max(100).optional() }),
    response: proposalListSchema,
    handler: async ({ auth, query }) => {
      const rows = await ctx.intake.listProposals(auth.viewer, { status: query.status, articleId: query.article_id }, query.cursor ?? null, query.limit + 1);
      const items = rows.slice(0, query.limit);
      return { items: items.map(presentProposal), next_cursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
    },
  });

  r.route({
    method: "GET", url: "/api/intake/proposals/:id", auth: "user", tags: ["intake"], summary: "One proposal, its decision, and the incidents the register would call duplicates",
    params: idParams,
    response: proposalDetailSchema,
    handler: async ({ auth, params }) => {
      const x = await ctx.intake.getProposal(auth.viewer, params.id);
      return {
        ...presentProposal(x.proposal), decision: x.decision ? presentDecision(x.decision) : null,
        duplicate_candidates: x.duplicates.map((d) => ({ incident_id: d.incident.id, event_date: d.incident.event_date, location: d.incident.location, distance_km: d.verdict.distance_km })),
      };
    },
  });

  r.route({
    method: "POST", url: "/api/intake/proposals/:id/accept", auth: "user", tags: ["intake"],
    summary: "Accept a proposal, optionally after edits: writes a news-candidate claim on a new incident, or on the duplicate the incident register suggests (or incident_id)",
    params: idParams,
    body: z.object({ edits: editsSchema.optional(), incident_id: z.string().max(100).optional(), new_incident: z.boolean().optional(), distribution: distributionSchema.optional() }).strict(),
    response: acceptResultSchema,
    handler: async ({ auth, params, body }) => {
      const r2 = await ctx.intake.accept(auth.viewer, params.id, body);
      return { ...r2, decision: presentDecision(r2.decision) };
    },
  });

  r.route({
    method: "POST", url: "/api/intake/proposals/:id/reject", auth: "user", tags: ["intake"], summary: "Reject a proposal with a reason (kept for the accuracy report)",
    params: idParams, body: z.object({ reason: z.string().min(1).max(2000) }).strict(), response: rejectResultSchema,
    handler: async ({ auth, params, body }) => ({ decision: presentDecision((await ctx.intake.reject(auth.viewer, params.id, body.reason)).decision) }),
  });

  r.route({
    method: "GET", url: "/api/intake/accuracy", auth: "user", tags: ["intake"], summary: "The extractor on real traffic: shares accepted as proposed, edited and rejected, and which fields reviewers changed",
    query: range,
    response: z.object({
      from: z.string().nullable(), to: z.string().nullable(), decisions: z.number(), pending: z.number(),
      accepted_as_is: z.object({ count: z.number(), share: z.number() }), edited: z.object({ count: z.number(), share: z.number() }), rejected: z.object({ count: z.number(), share: z.number() }),
      fields: z.record(z.string(), z.object({ edited: z.number(), share: z.number() })), rejection_reasons: z.record(z.string(), z.number()),
    }),
    handler: async ({ auth, query }) => {
      const rep = await ctx.intake.accuracy(auth.viewer, query.from ?? null, query.to ? addDays(query.to, 1) : null);
      return { ...rep, from: query.from ?? null, to: query.to ?? null };
    },
  });

  r.route({
    method: "GET", url: "/api/intake/dyads", auth: "user", tags: ["intake"], summary: "Dyad timeline: per pair of actors per week, the count and the sum of PLOVER scores of accepted events",
    query: range,
    response: z.object({ from: z.string().nullable(), to: z.string().nullable(), dyads: z.array(z.object({ actor_a: z.string(), actor_b: z.string().nullable(), count: z.number(), plover_sum: z.number(), weeks: z.array(z.object({ week: z.string(), count: z.number(), plover_sum: z.number() })) })) }),
    handler: async ({ auth, query }) => ({ from: query.from ?? null, to: query.to ?? null, dyads: await ctx.intake.dyads(auth.viewer, query.from ?? null, query.to ?? null) }),
  });

  r.route({
    method: "GET", url: "/api/intake/feeds", auth: "user", tags: ["intake"], summary: "RSS and Atom feeds I may see",
    response: feedListSchema,
    handler: async ({ auth }) => ({ items: (await ctx.intake.listFeeds(auth.viewer)).map(presentFeed) }),
  });

  r.route({
    method: "POST", url: "/api/intake/feeds", auth: "user", tags: ["intake"], status: 201, summary: "Poll an RSS or Atom feed on a schedule",
    body: z.object({ url: z.string().min(1).max(2000), interval_minutes: z.number().int().min(5).max(1440).default(60), distribution: distributionSchema.optional() }).strict(),
    response: feedSchema,
    handler: async ({ auth, body }) => presentFeed(await ctx.intake.addFeed(auth.viewer, body)),
  });

  r.route({
    method: "PATCH", url: "/api/intake/feeds/:id", auth: "user", tags: ["intake"], summary: "Pause, resume or re-time a feed (owning party)",
    params: idParams, body: z.object({ active: z.boolean().optional(), interval_minutes: z.number().int().min(5).max(1440).optional() }).strict(), response: feedSchema,
    handler: async ({ auth, params, body }) => presentFeed(await ctx.intake.updateFeed(auth.viewer, params.id, body)),
  });

  r.route({
    method: "POST", url: "/api/intake/feeds/:id/poll", auth: "user", tags: ["intake"], summary: "Poll a feed now (owning party)",
    params: idParams,
    response: feedPollSchema,
    handler: async ({ auth, params }) => ctx.intake.pollFeedAs(auth.viewer, params.id),
  });
}
