// One counter that moves whenever anything a signed-in request's access is
// built from changes: a token or session revoked, expired early or re-scoped,
// a user edited or disabled, a party's kind, a group's members. Triggers bump
// it in the transaction of the change, whichever process or tool makes it,
// so a server may keep a verified credential's access in memory for as long
// as the counter reads the same (one tiny read per request instead of five
// queries), and a revocation committed anywhere is honoured by the next request.
import { sql, SqliteAdapter, type Kysely } from "kysely";

/** [table, trigger name suffix, event] — the same text on SQLite and PostgreSQL. */
const watched: ReadonlyArray<readonly [string, string, string]> = [
  ["users", "upd", "UPDATE"],
  ["users", "del", "DELETE"],
  ["parties", "upd", "UPDATE OF kind"],
  ["parties", "del", "DELETE"],
  ["group_members", "ins", "INSERT"],
  ["group_members", "upd", "UPDATE"],
  ["group_members", "del", "DELETE"],
  // Not last_used_at: using a token is no change to what it may do.
  ["api_tokens", "upd", "UPDATE OF user_id, secret_hash, scopes, expires_at, revoked_at"],
  ["api_tokens", "del", "DELETE"],
  ["sessions", "upd", "UPDATE OF user_id, csrf_token, expires_at, revoked_at"],
  ["sessions", "del", "DELETE"],
];

const name = (table: string, suffix: string) => `access_epoch_${table}_${suffix}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema.createTable("access_epoch").addColumn("id", "integer", (c) => c.primaryKey()).addColumn("n", "integer", (c) => c.notNull()).execute();
  await sql`insert into access_epoch (id, n) values (1, 0)`.execute(db);
  if (isSqlite) {
    for (const [table, suffix, event] of watched) await sql.raw(`CREATE TRIGGER ${name(table, suffix)} AFTER ${event} ON ${table} BEGIN UPDATE access_epoch SET n = n + 1 WHERE id = 1; END`).execute(db);
    return;
  }
  await sql.raw(`CREATE OR REPLACE FUNCTION access_epoch_bump() RETURNS trigger AS $$ BEGIN UPDATE access_epoch SET n = n + 1 WHERE id = 1; RETURN NULL; END $$ LANGUAGE plpgsql`).execute(db);
  for (const [table, suffix, event] of watched) await sql.raw(`CREATE TRIGGER ${name(table, suffix)} AFTER ${event} ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION access_epoch_bump()`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  for (const [table, suffix] of watched) await sql.raw(isSqlite ? `DROP TRIGGER IF EXISTS ${name(table, suffix)}` : `DROP TRIGGER IF EXISTS ${name(table, suffix)} ON ${table}`).execute(db);
  if (!isSqlite) await sql.raw("DROP FUNCTION IF EXISTS access_epoch_bump()").execute(db);
  await db.schema.dropTable("access_epoch").ifExists().execute();
}
