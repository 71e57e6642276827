// All SQL of the talks register. Reads take the viewer and filter through the
// access module; delegates carry their own distribution.
import { sql } from "kysely";
import type { Viewer } from "../../../core/access/distribution.ts";
import { visibleTo } from "../../platform/access.ts";
import type { DbOrTx } from "../../platform/db/database.ts";
import type { CommitmentEventsTable, CommitmentsTable, MeetingAttachmentsTable, MeetingDelegatesTable, MeetingsTable, WindowsTable } from "./talks.table.ts";

export type AttachmentRow = MeetingAttachmentsTable;

export type MeetingRow = MeetingsTable;
export type DelegateRow = MeetingDelegatesTable;
export type CommitmentRow = CommitmentsTable;
export type CommitmentEventRow = CommitmentEventsTable;
export type WindowRow = WindowsTable;

export const talksRepository = {
  // meetings
  insertMeeting: (db: DbOrTx, row: MeetingRow) => db.insertInto("meetings").values(row).execute(),
  updateMeeting: (db: DbOrTx, id: string, patch: Partial<MeetingRow>) => db.updateTable("meetings").set(patch).where("id", "=", id).execute(),
  findMeeting: (db: DbOrTx, viewer: Viewer, id: string) =>
    db.selectFrom("meetings").selectAll().where("id", "=", id).where(visibleTo(viewer, "meetings.distribution", "meetings.owner_party")).executeTakeFirst(),
  listMeetings: (db: DbOrTx, viewer: Viewer, f: { from?: string | undefined; to?: string | undefined }, limit: number) => {
    let q = db.selectFrom("meetings").selectAll().where(visibleTo(viewer, "meetings.distribution", "meetings.owner_party"));
    if (f.from) q = q.where("starts_at", ">=", f.from);
    if (f.to) q = q.where("starts_at", "<", f.to);
    return q.orderBy("starts_at", "desc").limit(limit).execute();
  },
  insertDelegate: (db: DbOrTx, row: DelegateRow) => db.insertInto("meeting_delegates").values(row).execute(),
  /** Delegates of visible meetings, each filtered by its own distribution; the rest only counted. */
  delegates: async (db: DbOrTx, viewer: Viewer, meetingIds: readonly string[]) => {
    if (meetingIds.length === 0) return { visible: [] as DelegateRow[], hiddenCounts: [] as Array<{ meeting_id: string; party_id: string; n: number }> };
    const visible = await db
      .selectFrom("meeting_delegates")
      .selectAll()
      .where("meeting_id", "in", meetingIds)
      .where(visibleTo(viewer, "meeting_delegates.distribution", "meeting_delegates.party_id"))
      .orderBy("party_id")
      .orderBy("created_at")
      .execute();
    const hiddenCounts = await db
      .selectFrom("meeting_delegates")
      .select(["meeting_id", "party_id", sql<number>`count(*)`.as("n")])
      .where("meeting_id", "in", meetingIds)
      .where(sql<boolean>`not (${visibleTo(viewer, "meeting_delegates.distribution", "meeting_delegates.party_id")})`)
      .groupBy(["meeting_id", "party_id"])
      .execute();
    return { visible, hiddenCounts: hiddenCounts.map((h) => ({ ...h, n: Number(h.n) })) };
  },

  insertAttachment: (db: DbOrTx, row: AttachmentRow) => db.insertInto("meeting_attachments").values(row).execute(),
  /** Attachments of visible meetings, each filtered by its own distribution. */
  attachments: (db: DbOrTx, viewer: Viewer, meetingIds: readonly string[]) =>
    meetingIds.length === 0
      ? Promise.resolve([] as AttachmentRow[])
      : db.selectFrom("meeting_attachments").selectAll().where("meeting_id", "in", meetingIds).where(visibleTo(viewer, "meeting_attachments.distribution", "meeting_attachments.owner_party")).orderBy("created_at").execute(),
  findAttachment: (db: DbOrTx, viewer: Viewer, meetingId: string, id: string) =>
    db.selectFrom("meeting_attachments").selectAll().where("id", "=", id).where("meeting_id", "=", meetingId).where(visibleTo(viewer, "meeting_attachments.distribution", "meeting_attachments.owner_party")).executeTakeFirst(),

  // commitments
  insertCommitment: (db: DbOrTx, row: CommitmentRow) => db.insertInto("commitments").values(row).execute(),
  updateCommitment: (db: DbOrTx, id: string, patch: Partial<CommitmentRow>) => db.updateTable("commitments").set(patch).where("id", "=", id).execute(),
  findCommitment: (db: DbOrTx, viewer: Viewer, id: string) =>
    db.selectFrom("commitments").selectAll().where("id", "=", id).where(visibleTo(viewer, "commitments.distribution", "commitments.owner_party")).executeTakeFirst(),
  listCommitments: (db: DbOrTx, viewer: Viewer, f: { status?: string | undefined; party?: string | undefined; meeting?: string | undefined }) => {
    let q = db.selectFrom("commitments").selectAll().where(visibleTo(viewer, "commitments.distribution", "commitments.owner_party"));
    if (f.status) q = q.where("status", "=", f.status as CommitmentRow["status"]);
    if (f.party) q = q.where("committed_party", "=", f.party);
    if (f.meeting) q = q.where("meeting_id", "=", f.meeting);
    return q.orderBy("created_at", "desc").limit(1000).execute();
  },
  insertCommitmentEvent: (db: DbOrTx, row: CommitmentEventRow) => db.insertInto("commitment_events").values(row).execute(),
  commitmentHistory: (db: DbOrTx, id: string) => db.selectFrom("commitment_events").selectAll().where("commitment_id", "=", id).orderBy("at").orderBy("id").execute(),

  // windows
  insertWindow: (db: DbOrTx, row: WindowRow) => db.insertInto("windows").values(row).execute(),
  updateWindow: (db: DbOrTx, id: string, patch: Partial<WindowRow>) => db.updateTable("windows").set(patch).where("id", "=", id).execute(),
  findWindow: (db: DbOrTx, viewer: Viewer, id: string) =>
    db.selectFrom("windows").selectAll().where("id", "=", id).where(visibleTo(viewer, "windows.distribution", "windows.owner_party")).executeTakeFirst(),
  listWindows: (db: DbOrTx, viewer: Viewer, f: { kind?: string | undefined; zone?: string | undefined; from?: string | undefined; to?: string | undefined }) => {
    let q = db.selectFrom("windows").selectAll().where(visibleTo(viewer, "windows.distribution", "windows.owner_party"));
    if (f.kind) q = q.where("kind", "=", f.kind as WindowRow["kind"]);
    if (f.zone) q = q.where("zone", "=", f.zone);
    if (f.from) q = q.where("ends_at", ">=", f.from);
    if (f.to) q = q.where("starts_at", "<", f.to);
    return q.orderBy("starts_at", "desc").limit(1000).execute();
  },
  /** Latest completed inspection per zone that the viewer may see (null viewer: the system's own view, for alerts). */
  lastInspections: async (db: DbOrTx, viewer: Viewer | null) => {
    let q = db
      .selectFrom("windows")
      .select(["zone", sql<string>`max(completed_at)`.as("last")])
      .where("kind", "=", "inspection")
      .where("status", "=", "completed")
      .where("zone", "is not", null);
    if (viewer) q = q.where(visibleTo(viewer, "windows.distribution", "windows.owner_party"));
    return (await q.groupBy("zone").execute()) as Array<{ zone: string; last: string }>;
  },
};
