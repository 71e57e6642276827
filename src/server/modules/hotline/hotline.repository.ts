// SQL of the hotline. Every read takes the viewer: a thread is visible to the
// parties in it (membership) and never beyond its distribution (visibleTo),
// so lists, exports and checks cannot disagree about what a party may see.
import { sql } from "kysely";
import type { Viewer } from "../../../core/access/distribution.ts";
import { visibleTo } from "../../platform/access.ts";
import type { DbOrTx } from "../../platform/db/database.ts";
import type { HotlineDeadlinesTable, HotlineKeysTable, HotlineMessagesTable, HotlineReceiptsTable, HotlineThreadsTable } from "./hotline.table.ts";

export type KeyRow = HotlineKeysTable;
export type ThreadRow = HotlineThreadsTable;
export type MessageRow = HotlineMessagesTable;
export type ReceiptRow = HotlineReceiptsTable;
export type DeadlineRow = HotlineDeadlinesTable;

/** Threads the viewer's party is a member of. */
function memberThreads(db: DbOrTx, viewer: Viewer) {
  return db
    .selectFrom("hotline_threads")
    .where(visibleTo(viewer, "hotline_threads.distribution", "hotline_threads.owner_party"))
    .where((eb) => eb.exists(eb.selectFrom("hotline_thread_members as m").select("m.thread_id").whereRef("m.thread_id", "=", "hotline_threads.id").where("m.party_id", "=", viewer.party ?? "")));
}

