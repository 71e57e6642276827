// What intake records look like to a reader. Articles, proposals and
// decisions carry one distribution each, checked in SQL before they get here;
// the presenter turns stored JSON back into structures and drops bookkeeping.
// The shapes are core/api/intake.ts, which the web app parses with.
import type { z } from "zod";
import type { articleSchema, articleSummarySchema, decisionSchema, feedSchema, proposalSchema, sourceSchema } from "../../../core/api/intake.ts";
import type { Proposal } from "../../../core/intake/index.ts";
import type { ArticleRow, DecisionRow, FeedRow, ProposalRow, SourceRow } from "./intake.repository.ts";
import type { FinalEvent } from "./intake.service.ts";

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
