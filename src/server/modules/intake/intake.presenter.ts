// What intake records look like to a reader. Articles, proposals and
// decisions carry one distribution each, checked in SQL before they get here;
// the presenter turns stored JSON back into structures and drops bookkeeping.
import { z } from "zod";
import type { Proposal } from "../../../core/intake/index.ts";
import type { ArticleRow, DecisionRow, FeedRow, ProposalRow, SourceRow } from "./intake.repository.ts";
import type { FinalEvent } from "./intake.service.ts";

const actorSchema = z.object({ name: z.string(), id: z.string().nullable(), country: z.string().nullable(), party: z.string().nullable().optional(), inter: z.number().nullable().optional() });
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

type ArticleSummaryRow = Omit<ArticleRow, "text" | "simhash" | "sim_b0" | "sim_b1" | "sim_b2" | "sim_b3" | "created_by"> & { text_length?: number; text?: string };

export function presentArticleSummary(a: ArticleSummaryRow): z.infer<typeof articleSummarySchema> {
  return {
    id: a.id, owner_party: a.owner_party, source_kind: a.source_kind as "paste", source_url: a.source_url, file_name: a.file_name, title: a.title, fetched_at: a.fetched_at,
    published: a.published, language: a.language, content_hash: a.content_hash, feed_id: a.feed_id, distribution: a.distribution, created_at: a.created_at,
    text_length: Number(a.text_length ?? a.text?.length ?? 0),
  };
}

export function presentProposal(p: ProposalRow): z.infer<typeof proposalSchema> {
  return {
    id: p.id, article_id: p.article_id, seq: p.seq, status: p.status as "pending", confidence: p.confidence, owner_party: p.owner_party, distribution: p.distribution,
    created_at: p.created_at, event: JSON.parse(p.data) as Proposal,
  };
}

export function presentDecision(d: DecisionRow): z.infer<typeof decisionSchema> {
  return {
    id: d.id, proposal_id: d.proposal_id, article_id: d.article_id, decision: d.decision as "accepted", edited_fields: JSON.parse(d.edited_fields) as string[],
    changes: JSON.parse(d.changes) as Record<string, { from: unknown; to: unknown }>, reason: d.reason, event: d.final_event ? (JSON.parse(d.final_event) as FinalEvent) : null,
    incident_id: d.incident_id, claim_id: d.claim_id, existing_incident: d.existing_incident === 1, actor_user: d.actor_user, actor_party: d.actor_party,
    distribution: d.distribution, at: d.at,
  };
}

export function presentSource(s: SourceRow): z.infer<typeof sourceSchema> {
  return {
    id: s.id, match: s.match as "exact", distance: s.distance, source_kind: s.source_kind, source_url: s.source_url, file_name: s.file_name, content_hash: s.content_hash,
    owner_party: s.owner_party, distribution: s.distribution, fetched_at: s.fetched_at,
  };
}

export function presentArticle(x: { article: ArticleRow; sources: SourceRow[]; proposals: ProposalRow[]; decisions: DecisionRow[] }): z.infer<typeof articleSchema> {
  const { text_length: _t, ...base } = presentArticleSummary(x.article);
  return { ...base, text: x.article.text, sources: x.sources.map(presentSource), proposals: x.proposals.map(presentProposal), decisions: x.decisions.map(presentDecision) };
}

export function presentFeed(f: FeedRow): z.infer<typeof feedSchema> {
  return {
    id: f.id, url: f.url, title: f.title, owner_party: f.owner_party, distribution: f.distribution, interval_minutes: f.interval_minutes, active: f.active === 1,
    next_poll_at: f.next_poll_at, last_polled_at: f.last_polled_at, last_status: f.last_status, last_error: f.last_error, created_at: f.created_at,
  };
}
