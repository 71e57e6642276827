// The talks register: meetings and delegations, commitments with status
// history and measured criteria, scheduled windows and the inspection cadence
// of the Protocol (every zone at least every 15 days) with overdue alerts.
import type { Distribution, Viewer } from "../../../core/access/distribution.ts";
import { evaluateCriterion, unavailable, type Criterion, type CriterionData, type Evaluation } from "../../../core/talks/criteria.ts";
import { sanitizeMarkdownInput } from "../../../core/text/markdown.ts";
import type { AuditService } from "../../platform/audit/audit.service.ts";
import { registerAuditedSubject } from "../../platform/audit/subjects.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db, Tx } from "../../platform/db/database.ts";
import { errors } from "../../platform/http/errors.ts";
import { newId } from "../../platform/ids.ts";
import { talksPolicy, type CommitmentStatus } from "./talks.policy.ts";
import { talksRepository as repo, type AttachmentRow, type CommitmentRow, type MeetingRow, type WindowRow } from "./talks.repository.ts";
import type { EvidenceStore } from "../incidents/evidence.ts";

registerAuditedSubject("meeting", { table: "meetings", key: "id", columns: ["id", "title", "starts_at", "ends_at", "place", "format", "mediator_party", "agenda", "minutes_md", "minutes_distribution", "outcomes", "distribution", "owner_party", "updated_at"] });
registerAuditedSubject("meeting_delegate", { table: "meeting_delegates", key: "id", columns: ["id", "meeting_id", "party_id", "name", "role_title", "distribution"] });
registerAuditedSubject("meeting_attachment", { table: "meeting_attachments", key: "id", columns: ["id", "meeting_id", "file_name", "stored_name", "sha256", "size", "content_type", "distribution", "owner_party", "uploaded_by", "created_at"] });
registerAuditedSubject("commitment", { table: "commitments", key: "id", columns: ["id", "meeting_id", "text", "committed_party", "beneficiary_party", "kind", "due_date", "status", "criterion", "distribution", "owner_party", "updated_at"] });
registerAuditedSubject("window", { table: "windows", key: "id", columns: ["id", "kind", "title", "zone", "area", "starts_at", "ends_at", "status", "findings", "completed_at", "distribution", "owner_party", "updated_at"] });

/** The Protocol on UNDOF: each zone inspected not less often than once every 15 days. */
export const INSPECTION_INTERVAL_DAYS = 15;
const DAY = 86_400_000;

/** Where criterion data comes from: other modules fill these in as they exist. */
export interface CriterionSources {
  weeklyIncidents?: (viewer: Viewer, f: { event_type: string; sub_event_type?: string | undefined; zone?: string | undefined; admin1?: string | undefined; from: string; to: string }) => Promise<CriterionData["weekly"]>;
  notifications?: (viewer: Viewer, party: string, from: string) => Promise<CriterionData["notifications"]>;
}

export interface Publisher {
  publish(tx: Tx, input: { type: string; payload: unknown; distribution: Distribution; ownerParty: string | null }): Promise<number>;
}
export interface Scheduler {
  register(kind: string, handler: (tx: Tx, job: { payload: unknown }) => Promise<void>): void;
  schedule(tx: Db | Tx, input: { kind: string; dueAt: Date | string; payload: unknown; key?: string }): Promise<void>;
}

export interface TalksDeps {
  db: Db;
  audit: AuditService;
  clock: Clock;
  /** Zone ids whose inspection cadence is tracked (the pack's zones of limitation). */
  inspectionZones: () => Promise<string[]>;
  sources?: CriterionSources;
  realtime?: Publisher | undefined;
  jobs?: Scheduler | undefined;
  /** Where attachment bytes live (the same store as incident evidence). */
  files?: EvidenceStore | undefined;
}

export interface MeetingInput {
  title: string;
  starts_at: string;
  ends_at: string;
  place: string;
  format: MeetingRow["format"];
  agenda: string[];
  distribution: Distribution;
  minutes_distribution?: Distribution | undefined;
}