export const hotlineRepository = {
  // ---------- keys ----------
  insertKey: (db: DbOrTx, row: KeyRow) => db.insertInto("hotline_keys").values(row).execute(),
  findKey: (db: DbOrTx, id: string) => db.selectFrom("hotline_keys").selectAll().where("id", "=", id).executeTakeFirst(),
  revokeKey: (db: DbOrTx, id: string, at: string) => db.updateTable("hotline_keys").set({ revoked_at: at }).where("id", "=", id).where("revoked_at", "is", null).execute(),
  listKeys: (db: DbOrTx, userId: string | null) => {
    let q = db.selectFrom("hotline_keys").selectAll();
    if (userId) q = q.where("user_id", "=", userId);
    return q.orderBy("created_at").orderBy("id").execute();
  },
  keysByIds: (db: DbOrTx, ids: string[]) =>
    ids.length
      ? db.selectFrom("hotline_keys").leftJoin("users", "users.id", "hotline_keys.user_id").selectAll("hotline_keys").select("users.username").where("hotline_keys.id", "in", ids).orderBy("hotline_keys.id").execute()
      : Promise.resolve([]),

  // ---------- threads ----------
  insertThread: async (db: DbOrTx, row: ThreadRow, members: string[]) => {
    await db.insertInto("hotline_threads").values(row).execute();
    await db.insertInto("hotline_thread_members").values(members.map((p) => ({ thread_id: row.id, party_id: p }))).execute();
  },
  findThreadRaw: (db: DbOrTx, id: string) => db.selectFrom("hotline_threads").selectAll().where("id", "=", id).executeTakeFirst(),
  findThreadVisible: (db: DbOrTx, viewer: Viewer, id: string) => memberThreads(db, viewer).selectAll("hotline_threads").where("hotline_threads.id", "=", id).executeTakeFirst(),
  listThreads: (db: DbOrTx, viewer: Viewer) => memberThreads(db, viewer).selectAll("hotline_threads").orderBy("hotline_threads.id", "desc").limit(1000).execute(),
  threadMembers: async (db: DbOrTx, id: string) => (await db.selectFrom("hotline_thread_members").select("party_id").where("thread_id", "=", id).orderBy("party_id").execute()).map((r) => r.party_id),
  lastSeqs: async (db: DbOrTx, ids: string[]) => {
    if (!ids.length) return new Map<string, number>();
    const rows = await db.selectFrom("hotline_messages").select(["thread_id", sql<number>`max(seq)`.as("m")]).where("thread_id", "in", ids).groupBy("thread_id").execute();
    return new Map(rows.map((r) => [r.thread_id, Number(r.m)]));
  },

  // ---------- messages ----------
  nextSeq: async (db: DbOrTx, threadId: string) => {
    const r = await db.selectFrom("hotline_messages").select(sql<number | null>`max(seq)`.as("m")).where("thread_id", "=", threadId).executeTakeFirst();
    return Number(r?.m ?? 0) + 1;
  },
  insertMessage: (db: DbOrTx, row: MessageRow) => db.insertInto("hotline_messages").values(row).execute(),
  findByNonce: (db: DbOrTx, senderUser: string, nonce: string) => db.selectFrom("hotline_messages").select("id").where("sender_user", "=", senderUser).where("nonce", "=", nonce).executeTakeFirst(),
  findMessageInThread: (db: DbOrTx, threadId: string, id: string) => db.selectFrom("hotline_messages").selectAll().where("thread_id", "=", threadId).where("id", "=", id).executeTakeFirst(),
  findMessageVisible: (db: DbOrTx, viewer: Viewer, id: string) =>
    db
      .selectFrom("hotline_messages")
      .selectAll()
      .where("id", "=", id)
      .where(visibleTo(viewer, "hotline_messages.distribution", "hotline_messages.owner_party"))
      .where((eb) => eb.exists(eb.selectFrom("hotline_thread_members as m").select("m.thread_id").whereRef("m.thread_id", "=", "hotline_messages.thread_id").where("m.party_id", "=", viewer.party ?? "")))
      .executeTakeFirst(),
  listMessages: (db: DbOrTx, threadId: string, afterSeq: number, limit: number) =>
    db.selectFrom("hotline_messages").selectAll().where("thread_id", "=", threadId).where("seq", ">", afterSeq).orderBy("seq").limit(limit).execute(),
  /**
   * Notifications whose window overlaps [start, end) in the threads the viewer
   * is in, minus those a later correction replaced.
   */
  notifiedActivity: (db: DbOrTx, viewer: Viewer, start: string, end: string) =>
    db
      .selectFrom("hotline_messages")
      .selectAll()
      .where("kind", "=", "notification")
      .where("window_end", ">", start)
      .where("window_start", "<", end)
      .where(visibleTo(viewer, "hotline_messages.distribution", "hotline_messages.owner_party"))
      .where((eb) => eb.exists(eb.selectFrom("hotline_thread_members as m").select("m.thread_id").whereRef("m.thread_id", "=", "hotline_messages.thread_id").where("m.party_id", "=", viewer.party ?? "")))
      .where((eb) => eb.not(eb.exists(eb.selectFrom("hotline_messages as c").select("c.id").whereRef("c.corrects", "=", "hotline_messages.id"))))
      .limit(5000)
      .execute(),

  // ---------- receipts ----------
  insertReceipts: async (db: DbOrTx, rows: ReceiptRow[]) => {
    if (!rows.length) return 0;
    const r = await db.insertInto("hotline_receipts").values(rows).onConflict((oc) => oc.columns(["message_id", "event", "party_id"]).doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0);
  },
  findReceipt: (db: DbOrTx, messageId: string, event: string, party: string) =>
    db.selectFrom("hotline_receipts").selectAll().where("message_id", "=", messageId).where("event", "=", event as "read").where("party_id", "=", party).executeTakeFirst(),
  receiptsForThread: (db: DbOrTx, threadId: string) =>
    db.selectFrom("hotline_receipts").innerJoin("hotline_messages", "hotline_messages.id", "hotline_receipts.message_id").selectAll("hotline_receipts").where("hotline_messages.thread_id", "=", threadId).orderBy("hotline_receipts.at").orderBy("hotline_receipts.id").execute(),
  existingReceipts: async (db: DbOrTx, messageIds: string[], event: string) => {
    if (!messageIds.length) return new Set<string>();
    const rows = await db.selectFrom("hotline_receipts").select(["message_id", "party_id"]).where("message_id", "in", messageIds).where("event", "=", event as "delivered").execute();
    return new Set(rows.map((r) => `${r.message_id}\u0000${r.party_id}`));
  },

  // ---------- deadlines ----------
  insertDeadline: (db: DbOrTx, row: DeadlineRow) => db.insertInto("hotline_deadlines").values(row).execute(),
  findDeadline: (db: DbOrTx, id: string) => db.selectFrom("hotline_deadlines").selectAll().where("id", "=", id).executeTakeFirst(),
  openDeadlinesFor: (db: DbOrTx, messageId: string) => db.selectFrom("hotline_deadlines").selectAll().where("message_id", "=", messageId).where("met_at", "is", null).execute(),
  meetDeadline: (db: DbOrTx, id: string, at: string, by: string) => db.updateTable("hotline_deadlines").set({ met_at: at, met_by: by }).where("id", "=", id).where("met_at", "is", null).execute(),
  escalateDeadline: (db: DbOrTx, id: string, level: number) =>
    db.updateTable("hotline_deadlines").set({ escalation_level: level }).where("id", "=", id).where("escalation_level", "<", level).where("met_at", "is", null).executeTakeFirst(),
  deadlinesForMessages: (db: DbOrTx, ids: string[]) => (ids.length ? db.selectFrom("hotline_deadlines").selectAll().where("message_id", "in", ids).orderBy("due_at").execute() : Promise.resolve([])),
  listDeadlines: (db: DbOrTx, viewer: Viewer, open: boolean) => {
    let q = db
      .selectFrom("hotline_deadlines")
      .selectAll()
      .where(visibleTo(viewer, "hotline_deadlines.distribution", "hotline_deadlines.owner_party"))
      .where((eb) => eb.exists(eb.selectFrom("hotline_thread_members as m").select("m.thread_id").whereRef("m.thread_id", "=", "hotline_deadlines.thread_id").where("m.party_id", "=", viewer.party ?? "")));
    if (open) q = q.where("met_at", "is", null);
    return q.orderBy("due_at").limit(1000).execute();
  },
};
