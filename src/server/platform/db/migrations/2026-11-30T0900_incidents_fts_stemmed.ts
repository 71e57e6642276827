// Free text on SQLite: the full-text index stems English words (Porter, on top
// of unicode61 with diacritics folded), and queries ask for whole terms.
// Prefix queries made FTS5 merge the doclists of every term starting with a
// word — ~70 ms for a word in one incident of seven at a million rows — while a
// stemmed whole term ("drones" → "drone") is read straight from its doclist.
// The triggers keep their text (they name the table, not its tokenizer), so
// they and the bulk importer's replay of them stay as they are.
import { PostgresAdapter, sql, type Kysely } from "kysely";

const BODY = sql.raw(`notes || ' ' || location || ' ' || actor1 || ' ' || actor2 || ' ' || assoc_actor_1 || ' ' || assoc_actor_2`);

async function rebuild(db: Kysely<unknown>, tokenize: string): Promise<void> {
  await sql`DROP TABLE incidents_fts`.execute(db);
  await sql.raw(`CREATE VIRTUAL TABLE incidents_fts USING fts5(body, content='', contentless_delete=1, detail=none, tokenize='${tokenize}')`).execute(db);
  await sql`INSERT INTO incidents_fts(rowid, body) SELECT rowid, ${BODY} FROM incidents`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return; // PostgreSQL keeps its tsvector index
  await rebuild(db, "porter unicode61 remove_diacritics 2");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await rebuild(db, "unicode61 remove_diacritics 2");
}