export interface CommitmentInput {
  meeting_id?: string | undefined;
  text: string;
  committed_party: string;
  beneficiary_party?: string | null | undefined;
  kind: CommitmentRow["kind"];
  due_date?: string | null | undefined;
  criterion?: Criterion | null | undefined;
  distribution: Distribution;
}

export interface WindowInput {
  kind: WindowRow["kind"];
  title: string;
  zone?: string | null | undefined;
  area?: unknown;
  starts_at: string;
  ends_at: string;
  distribution: Distribution;
}

const actorOf = (v: Viewer) => ({ userId: v.userId, party: v.party });

export class TalksService {
  constructor(private readonly d: TalksDeps) {
    d.jobs?.register("talks.inspection-due", async (tx, job) => {
      await this.checkInspectionDue(tx, job.payload as { zone: string; since: string });
    });
  }

  private now(): string {
    return this.d.clock.now().toISOString();
  }

  // ---------- meetings ----------
  async createMeeting(viewer: Viewer, input: MeetingInput): Promise<MeetingRow> {
    talksPolicy.createMeeting(viewer);
    talksPolicy.assignable(viewer, "distribution", input.distribution);
    if (input.minutes_distribution) talksPolicy.assignable(viewer, "minutes_distribution", input.minutes_distribution);
    if (input.ends_at < input.starts_at) throw errors.validation("The meeting ends before it starts.", [{ path: "ends_at", problem: "before starts_at" }]);
    const now = this.now();
    const row: MeetingRow = {
      id: newId("mtg"),
      title: input.title,
      starts_at: input.starts_at,
      ends_at: input.ends_at,
      place: input.place,
      format: input.format,
      mediator_party: viewer.party,
      agenda: JSON.stringify(input.agenda),
      minutes_md: "",
      minutes_distribution: input.minutes_distribution ?? input.distribution,
      outcomes: "[]",
      distribution: input.distribution,
      owner_party: viewer.party!,
      created_by: viewer.userId!,
      created_at: now,
      updated_at: now,
    };
    await this.d.db.transaction().execute(async (tx) => {
      await repo.insertMeeting(tx, row);
      await this.d.audit.record(tx, actorOf(viewer), { action: "meeting.create", subjectType: "meeting", subjectId: row.id, distribution: input.distribution, ownerParty: row.owner_party });
      await this.d.realtime?.publish(tx, { type: "meeting.created", payload: { id: row.id, title: row.title, starts_at: row.starts_at }, distribution: input.distribution, ownerParty: row.owner_party });
    });
    return row;
  }

  async getMeeting(viewer: Viewer, id: string): Promise<MeetingRow> {
    const m = await repo.findMeeting(this.d.db, viewer, id);
    if (!m) throw errors.notFound("meeting");
    return m;
  }

  listMeetings(viewer: Viewer, f: { from?: string | undefined; to?: string | undefined }) {
    return repo.listMeetings(this.d.db, viewer, f, 500);
  }

  delegates(viewer: Viewer, ids: readonly string[]) {
    return repo.delegates(this.d.db, viewer, ids);
  }

  async updateMeeting(viewer: Viewer, id: string, patch: { agenda?: string[] | undefined; minutes_md?: string | undefined; outcomes?: string[] | undefined; minutes_distribution?: Distribution | undefined }): Promise<MeetingRow> {
    talksPolicy.editMeeting(viewer);
    if (patch.minutes_distribution) talksPolicy.assignable(viewer, "minutes_distribution", patch.minutes_distribution);
    return this.d.db.transaction().execute(async (tx) => {
      const m = await repo.findMeeting(tx, viewer, id);
      if (!m) throw errors.notFound("meeting");
      await repo.updateMeeting(tx, id, {
        ...(patch.agenda ? { agenda: JSON.stringify(patch.agenda) } : {}),
        ...(patch.minutes_md !== undefined ? { minutes_md: sanitizeMarkdownInput(patch.minutes_md) } : {}),
        ...(patch.outcomes ? { outcomes: JSON.stringify(patch.outcomes) } : {}),
        ...(patch.minutes_distribution ? { minutes_distribution: patch.minutes_distribution } : {}),
        updated_at: this.now(),
      });
      await this.d.audit.record(tx, actorOf(viewer), { action: patch.minutes_distribution ? "meeting.distribution" : "meeting.update", subjectType: "meeting", subjectId: id, distribution: m.distribution as Distribution, ownerParty: m.owner_party });
      return (await repo.findMeeting(tx, viewer, id))!;
    });
  }

