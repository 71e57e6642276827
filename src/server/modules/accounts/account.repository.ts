// All SQL of accounts: parties, users, sessions, API tokens, sharing groups
// and login rate limits. Row types stay here.
import { sql } from "kysely";
import type { DbOrTx } from "../../platform/db/database.ts";
import type { Statements } from "../../platform/db/statements.ts";
import type { PartiesTable, UsersTable, SessionsTable, ApiTokensTable, SharingGroupsTable } from "../../platform/db/schema.ts";

export type PartyRow = PartiesTable;
export type UserRow = UsersTable;
export type SessionRow = SessionsTable;
export type TokenRow = ApiTokensTable;
export type GroupRow = SharingGroupsTable;

export const accountRepository = {
  // parties
  insertParty: (db: DbOrTx, row: PartyRow) => db.insertInto("parties").values(row).execute(),
  findParty: (db: DbOrTx, id: string) => db.selectFrom("parties").selectAll().where("id", "=", id).executeTakeFirst(),
  listParties: (db: DbOrTx) => db.selectFrom("parties").selectAll().orderBy("id").execute(),

  // users
  insertUser: (db: DbOrTx, row: UserRow) => db.insertInto("users").values(row).execute(),
  findUserById: (db: DbOrTx, id: string) => db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst(),
  findUserByName: (db: DbOrTx, username: string) => db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst(),
  listUsers: (db: DbOrTx) => db.selectFrom("users").selectAll().orderBy("username").execute(),
  updateUser: (db: DbOrTx, id: string, patch: Partial<Omit<UserRow, "id">>) => db.updateTable("users").set(patch).where("id", "=", id).execute(),

  // sessions
  insertSession: (db: DbOrTx, row: SessionRow) => db.insertInto("sessions").values(row).execute(),
  findSession: (db: DbOrTx, id: string) => db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst(),
  listSessions: (db: DbOrTx, userId: string, nowIso: string) =>
    db.selectFrom("sessions").selectAll().where("user_id", "=", userId).where("revoked_at", "is", null).where("expires_at", ">", nowIso).orderBy("created_at", "desc").execute(),
  revokeSession: (db: DbOrTx, id: string, userId: string, at: string) =>
    db.updateTable("sessions").set({ revoked_at: at }).where("id", "=", id).where("user_id", "=", userId).where("revoked_at", "is", null).executeTakeFirst(),
  revokeAllSessions: (db: DbOrTx, userId: string, at: string) =>
    db.updateTable("sessions").set({ revoked_at: at }).where("user_id", "=", userId).where("revoked_at", "is", null).execute(),

  // tokens
  insertToken: (db: DbOrTx, row: TokenRow) => db.insertInto("api_tokens").values(row).execute(),
  findToken: (db: DbOrTx, id: string) => db.selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirst(),
  listTokens: (db: DbOrTx, userId: string) => db.selectFrom("api_tokens").selectAll().where("user_id", "=", userId).orderBy("created_at", "desc").execute(),
  revokeToken: (db: DbOrTx, id: string, at: string) =>
    db.updateTable("api_tokens").set({ revoked_at: at }).where("id", "=", id).where("revoked_at", "is", null).executeTakeFirst(),
  touchToken: (st: Statements, id: string, at: string) => st.run("update api_tokens set last_used_at = ? where id = ?", [at, id]),

  /** The access epoch (see migration 2026-11-30T1000): read on every signed-in request, so a native statement. */
  accessEpoch: async (st: Statements) => Number((await st.get<{ n: number }>("select n from access_epoch where id = 1"))?.n ?? 0),

  // sharing groups
  insertGroup: (db: DbOrTx, row: GroupRow) => db.insertInto("sharing_groups").values(row).execute(),
  findGroup: (db: DbOrTx, id: string) => db.selectFrom("sharing_groups").selectAll().where("id", "=", id).executeTakeFirst(),
  groupsOfParty: (db: DbOrTx, party: string) =>
    db
      .selectFrom("sharing_groups")
      .selectAll("sharing_groups")
      .where((eb) => eb.or([eb("owner_party", "=", party), eb("id", "in", eb.selectFrom("group_members").select("group_id").where("party_id", "=", party))]))
      .orderBy("id")
      .execute(),
  groupMembers: (db: DbOrTx, groupId: string) =>
    db.selectFrom("group_members").select("party_id").where("group_id", "=", groupId).orderBy("party_id").execute().then((r) => r.map((x) => x.party_id)),
  setGroupMembers: async (db: DbOrTx, groupId: string, parties: readonly string[]) => {
    await db.deleteFrom("group_members").where("group_id", "=", groupId).execute();
    if (parties.length) await db.insertInto("group_members").values(parties.map((p) => ({ group_id: groupId, party_id: p }))).execute();
  },

  // login rate limits: one row per key with a window start and a count
  getLimit: (db: DbOrTx, key: string) => db.selectFrom("rate_limits").selectAll().where("key", "=", key).executeTakeFirst(),
  bumpLimit: async (db: DbOrTx, key: string, nowIso: string, windowStartMin: string) => {
    // Start a new window when the old one has expired, else count up.
    await db
      .insertInto("rate_limits")
      .values({ key, count: 1, window_start: nowIso })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          count: sql`case when rate_limits.window_start < ${windowStartMin} then 1 else rate_limits.count + 1 end`,
          window_start: sql`case when rate_limits.window_start < ${windowStartMin} then ${nowIso} else rate_limits.window_start end`,
        }),
      )
      .execute();
  },
  clearLimit: (db: DbOrTx, key: string) => db.deleteFrom("rate_limits").where("key", "=", key).execute(),
};
