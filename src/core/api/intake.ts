// Wire shapes of intake (articles, proposals with evidence offsets, decisions,
// feeds): the one definition the server's presenter produces and its routes
// declare, and the web app parses.
import { z } from "zod";

// `inferred`: filled in from the event's place, not named in the text (core/intake/sides.ts).
const actorSchema = z.object({ name: z.string(), id: z.string().nullable(), country: z.string().nullable(), party: z.string().nullable().optional(), inter: z.number().nullable().optional(), inferred: z.enum(["side", "country", "article"]).optional() });
const evidenceSchema = z.object({ text: z.string(), start: z.number(), end: z.number(), trigger: z.object({ start: z.number(), end: z.number(), text: z.string() }).optional() });

export const eventSchema = z.object({
  event_id: z.string(),
  date: z.string().nullable(), date_precision: z.string().nullable(), date_start: z.string().nullable(), date_end: z.string().nullable(),
  actor1: actorSchema.nullable(), actor2: actorSchema.nullable(),
  event_type: z.string(), sub_event_type: z.string(), plover: z.string(), plover_mode: z.string().nullable(), plover_score: z.number(),
  location: z.string().nullable(), place_id: z.string().nullable(), admin1: z.string().nullable(), admin1_name: z.string().nullable(), country: z.string().nullable(), zone: z.string().nullable(),
  lat: z.number().nullable(), lon: z.number().nullable(), geo_precision: z.number().nullable(), fatalities: z.number().nullable(),
  flags: z.object({ background: z.boolean(), future: z.boolean(), hypothetical: z.boolean(), negated: z.boolean() }),
  evidence: z.array(evidenceSchema).describe("character offsets into the article text, for highlighting"),
  confidence: z.number(),
});

export const finalEventSchema = z.object({
  date: z.string(), date_precision: z.string().nullable(), event_type: z.string(), sub_event_type: z.string(), plover: z.string(), plover_mode: z.string().nullable(), plover_score: z.number(),
  actor1: z.object({ name: z.string(), id: z.string().nullable(), country: z.string().nullable() }),
  actor2: z.object({ name: z.string(), id: z.string().nullable(), country: z.string().nullable() }).nullable(),
  location: z.string().nullable(), admin1: z.string().nullable(), lat: z.number(), lon: z.number(), geo_precision: z.number(), fatalities: z.number().nullable(),
});

export const decisionSchema = z.object({
  id: z.string(), proposal_id: z.string(), article_id: z.string(), decision: z.enum(["accepted", "edited", "rejected"]),
  edited_fields: z.array(z.string()), changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })), reason: z.string().nullable(),
  event: finalEventSchema.nullable(), incident_id: z.string().nullable(), claim_id: z.string().nullable(), existing_incident: z.boolean(),
  actor_user: z.string().nullable(), actor_party: z.string(), distribution: z.string(), at: z.string(),
});

export const proposalSchema = z.object({
  id: z.string(), article_id: z.string(), seq: z.number(), status: z.enum(["pending", "accepted", "rejected"]), confidence: z.number(),
  owner_party: z.string(), distribution: z.string(), created_at: z.string(), event: eventSchema,
});

export const sourceSchema = z.object({
  id: z.string(), match: z.enum(["exact", "near"]), distance: z.number(), source_kind: z.string(), source_url: z.string().nullable(), file_name: z.string().nullable(),
  content_hash: z.string(), owner_party: z.string(), distribution: z.string(), fetched_at: z.string(),
});

const articleBase = {
  id: z.string(), owner_party: z.string(), source_kind: z.enum(["paste", "upload", "url", "feed"]), source_url: z.string().nullable(), file_name: z.string().nullable(),
  title: z.string().nullable(), fetched_at: z.string(), published: z.string().nullable(), language: z.string(), content_hash: z.string(), feed_id: z.string().nullable(),
  distribution: z.string(), created_at: z.string(),
};
export const articleSummarySchema = z.object({ ...articleBase, text_length: z.number() });
export const articleSchema = z.object({ ...articleBase, text: z.string(), sources: z.array(sourceSchema), proposals: z.array(proposalSchema), decisions: z.array(decisionSchema) });

export const ingestSchema = z.object({
  article: articleSummarySchema,
  duplicate: z.object({ of: z.string(), match: z.enum(["exact", "near"]), distance: z.number(), source_id: z.string() }).nullable().describe("set when the text was stored already: this delivery was linked to the first copy"),
  proposals: z.array(proposalSchema),
});

export const feedSchema = z.object({
  id: z.string(), url: z.string(), title: z.string().nullable(), owner_party: z.string(), distribution: z.string(), interval_minutes: z.number(), active: z.boolean(),
  next_poll_at: z.string(), last_polled_at: z.string().nullable(), last_status: z.string().nullable(), last_error: z.string().nullable(), created_at: z.string(),
});

export const proposalListSchema = z.object({ items: z.array(proposalSchema), next_cursor: z.string().nullable() });
export const articleListSchema = z.object({ items: z.array(articleSummarySchema), next_cursor: z.string().nullable() });
export const proposalDetailSchema = proposalSchema.extend({
  decision: decisionSchema.nullable(),
  duplicate_candidates: z.array(z.object({ incident_id: z.string(), event_date: z.string(), location: z.string(), distance_km: z.number() })),
});
export const acceptResultSchema = z.object({ decision: decisionSchema, incident_id: z.string(), claim_id: z.string(), existing_incident: z.boolean() });
export const rejectResultSchema = z.object({ decision: decisionSchema });
export const feedListSchema = z.object({ items: z.array(feedSchema) });
export const feedPollSchema = z.object({ feed_id: z.string(), items: z.number(), new_items: z.number(), stored: z.number(), duplicates: z.number(), errors: z.array(z.object({ item: z.string(), code: z.string(), message: z.string() })) });

export type ProposedEvent = z.infer<typeof eventSchema>;
export type IntakeProposal = z.infer<typeof proposalSchema>;
export type ProposalDetail = z.infer<typeof proposalDetailSchema>;
export type IntakeArticle = z.infer<typeof articleSchema>;
export type FeedDto = z.infer<typeof feedSchema>;
export type IngestResult = z.infer<typeof ingestSchema>;

/** Splits text into plain and highlighted runs from [start, end) character ranges (overlaps merged, out-of-range clipped). */
export function highlightRuns(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): Array<{ text: string; mark: boolean }> {
  const clipped = ranges
    .map((r) => ({ start: Math.max(0, Math.min(text.length, r.start)), end: Math.max(0, Math.min(text.length, r.end)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const r of clipped) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const out: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const r of merged) {
    if (r.start > at) out.push({ text: text.slice(at, r.start), mark: false });
    out.push({ text: text.slice(r.start, r.end), mark: true });
    at = r.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}