  /** A party names a member of its delegation; by default only that party sees who it is. */
  async addDelegate(viewer: Viewer, meetingId: string, input: { party: string; name: string; role_title: string; distribution?: Distribution | undefined }): Promise<string> {
    talksPolicy.addDelegate(viewer, input.party);
    const dist = input.distribution ?? (`party:${input.party}` as Distribution);
    talksPolicy.assignable(viewer, "distribution", dist);
    const id = newId("dlg");
    await this.d.db.transaction().execute(async (tx) => {
      const m = await repo.findMeeting(tx, viewer, meetingId);
      if (!m) throw errors.notFound("meeting");
      await repo.insertDelegate(tx, { id, meeting_id: meetingId, party_id: input.party, name: input.name, role_title: input.role_title, distribution: dist, created_at: this.now() });
      await this.d.audit.record(tx, actorOf(viewer), { action: "meeting.delegate", subjectType: "meeting_delegate", subjectId: id, distribution: dist, ownerParty: input.party });
    });
    return id;
  }

  attachments(viewer: Viewer, ids: readonly string[]) {
    return repo.attachments(this.d.db, viewer, ids);
  }

  /** Attach a file to a meeting the caller may see; its distribution must include the caller's party. */
  async addAttachment(viewer: Viewer, meetingId: string, body: AsyncIterable<Uint8Array>, meta: { file_name: string; distribution: Distribution }): Promise<AttachmentRow> {
    if (!this.d.files) throw errors.conflict("This deployment stores no files.");
    if (viewer.party === null) throw errors.forbidden("Attachments belong to a party; administrators hold none.");
    talksPolicy.assignable(viewer, "distribution", meta.distribution);
    if (!(await repo.findMeeting(this.d.db, viewer, meetingId))) throw errors.notFound("meeting");
    const stored = await this.d.files.receive(body);
    const row: AttachmentRow = {
      id: newId("att"),
      meeting_id: meetingId,
      file_name: meta.file_name,
      stored_name: stored.name,
      sha256: stored.sha256,
      size: stored.size,
      content_type: stored.contentType,
      distribution: meta.distribution,
      owner_party: viewer.party,
      uploaded_by: viewer.userId!,
      created_at: this.now(),
    };
    try {
      await this.d.db.transaction().execute(async (tx) => {
        await repo.insertAttachment(tx, row);
        await this.d.audit.record(tx, actorOf(viewer), { action: "meeting.attachment", subjectType: "meeting_attachment", subjectId: row.id, distribution: meta.distribution, ownerParty: viewer.party });
      });
    } catch (e) {
      await this.d.files.discard(stored.name);
      throw e;
    }
    return row;
  }

  async readAttachment(viewer: Viewer, meetingId: string, id: string): Promise<{ row: AttachmentRow; data: Buffer }> {
    const row = await repo.findAttachment(this.d.db, viewer, meetingId, id);
    if (!row || !this.d.files) throw errors.notFound("attachment");
    return { row, data: await this.d.files.read(row.stored_name, row.sha256) };
  }

