// The map's read: six columns of every incident the viewer may see, through
// the same need-to-know predicate and filters as the list (incidentWhere).
import type { Viewer } from "../../../core/access/distribution.ts";
import type { Db, Dialect } from "../../platform/db/database.ts";
import { incidentWhere, type IncidentFilter } from "./incident.repository.ts";

export function mapPoints(db: Db, dialect: Dialect, viewer: Viewer, f: IncidentFilter, limit: number) {
  return db
    .selectFrom("incidents")
    .select(["id", "longitude", "latitude", "event_date", "event_type", "verification"])
    .where((eb) => eb.and(incidentWhere(dialect, viewer, f)))
    .orderBy("event_date", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
