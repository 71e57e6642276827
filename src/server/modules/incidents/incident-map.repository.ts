// The map's read: six columns of every incident the viewer may see, through
// the same need-to-know predicate and filters as the list (incidentWhere),
// newest first, assembled straight into typed columns. On SQLite, turning
// 100,000 rows into JavaScript values was most of the cost (a row array and
// four strings each), so each keyset page of ten thousand rows comes back as
// ONE row of joined columns (group_concat over the ordered page) that the
// builder parses; the event loop is free between pages, so the app's code,
// worker scripts and other requests do not wait behind it.
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { sql, type SqlBool } from "kysely";
import { PointColumnsBuilder, type PointColumns } from "../../../core/api/map.ts";
import type { Viewer } from "../../../core/access/distribution.ts";
import { sqliteConnection, type Db, type Dialect } from "../../platform/db/database.ts";
import { preparedOn } from "../../platform/db/statements.ts";
import { incidentWhere, type IncidentFilter } from "./incident.repository.ts";

// ~10 ms of work per page on an idle core.
const PAGE = 10_000;

/** At most `limit` points (`truncated` says whether there were more). */
export async function mapPointColumns(db: Db, dialect: Dialect, viewer: Viewer, f: IncidentFilter, limit: number, pageSize = PAGE): Promise<PointColumns> {
  const page = (after: readonly [string, string] | null, n: number) => db
    .selectFrom("incidents")
    .select(["id", "longitude", "latitude", "event_date", "event_type", "verification"])
    .where((eb) => eb.and(incidentWhere(dialect, viewer, f)))
    // A row-value comparison is a range on the date-ordered index.
    .$if(after !== null, (qb) => qb.where(sql<SqlBool>`(incidents.event_date, incidents.id) < (${after![0]}, ${after![1]})`))
    .orderBy("event_date", "desc")
    .orderBy("id", "desc")
    .limit(n);
  // One more than the limit, to know whether the answer is cut.
  const out = new PointColumnsBuilder(limit, Math.min(limit + 1, 1 << 16));
  const conn = dialect === "sqlite" ? sqliteConnection(db) : null;
  if (!conn) {
    for (const r of await page(null, limit + 1).execute()) out.addRow([r.id, r.longitude, r.latitude, r.event_date, r.event_type, r.verification]);
    return out.finish();
  }
  let after: readonly [string, string] | null = null;
  let seen = 0;
  for (;;) {
    const want = Math.min(pageSize, limit + 1 - seen);
    const inner = page(after, want).compile();
    // Every aggregate steps over the same rows in the same order, so the joined columns line up.
    // The last key of the page is its smallest (date, id); NUL sorts below every character, so the joined text compares the same way.
    const joined = `select count(*), group_concat(id, char(10)), group_concat(cast(round(longitude * 100000) as integer)), group_concat(cast(round(latitude * 100000) as integer)),
      group_concat(coalesce(unixepoch(substr(event_date, 1, 10)) / 86400, 0)), group_concat(event_type, char(10)), group_concat(verification, char(10)),
      min(event_date || char(0) || id) from (${inner.sql})`;
    const [n, ids, lonE5, latE5, day, types, verifications, last] = preparedOn(conn, joined).raw(true).get(...inner.parameters) as [number, string, string, string, string, string, string, string | null];
    out.addPage({ n, ids, lonE5, latE5, day, types, verifications });
    seen += n;
    if (n < want || seen > limit || last === null) return out.finish();
    const cut = last.indexOf("\0");
    after = [last.slice(0, cut), last.slice(cut + 1)];
    await yieldToLoop();
  }
}