  // ---------- commitments ----------
  async createCommitment(viewer: Viewer, input: CommitmentInput): Promise<CommitmentRow> {
    talksPolicy.createCommitment(viewer);
    talksPolicy.assignable(viewer, "distribution", input.distribution);
    const now = this.now();
    const row: CommitmentRow = {
      id: newId("cmt"),
      meeting_id: input.meeting_id ?? null,
      text: input.text,
      committed_party: input.committed_party,
      beneficiary_party: input.beneficiary_party ?? null,
      kind: input.kind,
      due_date: input.due_date ?? null,
      status: "proposed",
      criterion: input.criterion ? JSON.stringify(input.criterion) : null,
      distribution: input.distribution,
      owner_party: viewer.party!,
      created_by: viewer.userId!,
      created_at: now,
      updated_at: now,
    };
    await this.d.db.transaction().execute(async (tx) => {
      if (row.meeting_id && !(await repo.findMeeting(tx, viewer, row.meeting_id))) throw errors.validation("No meeting with that id, or you may not see it.", [{ path: "meeting_id", problem: "unknown meeting" }]);
      await repo.insertCommitment(tx, row);
      await repo.insertCommitmentEvent(tx, { id: newId("cev"), commitment_id: row.id, status: "proposed", reason: "recorded", evidence: "[]", at: now, actor_user: viewer.userId, actor_party: viewer.party });
      await this.d.audit.record(tx, actorOf(viewer), { action: "commitment.create", subjectType: "commitment", subjectId: row.id, distribution: input.distribution, ownerParty: row.owner_party });
      await this.d.realtime?.publish(tx, { type: "commitment.changed", payload: { id: row.id, status: row.status }, distribution: input.distribution, ownerParty: row.owner_party });
    });
    return row;
  }

  async getCommitment(viewer: Viewer, id: string): Promise<CommitmentRow> {
    const c = await repo.findCommitment(this.d.db, viewer, id);
    if (!c) throw errors.notFound("commitment");
    return c;
  }

  listCommitments(viewer: Viewer, f: { status?: string | undefined; party?: string | undefined; meeting?: string | undefined }) {
    return repo.listCommitments(this.d.db, viewer, f);
  }

  history(id: string) {
    return repo.commitmentHistory(this.d.db, id);
  }

  async moveCommitment(viewer: Viewer, id: string, to: CommitmentStatus, reason: string, evidence: Array<{ type: string; id: string; note?: string | undefined }>): Promise<CommitmentRow> {
    return this.d.db.transaction().execute(async (tx) => {
      const c = await repo.findCommitment(tx, viewer, id);
      if (!c) throw errors.notFound("commitment");
      talksPolicy.move(viewer, c, to);
      const now = this.now();
      await repo.updateCommitment(tx, id, { status: to, updated_at: now });
      await repo.insertCommitmentEvent(tx, { id: newId("cev"), commitment_id: id, status: to, reason, evidence: JSON.stringify(evidence), at: now, actor_user: viewer.userId, actor_party: viewer.party });
      await this.d.audit.record(tx, actorOf(viewer), { action: `commitment.${to}`, subjectType: "commitment", subjectId: id, distribution: c.distribution as Distribution, ownerParty: c.owner_party });
      await this.d.realtime?.publish(tx, { type: "commitment.changed", payload: { id, status: to }, distribution: c.distribution as Distribution, ownerParty: c.owner_party });
      return (await repo.findCommitment(tx, viewer, id))!;
    });
  }

  /** The measured status of a commitment's criterion, over what this viewer may see. */
  async evaluate(viewer: Viewer, c: CommitmentRow): Promise<Evaluation | null> {
    if (!c.criterion) return null;
    const crit = JSON.parse(c.criterion) as Criterion;
    const today = this.now().slice(0, 10);
    const data: CriterionData = {};
    switch (crit.kind) {
      case "max_incidents_per_week": {
        const src = this.d.sources?.weeklyIncidents;
        if (!src) return unavailable("incidents");
        const to = new Date(Date.parse(`${crit.from}T00:00:00Z`) + (crit.weeks * 7 + 7) * DAY).toISOString().slice(0, 10);
        data.weekly = await src(viewer, { event_type: crit.event_type, sub_event_type: crit.sub_event_type, zone: crit.zone, admin1: crit.admin1, from: crit.from, to });
        break;
      }
      case "none_found_at_inspections": {
        const rows = await repo.listWindows(this.d.db, viewer, { kind: "inspection", zone: crit.zone, from: crit.from });
        data.inspections = rows
          .filter((w) => w.status === "completed" && w.completed_at !== null)
          .map((w) => ({ id: w.id, date: w.completed_at!.slice(0, 10), zone: w.zone!, findings: JSON.parse(w.findings ?? "{}") as Record<string, number> }));
        break;
      }
      case "notification_lead_share": {
        const src = this.d.sources?.notifications;
        if (!src) return unavailable("hotline");
        data.notifications = await src(viewer, crit.party, crit.from);
        break;
      }
    }
    return evaluateCriterion(crit, data, today, c.due_date);
  }

