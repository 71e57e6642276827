// Wire shapes of intake (articles, proposals with evidence offsets, decisions)
// as the web app reads them. The server's presenter produces the same fields.
import { z } from "zod";

const actorSchema = z.object({ name: z.string(), id: z.string().nullable(), country: z.string().nullable() }).loose();
const evidenceSchema = z.object({ text: z.string(), start: z.number(), end: z.number(), trigger: z.object({ start: z.number(), end: z.number(), text: z.string() }).optional() });

export const proposedEventSchema = z.object({
  event_id: z.string(),
  date: z.string().nullable(),
  actor1: actorSchema.nullable(),
  actor2: actorSchema.nullable(),
  event_type: z.string(),
  sub_event_type: z.string(),
  plover: z.string(),
  location: z.string().nullable(),
  admin1: z.string().nullable(),
  admin1_name: z.string().nullable().optional(),
  zone: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  geo_precision: z.number().nullable(),
  fatalities: z.number().nullable(),
  flags: z.object({ background: z.boolean(), future: z.boolean(), hypothetical: z.boolean(), negated: z.boolean() }),
  evidence: z.array(evidenceSchema),
  confidence: z.number(),
}).loose();
export type ProposedEvent = z.infer<typeof proposedEventSchema>;

export const intakeDecisionSchema = z.object({
  id: z.string(),
  proposal_id: z.string(),
  article_id: z.string(),
  decision: z.enum(["accepted", "edited", "rejected"]),
  edited_fields: z.array(z.string()),
  reason: z.string().nullable(),
  incident_id: z.string().nullable(),
  existing_incident: z.boolean(),
  actor_party: z.string(),
  at: z.string(),
}).loose();

export const intakeProposalSchema = z.object({
  id: z.string(),
  article_id: z.string(),
  seq: z.number(),
  status: z.enum(["pending", "accepted", "rejected"]),
  confidence: z.number(),
  owner_party: z.string(),
  distribution: z.string(),
  created_at: z.string(),
  event: proposedEventSchema,
});
export type IntakeProposal = z.infer<typeof intakeProposalSchema>;

export const proposalListSchema = z.object({ items: z.array(intakeProposalSchema), next_cursor: z.string().nullable() });

export const proposalDetailSchema = intakeProposalSchema.extend({
  decision: intakeDecisionSchema.nullable(),
  duplicate_candidates: z.array(z.object({ incident_id: z.string(), event_date: z.string(), location: z.string(), distance_km: z.number() })),
});
export type ProposalDetail = z.infer<typeof proposalDetailSchema>;

const articleBase = {
  id: z.string(), owner_party: z.string(), source_kind: z.string(), source_url: z.string().nullable(), file_name: z.string().nullable(),
  title: z.string().nullable(), published: z.string().nullable(), language: z.string(), distribution: z.string(), created_at: z.string(),
};
export const articleSummarySchema = z.object({ ...articleBase, text_length: z.number() }).loose();
export const intakeArticleSchema = z.object({ ...articleBase, text: z.string(), proposals: z.array(intakeProposalSchema), decisions: z.array(intakeDecisionSchema) }).loose();
export type IntakeArticle = z.infer<typeof intakeArticleSchema>;

export const ingestResultSchema = z.object({
  article: articleSummarySchema,
  duplicate: z.object({ of: z.string(), match: z.enum(["exact", "near"]), distance: z.number() }).loose().nullable(),
  proposals: z.array(intakeProposalSchema),
});

export const acceptResultSchema = z.object({ decision: intakeDecisionSchema, incident_id: z.string(), claim_id: z.string(), existing_incident: z.boolean() });
export const rejectResultSchema = z.object({ decision: intakeDecisionSchema });

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
