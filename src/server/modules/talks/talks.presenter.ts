// What readers see of meetings, commitments and windows. Minutes whose own
// distribution excludes the reader are dropped; delegates the reader may not
// identify are shown only as a count per party. The shapes are core/api/talks.ts.
import type { z } from "zod";
import type { commitmentSchema, meetingSchema, windowSchema } from "../../../core/api/talks.ts";
import { canSeeField, type Distribution, type Viewer } from "../../../core/access/distribution.ts";
import { renderMarkdown } from "../../../core/text/markdown.ts";
import type { Evaluation } from "../../../core/talks/criteria.ts";
import type { AttachmentRow, CommitmentEventRow, CommitmentRow, DelegateRow, MeetingRow, WindowRow } from "./talks.repository.ts";

export function presentMeeting(v: Viewer, m: MeetingRow, delegates: DelegateRow[], hidden: Array<{ party_id: string; n: number }>, attachments: AttachmentRow[] = []): z.infer<typeof meetingSchema> {
  const minutesOk = canSeeField(v, m.distribution as Distribution, m.minutes_distribution as Distribution, m.owner_party);
  return {
    id: m.id,
    title: m.title,
    starts_at: m.starts_at,
    ends_at: m.ends_at,
    place: m.place,
    format: m.format,
    mediator_party: m.mediator_party,
    agenda: JSON.parse(m.agenda) as string[],
    minutes_md: minutesOk ? m.minutes_md : null,
    minutes_html: minutesOk ? renderMarkdown(m.minutes_md) : null,
    minutes_redacted: !minutesOk,
    outcomes: JSON.parse(m.outcomes) as string[],
    distribution: m.distribution,
    delegates: delegates.map((d) => ({ id: d.id, party: d.party_id, name: d.name, role_title: d.role_title, distribution: d.distribution })),
    undisclosed_delegates: Object.fromEntries(hidden.map((h) => [h.party_id, h.n])),
    attachments: attachments.map((a) => ({ id: a.id, file_name: a.file_name, size: a.size, content_type: a.content_type, sha256: a.sha256, distribution: a.distribution, owner_party: a.owner_party, created_at: a.created_at })),
    updated_at: m.updated_at,
  };
}

export function presentCommitment(c: CommitmentRow, measured: Evaluation | null, history?: CommitmentEventRow[]): z.infer<typeof commitmentSchema> {
  return {
    id: c.id,
    meeting_id: c.meeting_id,
    text: c.text,
    committed_party: c.committed_party,
    beneficiary_party: c.beneficiary_party,
    kind: c.kind,
    due_date: c.due_date,
    status: c.status,
    criterion: c.criterion ? (JSON.parse(c.criterion) as unknown) : null,
    measured,
    distribution: c.distribution,
    owner_party: c.owner_party,
    ...(history
      ? { history: history.map((h) => ({ status: h.status, reason: h.reason, evidence: JSON.parse(h.evidence) as Array<{ type: string; id: string; note?: string }>, at: h.at, actor_party: h.actor_party })) }
      : {}),
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}

export function presentWindow(w: WindowRow): z.infer<typeof windowSchema> {
  return {
    id: w.id,
    kind: w.kind,
    title: w.title,
    zone: w.zone,
    area: w.area ? (JSON.parse(w.area) as unknown) : null,
    starts_at: w.starts_at,
    ends_at: w.ends_at,
    status: w.status,
    findings: w.findings ? (JSON.parse(w.findings) as Record<string, number>) : null,
    completed_at: w.completed_at,
    distribution: w.distribution,
    owner_party: w.owner_party,
  };
}