  // ---------- windows and inspections ----------
  async createWindow(viewer: Viewer, input: WindowInput): Promise<WindowRow> {
    talksPolicy.window(viewer, input.kind);
    talksPolicy.assignable(viewer, "distribution", input.distribution);
    if (input.ends_at < input.starts_at) throw errors.validation("The window ends before it starts.", [{ path: "ends_at", problem: "before starts_at" }]);
    if (input.kind === "inspection" && !input.zone) throw errors.validation("An inspection names the zone it covers.", [{ path: "zone", problem: "required for inspections" }]);
    if (input.zone && !(await this.d.inspectionZones()).includes(input.zone) && input.kind === "inspection") {
      throw errors.validation(`Unknown zone ${input.zone}.`, [{ path: "zone", problem: `one of ${(await this.d.inspectionZones()).join(", ")}` }]);
    }
    const now = this.now();
    const row: WindowRow = {
      id: newId("win"),
      kind: input.kind,
      title: input.title,
      zone: input.zone ?? null,
      area: input.area === undefined || input.area === null ? null : JSON.stringify(input.area),
      starts_at: input.starts_at,
      ends_at: input.ends_at,
      status: "scheduled",
      findings: null,
      completed_at: null,
      distribution: input.distribution,
      owner_party: viewer.party!,
      created_by: viewer.userId!,
      created_at: now,
      updated_at: now,
    };
    await this.d.db.transaction().execute(async (tx) => {
      await repo.insertWindow(tx, row);
      await this.d.audit.record(tx, actorOf(viewer), { action: `window.${input.kind}.create`, subjectType: "window", subjectId: row.id, distribution: input.distribution, ownerParty: row.owner_party });
      await this.d.realtime?.publish(tx, { type: "window.scheduled", payload: { id: row.id, kind: row.kind, zone: row.zone, starts_at: row.starts_at, ends_at: row.ends_at }, distribution: input.distribution, ownerParty: row.owner_party });
    });
    return row;
  }

  listWindows(viewer: Viewer, f: { kind?: string | undefined; zone?: string | undefined; from?: string | undefined; to?: string | undefined }) {
    return repo.listWindows(this.d.db, viewer, f);
  }

  async getWindow(viewer: Viewer, id: string): Promise<WindowRow> {
    const w = await repo.findWindow(this.d.db, viewer, id);
    if (!w) throw errors.notFound("window");
    return w;
  }

  /** Record an inspection's result; it restarts that zone's 15-day clock. */
  async completeInspection(viewer: Viewer, id: string, findings: Record<string, number>, completedAt: string | undefined): Promise<WindowRow> {
    return this.d.db.transaction().execute(async (tx) => {
      const w = await repo.findWindow(tx, viewer, id);
      if (!w) throw errors.notFound("window");
      talksPolicy.window(viewer, w.kind);
      if (w.kind !== "inspection") throw errors.conflict("Only inspections have findings; truces and repairs are cancelled or simply end.");
      if (w.status !== "scheduled") throw errors.conflict(`This inspection is already ${w.status}.`);
      const at = completedAt ?? this.now();
      await repo.updateWindow(tx, id, { status: "completed", findings: JSON.stringify(findings), completed_at: at, updated_at: this.now() });
      await this.d.audit.record(tx, actorOf(viewer), { action: "window.inspection.complete", subjectType: "window", subjectId: id, distribution: w.distribution as Distribution, ownerParty: w.owner_party });
      await this.d.realtime?.publish(tx, { type: "inspection.completed", payload: { id, zone: w.zone, findings, completed_at: at }, distribution: w.distribution as Distribution, ownerParty: w.owner_party });
      if (w.zone) await this.scheduleDue(tx, w.zone, at);
      return (await repo.findWindow(tx, viewer, id))!;
    });
  }

