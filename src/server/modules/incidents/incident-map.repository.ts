// The map's read: six columns of every incident the viewer may see, through
// the same need-to-know predicate and filters as the list (incidentWhere),
// as tuples, newest first. On SQLite, 100,000 rows take a few hundred
// milliseconds of synchronous work: the read goes in keyset pages of two
// thousand rows in raw mode (arrays, no per-row objects) on the native
// connection, with the event loop free between pages, so the app's code,
// worker scripts and other requests do not wait behind it.
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { sql, type SqlBool } from "kysely";
import type { PointRow } from "../../../core/api/map.ts";
import type { Viewer } from "../../../core/access/distribution.ts";
import { sqliteConnection, type Db, type Dialect } from "../../platform/db/database.ts";
import { preparedOn } from "../../platform/db/statements.ts";
import { incidentWhere, type IncidentFilter } from "./incident.repository.ts";

// ~10 ms of work per page on an idle core.
const PAGE = 2000;

export async function mapPoints(db: Db, dialect: Dialect, viewer: Viewer, f: IncidentFilter, limit: number, pageSize = PAGE): Promise<PointRow[]> {
  const page = (after: PointRow | null, n: number) => db
    .selectFrom("incidents")
    .select(["id", "longitude", "latitude", "event_date", "event_type", "verification"])
    .where((eb) => eb.and(incidentWhere(dialect, viewer, f)))
    // A row-value comparison is a range on the date-ordered index.
    .$if(after !== null, (qb) => qb.where(sql<SqlBool>`(incidents.event_date, incidents.id) < (${after![3]}, ${after![0]})`))
    .orderBy("event_date", "desc")
    .orderBy("id", "desc")
    .limit(n);
  const conn = dialect === "sqlite" ? sqliteConnection(db) : null;
  if (!conn) return (await page(null, limit).execute()).map((r) => [r.id, r.longitude, r.latitude, r.event_date, r.event_type, r.verification] as const);
  const rows: PointRow[] = [];
  for (;;) {
    const want = Math.min(pageSize, limit - rows.length);
    const c = page(rows.at(-1) ?? null, want).compile();
    const part = preparedOn(conn, c.sql).raw(true).all(...c.parameters) as PointRow[];
    for (const r of part) rows.push(r);
    if (part.length < want || rows.length >= limit) return rows;
    await yieldToLoop();
  }
}
