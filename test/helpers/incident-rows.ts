// Builds complete incident rows for tests that need many incidents quickly,
// written straight to the table (the roll-up triggers still run).
import type { IncidentsTable } from "../../src/server/modules/incidents/incident.table.ts";
import { weekOf } from "../../src/core/indicators/weeks.ts";
import type { Db } from "../../src/server/platform/db/database.ts";

export const TEST_SET = "set_test_rows";

export async function ensureTestSet(db: Db): Promise<void> {
  await db.insertInto("incident_sets").values({ id: TEST_SET, action: "test", distribution: "shared", owner_party: null, created_at: "2025-01-01T00:00:00Z" }).onConflict((oc) => oc.column("id").doNothing()).execute();
}

export function incidentRow(id: string, p: Partial<IncidentsTable> & { event_date: string }): IncidentsTable {
  return {
    id, event_id_cnty: null, week: weekOf(p.event_date), time_precision: 1, disorder_type: "Political violence",
    event_type: "Explosions/Remote violence", sub_event_type: "Air/drone strike",
    actor1: "Military Forces of Israel", assoc_actor_1: "", inter1: 8, actor2: "", assoc_actor_2: "", inter2: null, interaction: null, civilian_targeting: "", iso: 760,
    region: "Middle East", country: "Syria", admin1: "Quneitra", admin2: "", admin3: "", location: "Quneitra", latitude: 33.12, longitude: 35.82, geo_precision: 1, error_radius_m: 0,
    source: "test", source_distribution: null, source_scale: "", notes: "", fatalities: 0, tags: "", acled_timestamp: null,
    plover_event: null, plover_mode: null, plover_context: null, zone: "east-0-10", line_distances: null, near_line: null, pack_admin1: "SY-QU",
    pack_id: null, pack_version: null, verification: "verified", merged_into: null, distribution: "shared", owner_party: null,
    created_by: null, created_at: "2025-01-01T00:00:00Z", updated_at: "2025-01-01T00:00:00Z", audit_set: TEST_SET,
    ...p,
  };
}