  async cancelWindow(viewer: Viewer, id: string, reason: string): Promise<WindowRow> {
    return this.d.db.transaction().execute(async (tx) => {
      const w = await repo.findWindow(tx, viewer, id);
      if (!w) throw errors.notFound("window");
      if (w.owner_party !== viewer.party) throw errors.forbidden("Only the party that scheduled a window cancels it.");
      if (w.status !== "scheduled") throw errors.conflict(`This window is already ${w.status}.`);
      await repo.updateWindow(tx, id, { status: "cancelled", updated_at: this.now() });
      await this.d.audit.record(tx, actorOf(viewer), { action: `window.cancel: ${reason}`.slice(0, 200), subjectType: "window", subjectId: id, distribution: w.distribution as Distribution, ownerParty: w.owner_party });
      return (await repo.findWindow(tx, viewer, id))!;
    });
  }

  /** Per zone: last inspection, when the next is due, and whether it is overdue. */
  async cadence(viewer: Viewer | null): Promise<Array<{ zone: string; last_inspection: string | null; due: string | null; overdue: boolean; days_since: number | null }>> {
    const zones = await this.d.inspectionZones();
    const last = new Map((await repo.lastInspections(this.d.db, viewer)).map((r) => [r.zone, r.last]));
    const now = this.d.clock.now().getTime();
    return zones.map((zone) => {
      const l = last.get(zone) ?? null;
      const due = l ? new Date(Date.parse(l) + INSPECTION_INTERVAL_DAYS * DAY).toISOString() : null;
      return { zone, last_inspection: l, due, overdue: l === null || Date.parse(due!) < now, days_since: l ? Math.floor((now - Date.parse(l)) / DAY) : null };
    });
  }

  private async scheduleDue(tx: Tx, zone: string, since: string): Promise<void> {
    await this.d.jobs?.schedule(tx, { kind: "talks.inspection-due", dueAt: new Date(Date.parse(since) + INSPECTION_INTERVAL_DAYS * DAY), payload: { zone, since }, key: `inspection-due:${zone}:${since}` });
  }

  /** At start: make sure every zone has a pending due-check (idempotent by key). */
  async scheduleInspectionChecks(): Promise<void> {
    if (!this.d.jobs) return;
    const rows = await this.cadence(null);
    const start = this.now();
    for (const r of rows) await this.d.db.transaction().execute((tx) => this.scheduleDue(tx, r.zone, r.last_inspection ?? start));
  }

  private async checkInspectionDue(tx: Tx, p: { zone: string; since: string }): Promise<void> {
    const last = (await repo.lastInspections(tx, null)).find((r) => r.zone === p.zone)?.last ?? null;
    // A newer inspection restarted the clock: its own job will check later.
    if (last !== null && last > p.since) return;
    await this.d.realtime?.publish(tx, {
      type: "inspection.overdue",
      payload: { zone: p.zone, last_inspection: last, overdue_since: new Date(Date.parse(p.since) + INSPECTION_INTERVAL_DAYS * DAY).toISOString() },
      distribution: "shared",
      ownerParty: null,
    });
    // Remind again every day until someone inspects.
    await this.d.jobs?.schedule(tx, { kind: "talks.inspection-due", dueAt: new Date(this.d.clock.now().getTime() + DAY), payload: p, key: `inspection-due:${p.zone}:${p.since}:${this.now().slice(0, 10)}` });
  }
}
