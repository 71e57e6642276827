// Wire shapes of the talks register (meetings, commitments with measured
// criteria, windows, the inspection cadence): the one definition the
// server's presenter produces and its routes declare, and the web app parses.
import { z } from "zod";
import { measuredMessageSchema } from "../talks/criteria.ts";

export const delegateSchema = z.object({ id: z.string(), party: z.string(), name: z.string(), role_title: z.string(), distribution: z.string() });
export const meetingFormats = ["in_person", "intermediary", "remote"] as const;

export const meetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
  place: z.string(),
  format: z.string(),
  mediator_party: z.string().nullable(),
  agenda: z.array(z.string()),
  minutes_md: z.string().nullable(),
  /** Rendered and sanitized by the server; null when the minutes' own distribution excludes the reader. */
  minutes_html: z.string().nullable(),
  minutes_redacted: z.boolean(),
  outcomes: z.array(z.string()),
  distribution: z.string(),
  delegates: z.array(delegateSchema),
  /** Members the reader may not identify, counted per party. */
  undisclosed_delegates: z.record(z.string(), z.number()),
  attachments: z.array(z.object({ id: z.string(), file_name: z.string(), size: z.number(), content_type: z.string(), sha256: z.string(), distribution: z.string(), owner_party: z.string(), created_at: z.string() })),
  updated_at: z.string(),
});
export type MeetingDto = z.infer<typeof meetingSchema>;

export const commitmentStatuses = ["proposed", "agreed", "in_progress", "fulfilled", "breached", "lapsed"] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

/** Status moves the register allows from each status (who may make them is the server's decision). */
export const commitmentMoves: Record<CommitmentStatus, CommitmentStatus[]> = {
  proposed: ["agreed", "lapsed"],
  agreed: ["in_progress", "fulfilled", "breached", "lapsed"],
  in_progress: ["fulfilled", "breached", "lapsed"],
  fulfilled: ["breached"],
  breached: ["in_progress", "fulfilled"],
  lapsed: ["agreed"],
};

export const evaluationSchema = z.object({
  status: z.string(),
  on_track: z.boolean(),
  /** English wording of `message`. */
  summary: z.string(),
  message: measuredMessageSchema,
  numbers: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  records: z.array(z.string()),
});
export type EvaluationDto = z.infer<typeof evaluationSchema>;

export const commitmentSchema = z.object({
  id: z.string(),
  meeting_id: z.string().nullable(),
  text: z.string(),
  committed_party: z.string(),
  beneficiary_party: z.string().nullable(),
  kind: z.string(),
  due_date: z.string().nullable(),
  status: z.enum(commitmentStatuses),
  criterion: z.unknown().nullable(),
  measured: evaluationSchema.nullable(),
  distribution: z.string(),
  owner_party: z.string(),
  history: z.array(z.object({ status: z.string(), reason: z.string(), evidence: z.array(z.object({ type: z.string(), id: z.string(), note: z.string().optional() })), at: z.string(), actor_party: z.string().nullable() })).optional(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type CommitmentDto = z.infer<typeof commitmentSchema>;

export const windowSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  zone: z.string().nullable(),
  area: z.unknown().nullable(),
  starts_at: z.string(),
  ends_at: z.string(),
  status: z.string(),
  findings: z.record(z.string(), z.number()).nullable(),
  completed_at: z.string().nullable(),
  distribution: z.string(),
  owner_party: z.string(),
});

export const cadenceSchema = z.object({
  interval_days: z.number(),
  items: z.array(z.object({ zone: z.string(), last_inspection: z.string().nullable(), due: z.string().nullable(), overdue: z.boolean(), days_since: z.number().nullable() })),
});

export const meetingListSchema = z.object({ items: z.array(meetingSchema) });
export const commitmentListSchema = z.object({ items: z.array(commitmentSchema) });
export const windowListSchema = z.object({ items: z.array(windowSchema) });
