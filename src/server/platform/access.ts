// The one access function of the server. Every read path filters through
// `visibleTo` in SQL (lists, search, counts, exports) or `canSee` for single
// records already loaded; both implement core/access/distribution.ts.
import { sql, type RawBuilder, type SqlBool } from "kysely";
import { canSee, canSeeField, type Distribution, type Viewer } from "../../core/access/distribution.ts";
import type { DbOrTx } from "./db/database.ts";

export { canSee, canSeeField };
export type { Viewer, Distribution };

/** The literal distributions a viewer may see regardless of owner. */
function openDistributions(viewer: Viewer): string[] {
  const out = ["public"];
  if (viewer.party === null) return out;
  out.push("shared", `party:${viewer.party}`);
  for (const g of viewer.groups) out.push(`group:${g}`);
  if (viewer.partyKind === "mediator") out.push("mediator");
  return out;
}

/**
 * SQL predicate: may `viewer` see the row whose distribution is in column
 * `distCol` and whose author party is in `ownerCol`? Column names are
 * qualified by the caller ("notes.distribution").
 */
export function visibleTo(viewer: Viewer, distCol: string, ownerCol: string): RawBuilder<SqlBool> {
  const open = openDistributions(viewer);
  if (viewer.party === null || viewer.partyKind === "mediator") return sql<SqlBool>`${sql.ref(distCol)} in (${sql.join(open)})`;
  // A party also sees its own mediator-only rows. Written as an IN-list AND a
  // residual check rather than an OR, so planners can still drive the query
  // from an index on the other filter columns (an OR made SQLite fall back to
  // a two-pass scan of the distribution index).
  return sql<SqlBool>`(${sql.ref(distCol)} in (${sql.join([...open, "mediator"])}) and (${sql.ref(distCol)} <> 'mediator' or ${sql.ref(ownerCol)} = ${viewer.party}))`;
}

/** Field-level predicate: the field's own distribution must be visible too (the record's is checked separately). */
export function fieldVisibleTo(viewer: Viewer, fieldDistCol: string, ownerCol: string): RawBuilder<SqlBool> {
  return visibleTo(viewer, fieldDistCol, ownerCol);
}

export interface UserIdentity {
  id: string;
  party_id: string | null;
  role: Viewer["role"];
}

/** Build the viewer for a signed-in user: party kind and group memberships come from the database. */
export async function loadViewer(db: DbOrTx, user: UserIdentity): Promise<Viewer> {
  if (user.party_id === null) return { userId: user.id, party: null, partyKind: null, groups: [], role: user.role };
  const party = await db.selectFrom("parties").select(["kind"]).where("id", "=", user.party_id).executeTakeFirst();
  const groups = await db.selectFrom("group_members").select("group_id").where("party_id", "=", user.party_id).execute();
  return {
    userId: user.id,
    party: user.party_id,
    partyKind: party?.kind ?? null,
    groups: groups.map((g) => g.group_id).sort(),
    role: user.role,
  };
}
