// Hotline: signing keys, threads and their member parties, immutable signed
// messages, delivery/read receipts, reply deadlines.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("hotline_keys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("party_id", "text")
    .addColumn("public_key", "text", (c) => c.notNull())
    .addColumn("label", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("hotline_keys_user").on("hotline_keys").column("user_id").execute();

  await db.schema
    .createTable("hotline_threads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("parties", "text", (c) => c.notNull())
    .addColumn("via", "text", (c) => c.notNull())
    .addColumn("mediator", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("owner_party", "text", (c) => c.notNull())
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("hotline_thread_members")
    .addColumn("thread_id", "text", (c) => c.notNull().references("hotline_threads.id"))
    .addColumn("party_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("hotline_thread_members_pk", ["thread_id", "party_id"])
    .execute();
  await db.schema.createIndex("hotline_thread_members_party").on("hotline_thread_members").columns(["party_id", "thread_id"]).execute();

  await db.schema
    .createTable("hotline_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("thread_id", "text", (c) => c.notNull().references("hotline_threads.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("sender_user", "text", (c) => c.notNull())
    .addColumn("sender_party", "text", (c) => c.notNull())
    .addColumn("key_id", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("client_time", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("refers_to", "text")
    .addColumn("corrects", "text")
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("signature", "text", (c) => c.notNull())
    .addColumn("receipt", "text", (c) => c.notNull())
    .addColumn("receipt_signature", "text", (c) => c.notNull())
    .addColumn("checks", "text")
    .addColumn("timing", "text")
    .addColumn("window_start", "text")
    .addColumn("window_end", "text")
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("owner_party", "text", (c) => c.notNull())
    .addUniqueConstraint("hotline_messages_thread_seq", ["thread_id", "seq"])
    // A nonce is used once per sender: the database refuses a replay even under a race.
    .addUniqueConstraint("hotline_messages_sender_nonce", ["sender_user", "nonce"])
    .execute();
  await db.schema.createIndex("hotline_messages_window").on("hotline_messages").columns(["kind", "window_end"]).execute();

  await db.schema
    .createTable("hotline_receipts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("message_id", "text", (c) => c.notNull().references("hotline_messages.id"))
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("party_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("signature", "text", (c) => c.notNull())
    .addUniqueConstraint("hotline_receipts_once", ["message_id", "event", "party_id"])
    .execute();

  await db.schema
    .createTable("hotline_deadlines")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("message_id", "text", (c) => c.notNull().references("hotline_messages.id"))
    .addColumn("thread_id", "text", (c) => c.notNull())
    .addColumn("rule_id", "text", (c) => c.notNull())
    .addColumn("reply_kind", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("met_at", "text")
    .addColumn("met_by", "text")
    .addColumn("escalation_level", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("owner_party", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("hotline_deadlines_message").on("hotline_deadlines").column("message_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["hotline_deadlines", "hotline_receipts", "hotline_messages", "hotline_thread_members", "hotline_threads", "hotline_keys"]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
