// SQL of party notes. Every read takes the viewer and filters in SQL through
// the access module, so a list, a count, a search and an export can never
// disagree about what a user may see.
import { sql } from "kysely";
import type { Viewer } from "../../../core/access/distribution.ts";
import { fieldVisibleTo, visibleTo } from "../../platform/access.ts";
import type { DbOrTx } from "../../platform/db/database.ts";
import type { NotesTable } from "../../platform/db/schema.ts";

export type NoteRow = NotesTable;

export interface NoteFilter {
  q?: string | undefined;
  ownerParty?: string | undefined;
}

function filtered(db: DbOrTx, viewer: Viewer, f: NoteFilter) {
  let qb = db.selectFrom("notes").where(visibleTo(viewer, "notes.distribution", "notes.owner_party"));
  if (f.ownerParty) qb = qb.where("notes.owner_party", "=", f.ownerParty);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => "\\" + c)}%`;
    // A hidden body must not make a note match: searching it would leak it.
    qb = qb.where((eb) =>
      eb.or([
        sql<boolean>`lower(notes.title) like ${like} escape '\\'`,
        eb.and([fieldVisibleTo(viewer, "notes.body_distribution", "notes.owner_party"), sql<boolean>`lower(notes.body) like ${like} escape '\\'`]),
      ]),
    );
  }
  return qb;
}

export const noteRepository = {
  insert: (db: DbOrTx, row: NoteRow) => db.insertInto("notes").values(row).execute(),
  update: (db: DbOrTx, id: string, patch: Partial<Omit<NoteRow, "id">>) => db.updateTable("notes").set(patch).where("id", "=", id).execute(),
  /** Unfiltered: for writes that must then authorize explicitly. */
  findRaw: (db: DbOrTx, id: string) => db.selectFrom("notes").selectAll().where("id", "=", id).executeTakeFirst(),
  findVisible: (db: DbOrTx, viewer: Viewer, id: string) =>
    db.selectFrom("notes").selectAll().where("id", "=", id).where(visibleTo(viewer, "notes.distribution", "notes.owner_party")).executeTakeFirst(),
  list: (db: DbOrTx, viewer: Viewer, f: NoteFilter, after: string | null, limit: number) => {
    let qb = filtered(db, viewer, f).selectAll("notes");
    if (after) qb = qb.where("notes.id", "<", after);
    return qb.orderBy("notes.id", "desc").limit(limit).execute();
  },
  count: async (db: DbOrTx, viewer: Viewer, f: NoteFilter) => {
    const r = await filtered(db, viewer, f).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  countByParty: (db: DbOrTx, viewer: Viewer, f: NoteFilter) =>
    filtered(db, viewer, f).select(["notes.owner_party as key", sql<number>`count(*)`.as("n")]).groupBy("notes.owner_party").orderBy("notes.owner_party").execute(),
  /** Streams in id order in pages, so an export of any size uses constant memory. */
  async *iterate(db: DbOrTx, viewer: Viewer, f: NoteFilter, page = 500): AsyncGenerator<NoteRow> {
    let after: string | null = null;
    for (;;) {
      let qb = filtered(db, viewer, f).selectAll("notes");
      if (after) qb = qb.where("notes.id", ">", after);
      const rows: NoteRow[] = await qb.orderBy("notes.id").limit(page).execute();
      for (const r of rows) yield r;
      if (rows.length < page) return;
      after = rows[rows.length - 1]!.id;
    }
  },
};
